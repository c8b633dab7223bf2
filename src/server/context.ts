import { DEFAULT_RESULT_CAPS, type ResultCaps } from '../config';
import type { Database } from '../db/database';
import type { Logger } from '../common/logger';
import { createLoaders, type Loaders } from '../modules/entity/entity.loaders';
import type { Principal } from '../modules/auth/principal';

/** What every resolver gets: the database, this request's loaders and a request logger. */
export interface Context {
  db: Database;
  loaders: Loaders;
  logger: Logger;
  /** Caps on result sizes (neighbourhood, search), from the configuration. */
  caps: ResultCaps;
  /** Compile each root list's whole selection into one statement (off: loaders only). */
  planner: boolean;
  /** Who sent the request; null when anonymous (every read is allowed anonymously). */
  principal: Principal | null;
  /** Drops a revoked key from this process's cache of verified keys, so it is refused at once. */
  forgetApiKey: (keyId: string) => void;
}

export function createContext(
  db: Database,
  logger: Logger,
  caps: ResultCaps = DEFAULT_RESULT_CAPS,
  planner = true,
  principal: Principal | null = null,
  forgetApiKey: (keyId: string) => void = () => undefined,
): Context {
  return { db, loaders: createLoaders(db), logger, caps, planner, principal, forgetApiKey };
}
