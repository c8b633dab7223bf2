import fs from 'node:fs';
import path from 'node:path';

/** Two spaces in a row, a space other than " ", or space at either end. */
const IRREGULAR_SPACE = /\s\s|[^\S ]|^\s|\s$/;

/** Whitespace differs between captures and YAML; everything else must match to the letter. */
export function normaliseWhitespace(text: string): string {
  // Most quotes are already normal; testing is cheaper than rebuilding them.
  return IRREGULAR_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

export const MAX_QUOTE_LENGTH = 300;

/**
 * A sentence boundary inside a quote: end punctuation after a lowercase letter or closing quote,
 * then a capital. Digits before the dot are excluded ("am 1. November"), as are abbreviations
 * followed by lowercase ("e.V. einem").
 */
const SENTENCE_BREAK = /[a-zäöüß)“"][.!?]["“]?\s+[„"]?[A-ZÄÖÜ]/u;

/** Why a quote may not be kept, or null when it is short enough. */
export function quoteShapeProblem(quote: string): string | null {
  const q = normaliseWhitespace(quote);
  if (q.length === 0) return 'the quote is empty';
  if (q.length > MAX_QUOTE_LENGTH) {
    return `the quote has ${q.length} characters; keep it to one sentence of at most ${MAX_QUOTE_LENGTH}`;
  }
  if (SENTENCE_BREAK.test(q)) return 'the quote spans more than one sentence';
  return null;
}

/**
 * The project's own documents (its vocabulary), kept in the repository under the seed directory;
 * the press texts stay outside it (they are not ours to republish).
 */
export const PROJECT_DOCUMENTS = 'documents';

/**
 * The plain-text documents quotes are checked against: the source documents of `dir`, then the
 * project's own documents of `projectDir`. Texts are kept normalised in a small cache of the
 * documents used last (`cacheSize`), so memory stays bounded however many documents a seed set
 * cites; seed files that cite one document after another (as generated ones do) read each once.
 */
export class DocumentTexts {
  private readonly cache = new Map<string, string>();
  private readonly missing = new Set<string>();

  constructor(
    readonly dir: string,
    readonly projectDir?: string,
    private readonly cacheSize = 256,
  ) {}

  exists(): boolean {
    return fs.existsSync(this.dir) && fs.statSync(this.dir).isDirectory();
  }

  /** Normalised text of a file in the directory, or null when it cannot be read. */
  text(file: string): string | null {
    const cached = this.cache.get(file);
    if (cached !== undefined) {
      // Most recently used last: the first key is the one to drop.
      this.cache.delete(file);
      this.cache.set(file, cached);
      return cached;
    }
    if (this.missing.has(file)) return null;
    let text: string | null = null;
    for (const dir of [this.dir, this.projectDir]) {
      if (dir === undefined || text !== null) continue;
      try {
        text = normaliseWhitespace(fs.readFileSync(path.join(dir, path.basename(file)), 'utf8'));
      } catch {
        text = null;
      }
    }
    if (text === null) {
      this.missing.add(file);
      return null;
    }
    this.cache.set(file, text);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    return text;
  }

  contains(file: string, quote: string): boolean {
    const text = this.text(file);
    return text !== null && text.includes(normaliseWhitespace(quote));
  }
}
