import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { extendSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { subscriptionExtensionSdl } from './subscription-schema';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export type CompositionResult = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] };

/** Composes subgraph SDLs into a supergraph with Apollo's own composition (the same rules as `rover`). */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): CompositionResult {
  if (subgraphs.length === 0) return { ok: false, errors: ['no subgraph to compose'] };
  let definitions;
  try {
    definitions = subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) }));
  } catch (error) {
    return { ok: false, errors: [`a subgraph SDL does not parse: ${(error as Error).message}`] };
  }
  const result = composeServices(definitions);
  if (result.errors?.length) return { ok: false, errors: result.errors.map((e) => e.message) };
  if (!result.supergraphSdl) return { ok: false, errors: ['composition produced no supergraph'] };
  return { ok: true, supergraphSdl: result.supergraphSdl };
}

/**
 * The schema a client sees (no federation directives, join types or inaccessible fields; the gateway's own
 * subscriptions included), printed in a stable order: what the web app's code generation reads
 * (apps/web/schema.graphql, ADR 0009).
 */
export function apiSchemaSdl(supergraphSdl: string): string {
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  const withSubscriptions = extendSchema(api, parse(subscriptionExtensionSdl()));
  return `${printSchema(lexicographicSortSchema(withSubscriptions))}\n`;
}

/** The SDL a subgraph publishes, or `undefined` if it is not (yet) up or not a Trellis subgraph. */
export async function fetchSubgraphSdl(sdlUrl: string, timeoutMs = 3000): Promise<string | undefined> {
  try {
    const response = await fetch(sdlUrl, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return undefined;
    const sdl = await response.text();
    return sdl.includes('_service') || sdl.includes('@link') ? sdl : undefined;
  } catch {
    return undefined;
  }
}
