import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentModule } from './document-module.mts';
import { graphqlDocumentImports } from './graphql-document-imports.mts';

const web = path.resolve(import.meta.dirname, '..');
const sourceDir = path.join(web, 'src');
const artifactDirectory = path.join(sourceDir, 'gql');
const generated = fs.readFileSync(path.join(artifactDirectory, 'graphql.ts'), 'utf8');

const plugin = graphqlDocumentImports({ sourceDir, artifactDirectory });
const transform = plugin.transform as (code: string, id: string) => Promise<{ code: string } | null>;
const load = plugin.load as (this: { addWatchFile(file: string): void }, id: string) => string | null;
const context = { addWatchFile: () => undefined };

const page = `
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { NeedsYouQuery } from '../../../gql/graphql';

export const NEEDS_YOU = graphql(\`
  query NeedsYou {
    unreadNotificationCount
  }
\`);
export const Row = (props: { data: NeedsYouQuery }) => <p>{props.data.unreadNotificationCount}</p>;
`;

describe('graphql() calls become imports of one document each', () => {
  it('replaces the call by the document, imported from a module that holds only it', async () => {
    const result = await transform(page, path.join(sourceDir, 'features/proposals/api/page.tsx'));
    expect(result?.code).toContain(
      'import { NeedsYouDocument } from "../../../gql/graphql?document=NeedsYouDocument";',
    );
    expect(result?.code).toContain('export const NEEDS_YOU = NeedsYouDocument;');
    expect(result?.code).not.toContain('graphql(`');
    // Types stay as written: the TypeScript transform drops them.
    expect(result?.code).toContain("import type { NeedsYouQuery } from '../../../gql/graphql';");
  });

  it('names fragments the way the generated file does', async () => {
    const fragment =
      "import { graphql } from '../gql';\nexport const F = graphql(`\n  fragment PersonSummary_participant on Participant {\n    id\n  }\n`);\n";
    const result = await transform(fragment, path.join(sourceDir, 'components/f.ts'));
    expect(result?.code).toContain(
      'import { PersonSummary_ParticipantFragmentDoc } from "../gql/graphql?document=PersonSummary_ParticipantFragmentDoc";',
    );
  });

  it('leaves files without calls, and the generated files, alone', async () => {
    expect(await transform('export const x = 1;', path.join(sourceDir, 'lib/x.ts'))).toBeNull();
    expect(await transform(page, path.join(artifactDirectory, 'gql.ts'))).toBeNull();
  });

  it('loads one document as a module of its own, without TypeScript', () => {
    const id = `${path.join(artifactDirectory, 'graphql.ts')}?document=NeedsYouDocument`;
    const module = load.call(context, id) ?? '';
    expect(module).toMatch(/^export const NeedsYouDocument = \{"kind":"Document".*\};\n$/);
    expect(module).not.toContain('as unknown');
    expect(module).not.toContain('MyProgramsDocument');
    expect(load.call(context, path.join(artifactDirectory, 'graphql.ts'))).toBeNull();
  });
});

describe('one document out of the generated file', () => {
  it('is the document’s own line without the cast', () => {
    const module = documentModule(generated, 'MyProgramsDocument');
    const document = JSON.parse(module.slice('export const MyProgramsDocument = '.length, -2)) as {
      kind: string;
      definitions: unknown[];
    };
    expect(document.kind).toBe('Document');
    expect(document.definitions[0]).toMatchObject({ kind: 'OperationDefinition', name: { value: 'MyPrograms' } });
  });

  it('fails the build, naming the fix, for a name the file lacks', () => {
    expect(() => documentModule(generated, 'NoSuchDocument')).toThrow(/NoSuchDocument .*npm run web:codegen/);
  });
});
