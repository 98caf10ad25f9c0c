/** What the projection needs of a contract field's schema (a zod type has both). */
export interface ContractFieldSchema {
  isOptional(): boolean;
  isNullable(): boolean;
}

/**
 * An integration event's data schema as the projection reads it: its declared fields and its check. A zod object
 * schema (`z.object(shape)`, strict or not) is one; the kernel names only the structure so that it imports nothing.
 */
export interface ContractSchema<Data> {
  readonly shape: Readonly<Record<string, ContractFieldSchema>>;
  safeParse(
    value: unknown,
  ):
    | { success: true; data: Data }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<string | number>; message: string }> } };
}

/**
 * What a source must offer for a contract: every field the contract requires, under the contract's name, so that a
 * renamed or missing field fails to compile. Values are checked when the projection runs.
 */
export type ContractSource<Data> = { readonly [K in keyof Data]: unknown };

/** A domain event that cannot become its integration event: a bug in the mapping or the contract, never the user's. */
export class ContractViolationError extends Error {
  constructor(
    readonly eventType: string,
    readonly reason: string,
  ) {
    super(`${eventType} does not satisfy its contract: ${reason}`);
    this.name = 'ContractViolationError';
  }
}

/**
 * Projects a domain event (or any source object) onto the data of its integration event: it reads exactly the fields
 * the contract's schema declares and validates the result against that schema, so whatever else the source carries
 * stays home. That is the guarantee integration events rest on: a mapping may hand in the whole domain event, and a
 * sealed text added to that event later still cannot reach Kafka unless the contract names it. Renames and derived
 * values are the caller's: it passes them in the source under the contract's names.
 *
 * An optional field that is `undefined`, or `null` where the contract does not allow null (BSON stores an absent
 * field written as `undefined` as `null`), is left out. Throws `ContractViolationError` naming the failing fields
 * when the result does not satisfy the contract.
 */
export function projectOntoContract<Data>(
  type: string,
  schema: ContractSchema<Data>,
  source: NoInfer<ContractSource<Data>>,
): Data {
  const fields = source as Readonly<Record<string, unknown>>;
  const picked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    if (!Object.hasOwn(fields, key)) continue;
    const value = fields[key];
    if (value === undefined || (value === null && field.isOptional() && !field.isNullable())) continue;
    picked[key] = value;
  }
  const result = schema.safeParse(picked);
  if (!result.success) {
    throw new ContractViolationError(
      type,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; '),
    );
  }
  return result.data;
}

/** The data a contract schema accepts. */
export type ContractData<Schema> = Schema extends ContractSchema<infer Data> ? Data : never;

/** One integration event per type in `Type` (a union of them when `Type` is a union), each with its own data. */
export type ProjectedEvent<Schemas, Type extends keyof Schemas> = Type extends unknown
  ? { type: Type; data: ContractData<Schemas[Type]> }
  : never;

/**
 * `projectOntoContract` for a topic whose contracts are a record of data schemas by event type: the integration
 * event of `type`, its data projected from `source`.
 */
export function projectEvent<
  Schemas extends { readonly [T in keyof Schemas]: ContractSchema<unknown> },
  Type extends keyof Schemas & string,
>(
  schemas: Schemas,
  type: Type,
  source: NoInfer<ContractSource<ContractData<Schemas[Type]>>>,
): ProjectedEvent<Schemas, Type> {
  return { type, data: projectOntoContract(type, schemas[type], source) } as ProjectedEvent<Schemas, Type>;
}
