import { typedWords } from './lucene';
import { checkSearchText, isQueryTooLarge, MAX_SEARCH_WORDS } from './search.limits';

describe('search text limits', () => {
  it('counts every typed word, in phrases or not, stop words included', () => {
    expect(typedWords('"Leben im Alter" in Bochum, Senioren-Büro')).toEqual([
      'Leben',
      'im',
      'Alter',
      'in',
      'Bochum',
      'Senioren',
      'Büro',
    ]);
  });

  it('passes the limit and refuses one word more, naming both', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(() => checkSearchText(words(MAX_SEARCH_WORDS))).not.toThrow();
    expect(() => checkSearchText(words(MAX_SEARCH_WORDS + 1))).toThrow(
      `search text has ${MAX_SEARCH_WORDS + 1} words; at most ${MAX_SEARCH_WORDS}`,
    );
  });

  it("recognises Lucene's refusals of a too large query", () => {
    expect(
      isQueryTooLarge(
        new Error('Caused by: org.apache.lucene.search.IndexSearcher$TooManyNestedClauses'),
      ),
    ).toBe(true);
    expect(isQueryTooLarge(new Error('input automaton is too large: 1001'))).toBe(true);
    expect(isQueryTooLarge(new Error('connection refused'))).toBe(false);
  });
});
