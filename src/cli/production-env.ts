/**
 * Imported first by the server's entry point (and by the benches that time it): a server started
 * without NODE_ENV runs as in production, as the Docker image does (`ENV NODE_ENV=production`).
 * graphql-js reads NODE_ENV once, when it is loaded: outside production each of its `instanceof`
 * checks also looks for a second copy of the library, for every value of every answer (3 % of
 * the server's time on a 70 KB answer). The API's own development mode is KG_DEV (or
 * NODE_ENV=development), which this leaves alone.
 */
process.env.NODE_ENV ??= 'production';

export {};
