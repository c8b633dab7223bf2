import type { FactKind } from './fact';

/**
 * A write as the API received it, with every id resolved to a key: what a proposal keeps (as
 * JSON) until an editor accepts it, and what is checked again and applied then. Plain data, so
 * a proposal stores exactly what will be applied.
 */
export type WriteAction = 'CREATE' | 'UPDATE' | 'END' | 'WITHDRAW';

/** One quote of a citation: the document it is from (a key) and the words of the quote. */
export interface QuoteRequest {
  doc: string;
  quote: string;
  /** Entity key → the words of the quote that stand for it (as `mentions` in the seeds). */
  mentions?: Record<string, string[]>;
}

/** A source document the write brings with it: metadata and the text it is quoted from. */
export interface NewDocumentRequest {
  key: string;
  fields: Record<string, unknown>;
  /** Kept to check quotes against, never served. */
  text: string;
}

export interface CitationRequest {
  quotes: QuoteRequest[];
  newDocument?: NewDocumentRequest;
  /** The fact's basis (default: STATED for new facts, unchanged for existing ones). */
  basis?: string;
  reasoning?: string;
}

/** A relationship created together with a new entity (its unit's BELONGS_TO, say). */
export interface LinkRequest {
  type: string;
  other: string;
  /** OUT: the new entity is the relationship's start; IN: its end. */
  direction: 'OUT' | 'IN';
  key?: string;
}

interface Target {
  kind: FactKind;
  /** Label or relationship type. */
  type: string;
  key: string;
}

export type WriteRequest =
  | (Target & {
      action: 'CREATE';
      kind: 'ENTITY';
      fields: Record<string, unknown>;
      links: LinkRequest[];
      citation: CitationRequest;
      /** A SourceDocument's text. */
      text?: string;
    })
  | (Target & {
      action: 'CREATE';
      kind: 'RELATION';
      from: string;
      to: string;
      fields: Record<string, unknown>;
      citation: CitationRequest;
    })
  | (Target & {
      action: 'UPDATE';
      version: number;
      /** Fields to set; null removes a field. */
      set: Record<string, unknown>;
      citation: CitationRequest;
    })
  | (Target & { action: 'END'; version: number; ended: string; citation: CitationRequest })
  | (Target & { action: 'WITHDRAW'; version: number; note: string; citation?: CitationRequest });

/** The documents a write creates: the new document of its citation, or the entity itself. */
export function newDocumentKeys(request: WriteRequest): string[] {
  const keys: string[] = [];
  if ('citation' in request && request.citation?.newDocument) {
    keys.push(request.citation.newDocument.key);
  }
  if (request.action === 'CREATE' && request.kind === 'ENTITY' && request.type === 'SourceDocument')
    keys.push(request.key);
  return keys;
}
