// A deliberately small aggregate and projection for exercising the event-sourcing machinery in tests and benchmarks.
import { z } from 'zod';
import { ContractRegistry, type EventContract } from '@trellis/shared/messaging';
import { DomainError } from '../errors';
import type { Decider } from '../decider';
import type { ProjectionDefinition } from '../projection';

export type TallyEvent = { type: 'Tallied'; by: number } | { type: 'TallyClosed' };
export type TallyCommand = { type: 'Tally'; by: number } | { type: 'Close' };
export interface TallyState {
  total: number;
  closed: boolean;
}

export const tallyDecider: Decider<TallyCommand, TallyEvent, TallyState> = {
  initialState: () => ({ total: 0, closed: false }),
  decide: (command, state) => {
    if (state.closed) throw new DomainError('CONFLICT', 'This tally is closed');
    if (command.type === 'Close') return [{ type: 'TallyClosed' }];
    if (!Number.isInteger(command.by) || command.by <= 0)
      throw new DomainError('BAD_USER_INPUT', 'by must be a positive integer');
    return [{ type: 'Tallied', by: command.by }];
  },
  evolve: (state, event) =>
    event.type === 'Tallied' ? { ...state, total: state.total + event.by } : { ...state, closed: true },
};

export const tallyContracts: EventContract[] = [
  { type: 'Tallied', schemaVersion: 1, data: z.object({ by: z.number().int() }).strict() },
  { type: 'TallyClosed', schemaVersion: 1, data: z.object({}).strict() },
];
export const tallyRegistry = new ContractRegistry(tallyContracts);

export interface TallyRow extends Record<string, unknown> {
  tenantId: string;
  events: number;
  total: number;
  closed: boolean;
  lastEventId: string;
}

export function tallyProjection(name: string, topic: string, collection: string): ProjectionDefinition<TallyRow> {
  return {
    name,
    collection,
    topics: [topic],
    apply: async (envelope, rows) => {
      await rows.apply(envelope.streamId, envelope, (current) => ({
        tenantId: envelope.tenantId,
        events: (current?.events ?? 0) + 1,
        total: (current?.total ?? 0) + (envelope.type === 'Tallied' ? Number(envelope.data['by']) : 0),
        closed: (current?.closed ?? false) || envelope.type === 'TallyClosed',
        lastEventId: envelope.id,
      }));
    },
  };
}
