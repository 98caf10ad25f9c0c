import { matchingContracts } from '@trellis/matching/contracts';
import type { OutboxOptions } from '@trellis/shared/platform';
import { matchingIntegrationMapper } from '../messaging/integration-events';

/** The outbox relay from the matching event store to `topic` (matching.events.v1 in production). */
export function matchingOutbox(topic: string): OutboxOptions {
  return {
    topic,
    contracts: matchingContracts,
    integrationMapper: matchingIntegrationMapper,
    // A published round starts thousands of proposal streams at once: fewer, larger batches keep the relay's
    // unpublished-commits query (sorted in FerretDB's Go layer) from being repeated per 500 commits.
    batchSize: 2000,
    markConcurrency: 16,
  };
}
