// Who may import whom (docs/architecture.md §11). Shared by eslint.config.mjs and the test proving violations fail.
const frameworkImports = [
  '@nestjs/*',
  'mongoose',
  'mongodb',
  'kafkajs',
  'graphql',
  '@apollo/*',
  'express',
  'nodemailer',
];
const services = ['profiles', 'matching', 'sessions', 'notifications', 'gateway'];
// What a production app may be built from.
const appLibraryTypes = [
  'type:domain',
  'type:engine',
  'type:contracts',
  'type:infra',
  'type:platform',
  'type:testing',
  'type:kernel',
  'type:demo',
];

export const moduleBoundaries = {
  enforceBuildableLibDependency: false,
  allow: [],
  depConstraints: [
    // A service reaches another service only through that service's contracts library.
    ...services.map((service) => ({
      sourceTag: `scope:${service}`,
      onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared', 'type:contracts'],
    })),
    // The browser app talks to the gateway over GraphQL only: no Trellis library, no server framework.
    {
      sourceTag: 'scope:web',
      onlyDependOnLibsWithTags: [],
      bannedExternalImports: [
        ...frameworkImports.filter((name) => name !== 'graphql' && name !== '@apollo/*'),
        '@apollo/server',
        '@apollo/gateway',
        '@apollo/subgraph',
        'ws',
      ],
    },
    // Contracts are public: shared infrastructure (e.g. the memberships read model) may read them.
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared', 'type:contracts'] },
    // Domain code is pure: deciders, value objects and algorithms with no framework or I/O.
    {
      sourceTag: 'type:domain',
      onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:kernel'],
      bannedExternalImports: frameworkImports,
    },
    { sourceTag: 'type:engine', onlyDependOnLibsWithTags: ['type:engine'], bannedExternalImports: frameworkImports },
    {
      sourceTag: 'type:contracts',
      // Contracts validate the same reference data as the domains (IANA zones), so they share the kernel's check.
      onlyDependOnLibsWithTags: ['type:contracts', 'type:kernel'],
      bannedExternalImports: frameworkImports,
    },
    // type:testing (test helpers on the real servers) depends on no other Trellis library, so any tier may use it.
    {
      sourceTag: 'type:infra',
      onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:testing', 'type:kernel'],
    },
    {
      sourceTag: 'type:platform',
      onlyDependOnLibsWithTags: ['type:infra', 'type:platform', 'type:contracts', 'type:testing', 'type:kernel'],
    },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [] },
    // The demo organization's fixed ids and names: plain data the seed, the dev issuer and the tests derive alike.
    { sourceTag: 'type:demo', onlyDependOnLibsWithTags: [], bannedExternalImports: frameworkImports },
    // The whole system started as processes (end-to-end tests, benchmarks, drills); no production code runs it.
    {
      sourceTag: 'type:stack',
      onlyDependOnLibsWithTags: ['type:stack', 'type:infra', 'type:testing', 'type:kernel', 'type:demo'],
    },
    // The kernel (DomainError) is shared by pure domain code and infrastructure alike, and depends on nothing.
    { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: [], bannedExternalImports: frameworkImports },
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: appLibraryTypes },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: [...appLibraryTypes, 'type:stack'] },
    // tools/ (scripts, benchmarks, drills, repository checks) may use any library but the browser app's; since no
    // other constraint names scope:tools or type:tool, nothing in libs/ or apps/ may import a tool.
    {
      sourceTag: 'scope:tools',
      onlyDependOnLibsWithTags: ['scope:tools', 'scope:shared', ...services.map((service) => `scope:${service}`)],
    },
    { sourceTag: 'type:tool', onlyDependOnLibsWithTags: [...appLibraryTypes, 'type:stack', 'type:tool'] },
  ],
};
