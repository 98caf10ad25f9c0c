import { z } from 'zod';

/**
 * The Kafka message value of every integration event (docs/architecture.md §5). Ids, tags, enums, numbers and times
 * only.
 */
export const eventEnvelopeSchema = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    schemaVersion: z.number().int().min(1),
    streamId: z.string().min(1),
    streamType: z.string().min(1),
    revision: z.number().int().min(1),
    occurredAt: z.string().datetime(),
    tenantId: z.string().min(1),
    programId: z.string().min(1).optional(),
    correlationId: z.string().min(1),
    causationId: z.string().min(1).optional(),
    actor: z.string().min(1).optional(),
    data: z.record(z.string(), z.unknown()),
  })
  .strict();

export type EventEnvelope<Data = Record<string, unknown>> = Omit<z.infer<typeof eventEnvelopeSchema>, 'data'> & {
  data: Data;
};

/** One published event type of a service's contracts library. */
export interface EventContract<Data extends Record<string, unknown> = Record<string, unknown>> {
  type: string;
  schemaVersion: number;
  data: z.ZodType<Data>;
}

export class EnvelopeValidationError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'EnvelopeValidationError';
  }
}

/** Validates envelopes against the contracts of the topics a producer writes or a consumer reads. */
export class ContractRegistry {
  private readonly contracts = new Map<string, EventContract>();

  constructor(contracts: ReadonlyArray<EventContract> = []) {
    for (const contract of contracts) this.contracts.set(contract.type, contract);
  }

  /**
   * @param allowUnknownTypes consumers tolerate event types added after they were built (they ignore them);
   *   producers never publish a type without a contract.
   */
  validate(value: unknown, allowUnknownTypes: boolean): EventEnvelope {
    const parsed = eventEnvelopeSchema.safeParse(value);
    if (!parsed.success) throw new EnvelopeValidationError(`invalid envelope: ${describe(parsed.error)}`);
    const envelope = parsed.data;
    const contract = this.contracts.get(envelope.type);
    if (!contract) {
      if (allowUnknownTypes) return envelope;
      throw new EnvelopeValidationError(`no contract for event type ${envelope.type}`);
    }
    if (envelope.schemaVersion !== contract.schemaVersion) {
      throw new EnvelopeValidationError(
        `${envelope.type} has schema version ${envelope.schemaVersion}, contract is version ${contract.schemaVersion}`,
      );
    }
    const data = contract.data.safeParse(envelope.data);
    if (!data.success) throw new EnvelopeValidationError(`invalid ${envelope.type} data: ${describe(data.error)}`);
    return { ...envelope, data: data.data };
  }
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
