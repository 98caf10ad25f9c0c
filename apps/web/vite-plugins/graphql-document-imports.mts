// The client preset's `graphql()` looks documents up in one map of every document in the app (src/gql/gql.ts), so a
// single call puts all of them in the bundle that makes it. The preset's own Babel plugin (babelOptimizerPlugin)
// rewrites each call into an import of that document from src/gql/graphql.ts. That alone is not enough: a bundler
// puts a module in one chunk, and graphql.ts, imported by the first page, would carry every route's documents into
// it. So each of those imports is pointed at a module of its own, `graphql.ts?document=<Name>`, holding only that
// document: it lands in the chunk of the code that uses it (ADR 0009). @vitejs/plugin-react 6 no longer runs Babel
// plugins, hence this plugin.
import fs from 'node:fs';
import path from 'node:path';
import babel, { type PluginObj } from '@babel/core';
import { babelOptimizerPlugin } from '@graphql-codegen/client-preset';
import type { Plugin } from 'vite';
import { DOCUMENT_QUERY, documentModule } from './document-module.mts';

const SOURCE = /\.[cm]?tsx?$/;

/** Points value imports from the generated graphql.ts at one module per imported document. */
function importEachDocumentAlone(generatedModule: string): PluginObj {
  const t = babel.types;
  return {
    name: 'trellis:import-each-document-alone',
    visitor: {
      Program: {
        exit(program, state) {
          const from = path.dirname(state.filename ?? '');
          for (const statement of program.get('body')) {
            if (!statement.isImportDeclaration()) continue;
            const declaration = statement.node;
            const source = declaration.source.value;
            if (declaration.importKind === 'type' || path.resolve(from, source) !== generatedModule) continue;
            const named = declaration.specifiers.filter(
              (s): s is babel.types.ImportSpecifier => s.type === 'ImportSpecifier' && s.importKind !== 'type',
            );
            // Only plain value imports of named documents; anything else is left as written.
            if (named.length === 0 || named.length !== declaration.specifiers.length) continue;
            statement.replaceWithMultiple(
              named.map((specifier) => {
                const name = t.isIdentifier(specifier.imported) ? specifier.imported.name : specifier.imported.value;
                return t.importDeclaration([specifier], t.stringLiteral(`${source}?${DOCUMENT_QUERY}=${name}`));
              }),
            );
          }
        },
      },
    },
  };
}

export function graphqlDocumentImports(options: { sourceDir: string; artifactDirectory: string }): Plugin {
  const generatedModule = path.join(options.artifactDirectory, 'graphql');
  const generatedFile = `${generatedModule}.ts`;
  return {
    name: 'trellis:graphql-document-imports',
    // Before the TypeScript/JSX transform: the calls are found as written.
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?', 2);
      const name = new URLSearchParams(query ?? '').get(DOCUMENT_QUERY);
      if (file !== generatedFile || !name) return null;
      this.addWatchFile(generatedFile);
      return documentModule(fs.readFileSync(generatedFile, 'utf8'), name);
    },
    async transform(code, id) {
      const file = id.split('?', 1)[0] ?? id;
      if (!SOURCE.test(file) || !file.startsWith(options.sourceDir) || file.startsWith(options.artifactDirectory)) {
        return null;
      }
      if (!code.includes('graphql(`')) return null;
      const result = await babel.transformAsync(code, {
        filename: file,
        babelrc: false,
        configFile: false,
        sourceMaps: true,
        parserOpts: { plugins: file.endsWith('x') ? ['typescript', 'jsx'] : ['typescript'] },
        plugins: [
          [babelOptimizerPlugin, { artifactDirectory: options.artifactDirectory, gqlTagName: 'graphql' }],
          importEachDocumentAlone(generatedModule),
        ],
      });
      if (!result?.code) return null;
      return { code: result.code, map: result.map };
    },
  };
}
