import { AppError, ErrorCode } from '../common/errors';

/**
 * Thrown when the reference data cannot be read or a row is malformed: names the file and the
 * line (or sheet row) and what is wrong. The import writes nothing when it is thrown.
 */
export class ReferenceDataError extends AppError {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(
      ErrorCode.SEED_INVALID,
      `reference data ${line === null ? file : `${file}:${line}`}: ${problem}; nothing was written`,
    );
  }
}
