import { AppError } from '../common/errors';
import { ConfigError } from '../config';
import { Neo4jLauncherError } from '../db/launcher';

/**
 * Runs a command-line entry point. Expected failures carry a message written for the user and are
 * printed alone; anything else is a bug, and its stack helps.
 */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      if (error instanceof AppError) {
        // The command line is the operator's: the detail names the database.
        console.error(error.detail ?? error.message);
      } else if (error instanceof ConfigError || error instanceof Neo4jLauncherError) {
        console.error(error.message);
      } else {
        console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      }
      process.exitCode = 1;
    },
  );
}
