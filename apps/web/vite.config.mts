// Builds apps/web into dist/web, which the gateway serves at / (ADR 0009); `vite` alone serves it on 5173 and sends
// the API paths to a gateway on 4000 (TRELLIS_GATEWAY_URL), so development has the same single origin as production.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { graphqlDocumentImports } from './vite-plugins/graphql-document-imports.mts';

const here = import.meta.dirname;
const gateway = process.env['TRELLIS_GATEWAY_URL'] ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: here,
  plugins: [
    graphqlDocumentImports({ sourceDir: path.join(here, 'src'), artifactDirectory: path.join(here, 'src/gql') }),
    react(),
  ],
  // JSON as modules with named exports, so the first page's text groups are all the entry bundle takes of a catalogue
  // (src/lib/i18n.ts); stringified JSON would be one value, all or nothing.
  json: { stringify: false },
  build: { outDir: path.resolve(here, '../../dist/web'), emptyOutDir: true },
  server: {
    proxy: {
      '/graphql': { target: gateway, ws: true },
      '/config.json': gateway,
    },
  },
  test: {
    root: here,
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['**/*.spec.{ts,tsx}'],
  },
});
