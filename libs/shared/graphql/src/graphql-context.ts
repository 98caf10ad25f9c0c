import type { Principal } from '@trellis/shared/auth';
import type { RequestLoaders } from './request-loaders';

/** What every subgraph resolver receives as its GraphQL context. */
export interface GraphqlContext {
  /** The HTTP request (Express or Fastify, depending on the app's adapter). */
  req: unknown;
  /** The caller, from a verified bearer token: there is no anonymous operation. */
  principal: Principal;
  loaders: RequestLoaders;
  correlationId: string;
}
