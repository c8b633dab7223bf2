import { BadUserInputError } from '../../common/graphql-errors';
import { typedWords } from './lucene';

/**
 * How much text one search may hold. Each word becomes, per indexed field (10 in `entity_text`),
 * one clause for the word and one for its prefix, and Lucene refuses a query of more than 1,024
 * clauses (maxClauseCount): 51 distinct words pass, 52 fail. 32 words leave room for more fields.
 */
export const MAX_SEARCH_WORDS = 32;

/**
 * Lucene builds an automaton for each prefix and refuses one longer than 1,000 characters; the
 * longest German compounds have about 80 letters.
 */
export const MAX_SEARCH_WORD_LENGTH = 100;

/** Refuses a search text the index could not run, naming the limit and the value. */
export function checkSearchText(text: string): void {
  const words = typedWords(text);
  if (words.length > MAX_SEARCH_WORDS) {
    throw new BadUserInputError(
      `search text has ${words.length} words; at most ${MAX_SEARCH_WORDS}`,
      'text',
    );
  }
  const longest = words.reduce((a, w) => Math.max(a, [...w].length), 0);
  if (longest > MAX_SEARCH_WORD_LENGTH) {
    throw new BadUserInputError(
      `search text has a word of ${longest} characters; at most ${MAX_SEARCH_WORD_LENGTH}`,
      'text',
    );
  }
}

/** Whether a database error is Lucene refusing a query as too large (a fallback for the limits). */
export function isQueryTooLarge(error: unknown): boolean {
  return (
    error instanceof Error &&
    /TooManyNestedClauses|TooManyClauses|automaton is too large/.test(error.message)
  );
}
