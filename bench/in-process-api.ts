import { createLogger } from '../src/common/logger';
import type { Database } from '../src/db/database';
import { createApp } from '../src/server/app';
import { createContext } from '../src/server/context';
import type { Requester } from './peer/questions';

/**
 * Our API without its HTTP layer, for the API bench's "in process" column: the same Apollo server,
 * schema, validation rules, plugins, context and planner as `createApp` builds, asked through
 * `executeOperation` on the bench's own database connection — so that the API's own cost can be
 * set beside the floor's statement with neither paying a crossing between processes. What it
 * leaves out is what the HTTP route adds: the socket, the body parser, the rate limiter, the
 * token limit and the conditional-request check. The answer's JSON text is still made, by the
 * response-size limit.
 */
export interface InProcessApi extends Requester {
  stop(): Promise<void>;
}

export async function startInProcessApi(db: Database): Promise<InProcessApi> {
  const logger = createLogger('fatal');
  const { apollo } = await createApp(db, logger);
  return {
    async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: createContext(db, logger) },
      );
      if (response.body.kind !== 'single')
        throw new Error('an incremental answer was not asked for');
      const { data, errors } = response.body.singleResult;
      if (errors?.length || data === undefined || data === null) {
        throw new Error(`GraphQL error: ${errors?.map((e) => e.message).join('; ')}`);
      }
      return data as T;
    },
    stop: () => apollo.stop(),
  };
}
