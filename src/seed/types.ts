import type { NodeLabel, RelationType } from '../model/model';
import { AppError, ErrorCode } from '../common/errors';

/** A quote from a source document backing one fact. */
export interface Citation {
  doc: string;
  quote: string;
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
  at: Location;
}

export interface SeedRelation {
  type: RelationType;
  id: string;
  from: string;
  to: string;
  fields: Record<string, unknown>;
  cite: Citation[];
  at: Location;
}

export interface SeedGraph {
  nodes: SeedNode[];
  relations: SeedRelation[];
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
