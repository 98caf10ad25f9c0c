// src/gql is generated and checked in; this fails when it is not what codegen.ts makes from schema.graphql and the
// documents today (an operation edited without `npm run web:codegen`, or a schema update not regenerated).
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from './codegen';

describe('generated GraphQL types', () => {
  it('are up to date with the schema and the documents', { timeout: 60_000 }, async () => {
    const outputs = (await generate({ ...config, silent: true }, false)) as Array<{
      filename: string;
      content: string;
    }>;
    const stale = outputs
      .filter((o) => !fs.existsSync(o.filename) || fs.readFileSync(o.filename, 'utf8') !== o.content)
      .map((o) => path.relative(import.meta.dirname, o.filename));
    expect(stale, 'run npm run web:codegen and commit src/gql').toEqual([]);
  });

  it('refuses an operation that does not validate against the schema', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(import.meta.dirname, '.codegen-check-'));
    try {
      fs.writeFileSync(path.join(dir, 'bad.ts'), 'graphql(`query Bad { me { noSuchField } }`);\n');
      const attempt = generate(
        {
          ...config,
          silent: true,
          documents: [path.join(dir, '*.ts')],
          generates: { [`${dir}/gql/`]: { preset: 'client' } },
        },
        false,
      );
      await expect(attempt).rejects.toThrow(/noSuchField/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
