import {
  type DocumentNode,
  getNamedType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  isListType,
  isNonNullType,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

const DEFAULT_LIST_SIZE = 10;

/**
 * Fields whose resolver computes rather than reads, weighted by what one call costs the service behind it relative to
 * reading one row (one point). Without these, 100 participants × `recommendedMentors(first: 50)` looked as cheap as a
 * page of 100 rows and kept the matching service busy for 15 s; priced here it is refused before any subgraph is asked.
 */
export const COMPUTED_FIELD_COSTS: Readonly<Record<string, { points: number; why: string }>> = {
  'Participant.recommendedMentors': { points: 400, why: 'scores every mentor of the program' },
  'Query.recommendedMentors': { points: 400, why: 'scores every mentor of the program' },
  'Query.compareMatchingRound': { points: 4000, why: 'solves the whole round again' },
  'Query.circleFill': { points: 500, why: 'reads a whole fill draft with its placements' },
  'Query.programInsights': { points: 1500, why: 'rebuilds the figures from the event history' },
  'Query.programInsightsCsv': { points: 1500, why: 'rebuilds the figures from the event history' },
  'Query.surveyResults': { points: 800, why: 'aggregates every response to the survey and decrypts its free texts' },
};

const sizeOf = (args: Record<string, unknown>): number | undefined =>
  [args['first'], args['limit'], args['take'], args['pageSize']].find((v): v is number => typeof v === 'number');

const unwrap = (type: GraphQLOutputType): GraphQLOutputType => (isNonNullType(type) ? type.ofType : type);

const isConnection = (field: GraphQLField<unknown, unknown>): boolean =>
  !isListType(unwrap(field.type)) && getNamedType(field.type).name.endsWith('Connection');

export interface OperationCost {
  points: number;
  /** Computed fields the operation asks for, by `Type.field`, with how often (lists multiply them). */
  computed: Map<string, number>;
}

/**
 * The estimated cost of an operation: a list multiplies what it selects by its page size (`first`/`limit`/`take`,
 * else 10); a connection's page size multiplies what its `edges`/`nodes` select (they carry no size of their own);
 * computed fields add their weight from `COMPUTED_FIELD_COSTS`. Introspection costs nothing (it is off in production).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): OperationCost {
  const computed = new Map<string, number>();
  const estimator: ComplexityEstimator = ({ type: parent, field, args, childComplexity }) => {
    if (parent.name.startsWith('__') || field.name.startsWith('__')) return 0;
    const key = `${parent.name}.${field.name}`;
    const weight = COMPUTED_FIELD_COSTS[key]?.points ?? 0;
    if (weight > 0) computed.set(key, (computed.get(key) ?? 0) + 1);
    const requested = sizeOf(args);
    if (isConnection(field)) return 1 + weight + childComplexity * Math.max(1, requested ?? DEFAULT_LIST_SIZE);
    if (isListType(unwrap(field.type))) {
      // The enclosing connection counted the page already.
      if (parent.name.endsWith('Connection') && requested === undefined) return 1 + weight + (childComplexity || 1);
      return 1 + weight + (childComplexity || 1) * Math.max(1, requested ?? DEFAULT_LIST_SIZE);
    }
    return weight > 0 ? 1 + weight + childComplexity : undefined;
  };
  const points = getComplexity({
    schema,
    query: document,
    ...(operationName ? { operationName } : {}),
    variables,
    estimators: [estimator, simpleEstimator({ defaultComplexity: 1 })],
  });
  return { points, computed };
}

/** The refusal a person can act on: what the query costs, the limit, and which computed fields weigh most. */
export function costRefusal(cost: OperationCost, max: number): string {
  const heaviest = [...cost.computed.entries()]
    .map(([key, estimatedCalls]) => ({ key, estimatedCalls, entry: COMPUTED_FIELD_COSTS[key] }))
    .filter((c) => c.entry !== undefined)
    .sort((a, b) => (b.entry?.points ?? 0) - (a.entry?.points ?? 0))[0];
  const base = `The query would cost ${cost.points} points; the limit is ${max}.`;
  if (!heaviest?.entry) return `${base} Ask for fewer items.`;
  const field = heaviest.key.split('.')[1] ?? heaviest.key;
  return `${base} ${field} costs ${heaviest.entry.points} points each (it ${heaviest.entry.why}): ask for it on fewer items at a time.`;
}
