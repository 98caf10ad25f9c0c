// Three tiers, chosen by file suffix (docs/architecture.md §12): *.spec.ts unit (no I/O), *.int-spec.ts against the
// real broker and FerretDB, apps/*-e2e through the gateway. `npm test` runs them in that order.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, path.join(__dirname, target)]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // jose and oidc-provider (with its own newer jose) ship only ES modules; Node requires them natively, Jest's
  // CommonJS runtime needs them compiled.
  // tools/run/*.mjs are plain Node for the README's commands; their specs load them through the same compiler.
  transform: { '^.+\\.ts$': swc, '^.+\\.mjs$': swc, '/node_modules/(jose|oidc-provider)/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(jose|oidc-provider)/)'],
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.infra/'],
  // The web app has its own runner (Vitest, a browser-like environment): apps/web/vite.config.mts.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/slow-tier.setup.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/*-e2e/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/slow-tier.setup.ts'],
    },
  ],
};
