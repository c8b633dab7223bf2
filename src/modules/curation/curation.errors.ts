import { AppError, ErrorCode } from '../../common/errors';

/**
 * A write that breaks the seed importer's rules: each problem is the importer's own message,
 * prefixed with the fact it concerns. Nothing was written.
 */
export class CurationInvalidError extends AppError {
  constructor(readonly problems: string[]) {
    super(
      ErrorCode.BAD_USER_INPUT,
      `The write was refused; nothing was written. ${problems.length} problem(s): ${problems.join(' | ')}`,
      { extensions: { problems } },
    );
  }
}

/** What happened to a fact after the version a write named. */
export interface MissedChange {
  version: number;
  at: string;
  action: string;
  author: string;
  fields: string[];
}

/**
 * A write (or the acceptance of a proposal) naming a version that is no longer the fact's
 * current one: it says which version is current and what changed since, so the client can read
 * the fact again and decide.
 */
export class StaleVersionError extends AppError {
  constructor(fact: string, given: number, current: number, missed: MissedChange[]) {
    const since =
      missed.length > 0
        ? missed
            .map(
              (c) =>
                `version ${c.version} (${c.action.toLowerCase()} ${c.at} by ${c.author}: ${c.fields.join(', ') || 'no field'})`,
            )
            .join('; ')
        : 'no recorded change (a seed import may have rewritten it)';
    super(
      ErrorCode.STALE_VERSION,
      `${fact} is at version ${current}, not ${given}; changed since: ${since}. Read it again and repeat the write on version ${current}.`,
      { extensions: { givenVersion: given, currentVersion: current, changes: missed } },
    );
  }
}

/** Reads stay anonymous; every write needs a credential. */
export class UnauthenticatedError extends AppError {
  constructor() {
    super(
      ErrorCode.UNAUTHENTICATED,
      'Writes need a credential: send `Authorization: Bearer <key>`.',
    );
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message);
  }
}
