/**
 * The Node flags the API server runs with: `npm start`, the Docker image's command and the
 * benches' server processes all use these (src/server/node-flags.test.ts keeps them equal).
 *
 * `--max-semi-space-size=64` (MiB): a large answer (the mission question's 100 cities with their
 * units, programmes, funders and quotes: 75 KB of JSON) builds many objects, and with 16 requests
 * in flight many of them are still alive at each young-generation collection, which copies them.
 * Larger semi-spaces mean fewer collections: under that load, 37 instead of 149 in 5 s and 1.0
 * instead of 1.5 s spent in them (`--trace-gc`), and 10–11 instead of 13–14 ms of server CPU per
 * request (bench/README "Large records and a young generation"), for about 100 MB more resident
 * memory at peak.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
