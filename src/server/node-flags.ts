/**
 * The Node flags the API server runs with: `npm start`, the Docker image's command and the
 * benches' server processes all use these (src/server/node-flags.test.ts keeps them equal).
 *
 * `--max-semi-space-size=64` (MiB): a large answer (the mission question's 100 cities with their
 * units, programmes, funders and quotes: 75 KB of JSON) builds many short-lived objects, and
 * with 16 requests in flight they outlive V8's default young generation, get copied to the old
 * one and are collected there. With 64 MiB semi-spaces, the server spent 10–11 instead of 13–14
 * ms of CPU on each such request (bench/README "Large records and a young generation"), for
 * about 100 MB more resident memory at peak.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
