import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const suffix = `boundary-fixture-${process.pid}.ts`;

const fixtures = {
  frameworkInPureLib: {
    file: `libs/matching/engine/src/${suffix}`,
    code: "import { Injectable } from '@nestjs/common';\nexport const fixture = Injectable;\n",
  },
  serviceIntoOtherServiceInternals: {
    file: `apps/profiles/src/${suffix}`,
    code: "import * as engine from '@trellis/matching/engine';\nexport const fixture = engine;\n",
  },
  allowedSharedImport: {
    file: `apps/sessions/src/${suffix}`,
    code: "import { PlatformModule } from '@trellis/shared/platform';\nexport const fixture = PlatformModule;\n",
  },
  appIntoTools: {
    file: `apps/profiles/src/${suffix}`.replace('.ts', '-tools.ts'),
    code: "import { configVariables } from '@trellis/tools/config';\nexport const fixture = configVariables;\n",
  },
  libIntoTools: {
    // A library tools-config does not depend on, so the finding is the boundary and not a cycle.
    file: `libs/matching/engine/src/${suffix}`.replace('.ts', '-tools.ts'),
    code: "import { configVariables } from '@trellis/tools/config';\nexport const fixture = configVariables;\n",
  },
  productionAppIntoStack: {
    file: `apps/matching/src/${suffix}`,
    code: "import { startStack } from '@trellis/shared/stack';\nexport const fixture = startStack;\n",
  },
  toolIntoApp: {
    file: `tools/ops/${suffix}`,
    code: "import { AppModule } from '../../apps/profiles/src/app.module';\nexport const fixture = AppModule;\n",
  },
  toolUsingLibs: {
    file: `tools/bench/${suffix}`,
    code: [
      "import { startStack } from '@trellis/shared/stack';",
      "import { DEMO_USERS } from '@trellis/shared/demo';",
      "import { composeSupergraph } from '@trellis/gateway/supergraph';",
      "import { configVariables } from '@trellis/tools/config';",
      'export const fixture = [startStack, DEMO_USERS, composeSupergraph, configVariables];',
      '',
    ].join('\n'),
  },
};

type LintMessages = Record<keyof typeof fixtures, string[]>;

// Lints real files with the repository's own ESLint config, exactly as `npm run lint` does.
function lintFixtures(): LintMessages {
  const entries = Object.entries(fixtures) as Array<[keyof typeof fixtures, { file: string; code: string }]>;
  for (const [, { file, code }] of entries) fs.writeFileSync(path.join(repoRoot, file), code);
  try {
    const result = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...entries.map(([, f]) => f.file)],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    const reports = JSON.parse(result.stdout) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string; message: string }>;
    }>;
    const byFile = new Map(reports.map((r) => [path.relative(repoRoot, r.filePath), r.messages]));
    return Object.fromEntries(
      entries.map(([name, { file }]) => [
        name,
        (byFile.get(file) ?? []).filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message),
      ]),
    ) as LintMessages;
  } finally {
    for (const [, { file }] of entries) fs.rmSync(path.join(repoRoot, file), { force: true });
  }
}

describe('module boundaries (docs/architecture.md §11)', () => {
  let messages: LintMessages;

  beforeAll(() => {
    // The rule reads Nx's project graph and silently skips without it, which would make these tests vacuous.
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/nx/bin/nx.js'), 'show', 'projects'], {
      cwd: repoRoot,
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: 'ignore',
    });
    messages = lintFixtures();
  }, 120_000);

  it('rejects a framework import in a pure library', () => {
    expect(messages.frameworkInPureLib.join('\n')).toMatch(/@nestjs\/common/);
  });

  it("rejects a service importing another service's library that is not its contracts", () => {
    expect(messages.serviceIntoOtherServiceInternals.join('\n')).toMatch(/scope:profiles/);
  });

  it('accepts a service importing the shared platform', () => {
    expect(messages.allowedSharedImport).toEqual([]);
  });

  it('rejects an app or a library importing a tool', () => {
    expect(messages.appIntoTools.join('\n')).toMatch(/"scope:profiles" can only depend on/);
    expect(messages.libIntoTools.join('\n')).toMatch(/"scope:matching" can only depend on/);
  });

  it('rejects a production app importing the end-to-end stack', () => {
    expect(messages.productionAppIntoStack.join('\n')).toMatch(/"type:app" can only depend on/);
  });

  it('rejects a tool importing an app', () => {
    expect(messages.toolIntoApp).not.toEqual([]);
  });

  it('accepts a tool using libraries: the stack, the demo identities, a service library, another tool', () => {
    expect(messages.toolUsingLibs).toEqual([]);
  });

  it('is disabled nowhere in the repository', () => {
    const tracked = execFileSync('git', ['ls-files', '-z', '--', '*.ts', '*.tsx', '*.mts', '*.mjs', '*.cjs', '*.js'], {
      cwd: repoRoot,
      encoding: 'utf8',
    })
      .split('\0')
      .filter(Boolean);
    // Built from parts, so that this file does not match itself.
    const suppression = new RegExp(`${['eslint', 'disable'].join('-')}[^\\n]*@nx/enforce-module-boundaries`);
    const disabling = tracked.filter((file) => {
      const full = path.join(repoRoot, file);
      return fs.existsSync(full) && suppression.test(fs.readFileSync(full, 'utf8'));
    });
    expect(disabling).toEqual([]);
  });
});
