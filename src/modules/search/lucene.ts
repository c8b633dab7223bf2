/**
 * Turns what researchers type into a Lucene query for the German full-text index. Words are
 * normalised the way the index's German analyzer normalises them (case, umlauts and their ASCII
 * spellings, ß), and each word also matches as a prefix, so "Senioren" finds "Seniorenbüro" and
 * "Armut" finds "Armutsbekämpfung" (the analyzer stems but does not split compounds). Phrases in
 * balanced double quotes are kept as phrases; every other Lucene operator character is escaped,
 * so no input can make the query fail.
 */
const SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/** As GermanNormalizationFilter: ä/ae → a, ö/oe → o, ü/ue → u, ß → ss, lower case. */
export function normaliseGerman(word: string): string {
  return word
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/([^aeiouy]|^)ae/g, '$1a')
    .replace(/([^aeiouy]|^)oe/g, '$1o')
    .replace(/([^aeiouy]|^)ue/g, '$1u');
}

/** Words too common to require: the analyzer drops them, so a required one would match nothing. */
const STOP_WORDS = new Set(
  'und oder der die das des dem den ein eine einer eines im in fur von mit zu zum zur am an auf bei ist sind wer was wo wie welche welcher welches'.split(
    ' ',
  ),
);

export interface ParsedQuery {
  lucene: string;
  /** Normalised words, for highlighting snippets. */
  words: string[];
}

/** Splits a search text into its phrases (in balanced double quotes) and its other tokens. */
function split(text: string): { phrases: string[]; tokens: string[] } {
  const phrases: string[] = [];
  let rest = text;
  for (const phrase of text.match(/"[^"]+"/g) ?? []) {
    rest = rest.replace(phrase, ' ');
    const inner = phrase.slice(1, -1).replace(SPECIAL, ' ').trim();
    if (inner) phrases.push(inner);
  }
  const tokens = rest
    .replace(SPECIAL, ' ')
    .split(/[\s,.;]+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
  return { phrases, tokens };
}

/** Every word the user typed, in phrases or not, stop words included (what limits count). */
export function typedWords(text: string): string[] {
  const { phrases, tokens } = split(text);
  return [...phrases.flatMap((p) => p.split(/\s+/)), ...tokens];
}

export function toLuceneQuery(text: string): ParsedQuery | null {
  const clauses: string[] = [];
  const words: string[] = [];
  const { phrases, tokens } = split(text);
  for (const inner of phrases) {
    clauses.push(`"${inner}"`);
    words.push(...inner.split(/\s+/).map(normaliseGerman));
  }
  const meaningful = tokens.filter((w) => !STOP_WORDS.has(normaliseGerman(w)));
  for (const raw of meaningful.length > 0 ? meaningful : tokens) {
    // Lower case, so a typed AND, OR or NOT is a word and not an operator.
    const word = raw.toLowerCase();
    const normalised = normaliseGerman(raw);
    words.push(normalised);
    // The analysed word (stemmed by the index's analyzer) or the word as a prefix of a longer one.
    clauses.push(normalised.length >= 3 ? `(${word} OR ${normalised}*)` : word);
  }
  if (clauses.length === 0) return null;
  return { lucene: clauses.join(' AND '), words };
}
