export * from './apollo-http';
export * from './decorators';
export * from './errors';
export * from './federation.driver';
export * from './graphql-context';
export * from './request-loaders';
export * from './subgraph-graphql.module';
export * from './subgraph-sdl.controller';
