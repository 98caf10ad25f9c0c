import { Controller, Get, Header, Inject } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { execute, parse } from 'graphql';
import { SUBGRAPH_SERVICE_NAME } from './tokens';

export const SUBGRAPH_SDL_PATH = 'subgraph/sdl';
const serviceQuery = parse('{ _service { sdl } }');

/**
 * The subgraph's SDL for the gateway's composition (ADR 0003). It is the schema only — the same for every tenant,
 * no data — served next to /health and /metrics and, like them, reachable only from inside the cluster
 * (NetworkPolicy). Every GraphQL operation on /graphql, `_service` included, still needs a valid token.
 */
@Controller()
export class SubgraphSdlController {
  private sdl: string | undefined;

  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(SUBGRAPH_SERVICE_NAME) private readonly service: string,
  ) {}

  @Get(SUBGRAPH_SDL_PATH)
  @Header('content-type', 'text/plain; charset=utf-8')
  @Header('cache-control', 'no-store')
  async subgraphSdl(): Promise<string> {
    if (this.sdl === undefined) {
      // Exactly what `_service { sdl }` answers, i.e. what IntrospectAndCompose would have fetched.
      const result = await execute({ schema: this.schemaHost.schema, document: serviceQuery });
      const sdl = (result.data as { _service?: { sdl?: string } } | null | undefined)?._service?.sdl;
      if (!sdl) throw new Error(`${this.service}: the schema has no _service field; is it a federation subgraph?`);
      this.sdl = sdl;
    }
    return this.sdl;
  }
}
