import type { NodeLabel, RelationType } from '../model/model';
import { AppError, ErrorCode } from '../common/errors';

/** A quote from a source document backing one fact. */
export interface Citation {
  doc: string;
  quote: string;
  /**
   * Words of the quote that stand for an entity it does not name (a pronoun, a short form):
   * entity id → those words. The support check accepts them in place of the entity's name.
   */
  mentions?: Record<string, string[]>;
}

/**
 * How a fact relates to its quotes: STATED (a quote says it), INFERRED (a reading the quotes
 * support but do not state, with the project's reasoning), EDITORIAL (the project's own
 * structure, cited to the project's vocabulary document).
 */
export const BASES = ['STATED', 'INFERRED', 'EDITORIAL'] as const;
export type Basis = (typeof BASES)[number];

/** The basis of one fact, as the seed declares it (STATED unless it says otherwise). */
export interface Grounding {
  basis: Basis;
  /** One line by the project: why the quotes support an INFERRED fact. */
  reasoning?: string;
}

/** Where an entry stands, so every problem can name file, line and entry. */
export interface Location {
  file: string;
  line: number;
  entry: string;
}

export interface SeedNode {
  type: NodeLabel;
  id: string;
  fields: Record<string, unknown>;
  cite: Citation[];
  grounding: Grounding;
  at: Location;
  /**
   * An entity of another dataset that relations of this one end at (`external: true` in the
   * seed file): not written, found in the database by id or by its `ags`.
   */
  external?: true;
}

export interface SeedRelation {
  type: RelationType;
  id: string;
  from: string;
  to: string;
  fields: Record<string, unknown>;
  cite: Citation[];
  grounding: Grounding;
  at: Location;
}

export interface SeedGraph {
  /** The entities the seeds write (external ones are not among them). */
  nodes: SeedNode[];
  relations: SeedRelation[];
  /** The entities of other datasets the relations end at. */
  externals: SeedNode[];
}

export interface SeedProblem {
  file: string;
  line?: number;
  entry?: string;
  message: string;
}

export function formatProblem(p: SeedProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  return p.entry ? `${where} ${p.entry}: ${p.message}` : `${where}: ${p.message}`;
}

/** Thrown when any seed file fails validation; nothing has been written. */
export class SeedValidationError extends AppError {
  constructor(readonly problems: SeedProblem[]) {
    const sorted = [...problems].sort(
      (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
    );
    super(
      ErrorCode.SEED_INVALID,
      `${problems.length} problem(s) in the seed files; nothing was written:\n` +
        sorted.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
  }
}
