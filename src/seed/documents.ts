import fs from 'node:fs';
import path from 'node:path';

/** Whitespace differs between captures and YAML; everything else must match to the letter. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
 * The plain-text documents quotes are checked against, read once and kept normalised: the
 * source documents of `dir`, then the project's own documents of `projectDir`.
 */
export class DocumentTexts {
  private readonly cache = new Map<string, string | null>();

  constructor(
    readonly dir: string,
    readonly projectDir?: string,
  ) {}

  exists(): boolean {
    return fs.existsSync(this.dir) && fs.statSync(this.dir).isDirectory();
  }

  /** Normalised text of a file in the directory, or null when it cannot be read. */
  text(file: string): string | null {
    if (!this.cache.has(file)) {
      let text: string | null = null;
      for (const dir of [this.dir, this.projectDir]) {
        if (dir === undefined || text !== null) continue;
        try {
          text = normaliseWhitespace(fs.readFileSync(path.join(dir, path.basename(file)), 'utf8'));
        } catch {
          text = null;
        }
      }
      this.cache.set(file, text);
    }
    return this.cache.get(file) ?? null;
  }

  contains(file: string, quote: string): boolean {
    const text = this.text(file);
    return text !== null && text.includes(normaliseWhitespace(quote));
  }
}
