import type { EventStore } from '@trellis/shared/event-store';

/**
 * Stream ids are global, tenants are not: a command naming another organization's request or proposal must look
 * exactly like one naming nothing (NOT_FOUND), whatever ids the caller sends (docs/architecture.md §7, tenancy).
 */
export async function streamBelongsTo(store: EventStore, streamId: string, tenantId: string): Promise<boolean> {
  const first = await store.commits.findOne({ streamId, commitSeq: 1 }, { projection: { 'meta.tenantId': 1 } });
  return first?.meta.tenantId === tenantId;
}
