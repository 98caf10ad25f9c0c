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
    // The kernel (DomainError) is shared by pure domain code and infrastructure alike, and depends on nothing.
    { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: [], bannedExternalImports: frameworkImports },
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: [
        'type:domain',
        'type:engine',
        'type:contracts',
        'type:infra',
        'type:platform',
        'type:testing',
        'type:kernel',
      ],
    },
  ],
};
