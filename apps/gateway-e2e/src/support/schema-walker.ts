import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/** Ids of the data a caller must not reach, by kind. */
export interface IdPool {
  program: string[];
  participant: string[];
  person: string[];
  cohort: string[];
}

export interface WalkOperation {
  kind: 'query' | 'mutation';
  field: string;
  /** The kinds of foreign ids this operation carries (at least one). */
  carries: Array<keyof IdPool>;
  document: string;
  variables: Record<string, unknown>;
}

// Stand-ins for the federation plumbing the gateway never exposes, and anything the walker cannot aim at data.
const skipped = new Set(['_service', '_entities']);
// Client-chosen keys that make a retried command idempotent: ids, but of nothing that belongs to anyone.
const idempotencyKey = /^(commandId|clientMutationId|idempotencyKey|requestId)$/i;

function idKindOf(argName: string, returnType: GraphQLNamedType): Array<keyof IdPool> {
  const name = argName.toLowerCase();
  if (name.includes('program')) return ['program'];
  if (name.includes('participant')) return ['participant'];
  if (name.includes('person')) return ['person'];
  if (name.includes('cohort')) return ['cohort'];
  // A bare `id`: what the field returns says which id it is; unknown returns get every kind.
  const returned = returnType.name.toLowerCase();
  for (const kind of ['program', 'participant', 'cohort'] as const) if (returned.includes(kind)) return [kind];
  return ['program', 'participant', 'person', 'cohort'];
}

function isIdType(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  return isScalarType(named) && named.name === 'ID';
}

/** A valid-looking value for a non-id input, so that validation passes and the tenant check is what answers. */
export function sampleValue(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, name, depth);
  if (isListType(type)) return [sampleValue(type.ofType, name, depth)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    if (depth > 4) return value;
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) {
        value[field.name] = sampleValue(field.type, field.name, depth + 1);
      }
    }
    return value;
  }
  switch (type.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'ID':
      return '00000000-0000-5000-a000-000000000000';
    default:
      if (/On$|date/i.test(name)) return '2026-03-02';
      if (/At$|time/i.test(name)) return '2026-03-02T10:00:00.000Z';
      if (/email/i.test(name)) return 'walker@example.org';
      if (/timezone/i.test(name)) return 'Europe/Berlin';
      if (/csv/i.test(name)) return 'person_id,email,display_name,roles\n';
      return 'walker';
  }
}

/** Scalar fields (no required arguments) of what a field returns, to see whatever it would leak. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return isScalarType(named) || isEnumType(named) ? '' : '{ __typename }';
  const scalars = Object.values(named.getFields())
    .filter((f) => {
      const t = getNamedType(f.type);
      return (isScalarType(t) || isEnumType(t)) && f.args.every((a) => !isNonNullType(a.type));
    })
    .map((f) => f.name);
  return `{ __typename ${scalars.join(' ')} }`;
}

function argumentValues(
  field: GraphQLField<unknown, unknown>,
  pool: IdPool,
): Array<{ values: Record<string, unknown>; carries: Array<keyof IdPool> }> {
  const returnType = getNamedType(field.type);
  const idArgs = field.args.filter((a) => isIdType(a.type) && !idempotencyKey.test(a.name));
  if (idArgs.length === 0) return [];
  // Each id argument gets a foreign id of its kind; a bare `id` of unknown meaning is tried with every kind.
  let combinations: Array<{ values: Record<string, unknown>; carries: Array<keyof IdPool> }> = [
    { values: {}, carries: [] },
  ];
  for (const arg of idArgs) {
    const list = isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type);
    const next: typeof combinations = [];
    for (const kind of idKindOf(arg.name, returnType)) {
      const id = pool[kind][0];
      if (id === undefined) continue;
      for (const combination of combinations) {
        next.push({
          values: { ...combination.values, [arg.name]: list ? [id] : id },
          carries: [...new Set([...combination.carries, kind])],
        });
      }
    }
    if (next.length === 0 && isNonNullType(arg.type)) return [];
    if (next.length) combinations = next;
  }
  const others = field.args.filter(
    (a) => !(a.name in combinations[0]!.values) && isNonNullType(a.type) && a.defaultValue === undefined,
  );
  return combinations
    .filter((c) => c.carries.length > 0)
    .map((c) => ({
      carries: c.carries,
      values: {
        ...c.values,
        ...Object.fromEntries(others.map((a: GraphQLArgument) => [a.name, sampleValue(a.type, a.name)])),
      },
    }));
}

/**
 * Every query and mutation of the composed schema that takes an id, aimed at ids from `pool`. New fields of any
 * subgraph are covered as soon as the gateway composes them: nothing here names a field.
 */
export function walkOperations(schema: GraphQLSchema, pool: IdPool, kinds?: Array<keyof IdPool>): WalkOperation[] {
  const operations: WalkOperation[] = [];
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      if (skipped.has(field.name) || field.name.startsWith('__')) continue;
      for (const { values, carries } of argumentValues(field, pool)) {
        if (kinds && !carries.some((k) => kinds.includes(k))) continue;
        const used = field.args.filter((a) => a.name in values);
        const declarations = used.map((a, i) => `$a${i}: ${String(a.type)}`).join(', ');
        const args = used.map((a, i) => `${a.name}: $a${i}`).join(', ');
        const document = `${kind} Walk${declarations ? `(${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionOf(field)} }`;
        const variables = Object.fromEntries(used.map((a, i) => [`a${i}`, values[a.name]]));
        operations.push({ kind, field: field.name, carries, document, variables });
      }
    }
  }
  return operations;
}

/** Queries any caller may run without ids (their own view: `me`, `programs`, …), for leak checks and snapshots. */
export function ownViewQueries(schema: GraphQLSchema): string[] {
  const root = schema.getQueryType();
  if (!root) return [];
  return Object.values(root.getFields())
    .filter((f) => !skipped.has(f.name) && f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined))
    .map((f) => `query Own { ${f.name} ${selectionOf(f)} }`);
}
