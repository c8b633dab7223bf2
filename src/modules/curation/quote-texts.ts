import { normaliseWhitespace, type DocumentTexts } from '../../seed/documents';
import type { QuoteTexts } from '../../seed/validate';

/**
 * The `file` of a source document that came in through the API: its text is kept in the graph
 * (a `SourceText` node, never served), not in the documents directory.
 */
export function curatedFile(key: string): string {
  return `curated/${key}.txt`;
}

/**
 * The texts quotes of a write are checked against: the texts of documents that came in through
 * the API (by file), else the seed importer's documents directory. Compared as the importer
 * compares them (whitespace normalised, otherwise to the letter).
 */
export class CurationTexts implements QuoteTexts {
  private readonly stored = new Map<string, string>();

  constructor(
    private readonly documents: DocumentTexts | null,
    stored: Iterable<[file: string, text: string]> = [],
  ) {
    for (const [file, text] of stored) this.add(file, text);
  }

  add(file: string, text: string): void {
    this.stored.set(file, normaliseWhitespace(text));
  }

  /** Whether the document's text is at hand (a server may run without the seed documents). */
  readable(file: string): boolean {
    return this.stored.has(file) || (this.documents?.text(file) ?? null) !== null;
  }

  contains(file: string, quote: string): boolean {
    const text = this.stored.get(file);
    if (text !== undefined) return text.includes(normaliseWhitespace(quote));
    return this.documents?.contains(file, quote) ?? false;
  }
}
