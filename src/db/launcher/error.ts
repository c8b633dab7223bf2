/** An expected failure whose message is written for the user; CLIs print it without a stack. */
export class Neo4jLauncherError extends Error {
  constructor(
    message: string,
    /** Exit code of the Java launcher when it ended the start, if it did. */
    readonly launcherExitCode?: number,
  ) {
    super(message);
    this.name = 'Neo4jLauncherError';
  }
}
