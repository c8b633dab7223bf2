import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { buildEntityModel } from './build/entity-model.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCHEMA = path.resolve(HERE, '..', 'schema', 'schema.graphql');
const MODEL_ID = 'virtual:entity-model';

/** Bundles what entity pages show, read from the checked-in schema (see build/entity-model.ts). */
function entityModel(): Plugin {
  // Read when the config loads, so the build's plugin timings show the bundling alone.
  const source = `export default ${JSON.stringify(buildEntityModel(fs.readFileSync(SCHEMA, 'utf8')))};`;
  return {
    name: 'kommunalgraph-entity-model',
    resolveId: (id) => (id === MODEL_ID ? `\0${MODEL_ID}` : undefined),
    load(id) {
      if (id !== `\0${MODEL_ID}`) return undefined;
      this.addWatchFile(SCHEMA);
      return source;
    },
  };
}

const REPO = path.resolve(HERE, '..');

/**
 * Lists the repository files the bundle holds (outside node_modules), for `npm run build` to tell
 * whether a later build would change anything (src/cli/build-explorer.ts).
 */
function inputsManifest(): Plugin {
  return {
    name: 'kommunalgraph-inputs-manifest',
    generateBundle(_options, bundle) {
      const files = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          const file = id.split('?')[0]!;
          if (path.isAbsolute(file) && !file.includes(`${path.sep}node_modules${path.sep}`)) {
            files.add(path.relative(REPO, file));
          }
        }
      }
      this.emitFile({
        type: 'asset',
        fileName: '.inputs.json',
        source: JSON.stringify([...files].sort(), null, 1),
      });
    },
  };
}

/**
 * The explorer is served by the API process at /explore/ (src/common/explorer.ts) from
 * dist/explorer, which `npm run build` writes; nothing is loaded from another origin.
 */
export default defineConfig({
  root: HERE,
  base: '/explore/',
  plugins: [entityModel(), inputsManifest()],
  // No public/ directory is copied: the favicon is inlined into index.html.
  publicDir: false,
  build: {
    outDir: path.resolve(HERE, '..', 'dist', 'explorer'),
    emptyOutDir: true,
    target: 'es2022',
    // Asset names carry a content hash, so the server may let browsers keep them for good.
    assetsDir: 'assets',
    chunkSizeWarningLimit: 700,
    // A loaded CI machine makes Vite's own plugins look slow; the build time is measured apart.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
