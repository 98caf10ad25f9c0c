import { matchingContracts } from '@trellis/matching/contracts';
import {
  intentsFor,
  reminderCommandApplies,
  reminderCommandsFor,
  type ReminderCommand,
  type SourceEvent,
} from '@trellis/notifications/domain';
import { profilesContracts } from '@trellis/profiles/contracts';
import { sessionsEventContracts } from '@trellis/sessions/contracts';
import { TenantScopedCollection } from '@trellis/shared/event-store';
import {
  ConsumerRunner,
  ContractRegistry,
  type ConsumerStatusRegistry,
  type EventEnvelope,
  type TopicSettings,
} from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import type { Kafka } from 'kafkajs';
import { NotificationsStore, type ReminderRow } from '../core/notifications-store';
import type { Notifier } from '../core/notifier';
import { phases } from '../core/phases';

export interface NotificationsReactorOptions {
  kafka: Kafka;
  group: string;
  topics: string[];
  store: NotificationsStore;
  notifier: Notifier;
  logger: Logger;
  metrics?: ServiceMetrics;
  status?: ConsumerStatusRegistry;
  /** Where `<group>.dlq` is created when missing. */
  topicSettings?: TopicSettings;
  /** Partitions handled in parallel. */
  concurrency?: number;
  /** Events of one partition's fetched batch handled in parallel (one stream's events stay in order). */
  eventConcurrency?: number;
  /** How long a conversation message may stay unread before its recipient is told. */
  unreadMessageAfterMs?: number;
  /** Told when a person's data is erased (the sender's contact cache forgets them). */
  onPersonErased?: (tenantId: string, personId: string) => void;
}

const REMINDER_WRITES_AT_ONCE = 16;

export const reactorContracts = () =>
  new ContractRegistry([...profilesContracts, ...matchingContracts, ...sessionsEventContracts]);

/**
 * Reacts to profiles, matching and sessions events. Every effect is idempotent on its own — an insert keyed by
 * {event id, recipient, channel}, a sequence-guarded reminder write, an upsert or delete of a directory row — so
 * neither a redelivery nor a replay of the topics (a reset consumer group) sends anything twice. (A per-event claim
 * row, ReactorInbox, was dropped: its "done" update was the costliest write of an event on FerretDB v1, and it added
 * nothing these keys do not already give.)
 */
export class NotificationsReactor {
  readonly contracts = reactorContracts();

  constructor(private readonly options: NotificationsReactorOptions) {}

  runner(): ConsumerRunner {
    const o = this.options;
    return new ConsumerRunner(o.kafka, {
      group: o.group,
      topics: o.topics,
      contracts: this.contracts,
      handler: (envelope) => this.handle(envelope),
      partitionsConcurrently: o.concurrency ?? 3,
      messagesConcurrently: o.eventConcurrency ?? 1,
      // An event the rules cannot handle ends in `<group>.dlq` after bounded retries; `npm run dlq:replay` reapplies it.
      ...(o.topicSettings ? { deadLetterTopic: o.topicSettings } : {}),
      logger: o.logger,
      ...(o.metrics ? { metrics: o.metrics } : {}),
      ...(o.status ? { status: o.status } : {}),
    });
  }

  readonly handle = async (envelope: EventEnvelope): Promise<void> => {
    const lagMs = Date.now() - new Date(envelope.occurredAt).getTime();
    phases.record('reactor.event-age-at-start', lagMs);
    await phases.time('reactor.handle', () => this.react(envelope));
  };

  private async react(envelope: EventEnvelope): Promise<void> {
    const { store } = this.options;
    const data = envelope.data;
    await this.maintainDirectories(envelope);
    const programId = await this.programOf(envelope);
    const event: SourceEvent = {
      id: envelope.id,
      type: envelope.type,
      data,
      occurredAt: envelope.occurredAt,
      tenantId: envelope.tenantId,
      ...(programId ? { programId } : {}),
    };
    for (const intent of intentsFor(event)) {
      const recipients =
        intent.audience.kind === 'people'
          ? intent.audience.personIds
          : await store.managersOf(envelope.tenantId, intent.audience.programId);
      await this.options.notifier.fanOut({ event, intent, recipients, programId, toWebhooks: true });
    }
    const commands = reminderCommandsFor(event, this.options.unreadMessageAfterMs);
    if (commands.length)
      // Each command is for a different reminder: they do not depend on each other. A survey asking a whole cohort
      // plans two per person, so they go a bounded number at a time rather than all at once.
      await phases.time('reactor.reminders', async () => {
        for (let i = 0; i < commands.length; i += REMINDER_WRITES_AT_ONCE) {
          const batch = commands.slice(i, i + REMINDER_WRITES_AT_ONCE);
          await Promise.all(batch.map((command) => this.applyReminder(event, programId, command)));
        }
      });
  }

  private async programOf(envelope: EventEnvelope): Promise<string | null> {
    if (envelope.programId) return envelope.programId;
    const data = envelope.data;
    if (typeof data['programId'] === 'string') return data['programId'];
    if (typeof data['mentorshipId'] === 'string') {
      const row = await new TenantScopedCollection(this.options.store.mentorshipPrograms, envelope.tenantId).findOne({
        _id: data['mentorshipId'],
      });
      return row?.programId ?? null;
    }
    return null;
  }

  private async maintainDirectories(envelope: EventEnvelope): Promise<void> {
    const { store } = this.options;
    const { tenantId } = envelope;
    const d = envelope.data as Record<string, string>;
    switch (envelope.type) {
      case 'ProgramManagerAssigned':
        await store.managers.replaceOne(
          { _id: `${tenantId}|${d['programId']}|${d['personId']}`, tenantId },
          { tenantId, programId: d['programId']!, personId: d['personId']! },
          { upsert: true },
        );
        return;
      case 'ProgramManagerUnassigned':
        await store.managers.deleteOne({ _id: `${tenantId}|${d['programId']}|${d['personId']}`, tenantId });
        return;
      case 'MentorshipStarted':
      case 'EngagementOpened':
        await NotificationsStore.insertIfNew(store.mentorshipPrograms, {
          _id: d['mentorshipId']!,
          tenantId,
          programId: d['programId']!,
        });
        return;
      case 'ParticipantDataErased':
        await this.erase(tenantId, d['personId']!);
        return;
      default:
        return;
    }
  }

  /**
   * Erasure: the person's inbox, preferences and unsent emails go; sent-email bookkeeping keeps only ids. Timers for
   * them alone (survey invitations and reminders, unread messages, goals) are cancelled for good rather than deleted,
   * so a replayed event cannot arm them again and put a new item in the emptied inbox.
   */
  private async erase(tenantId: string, personId: string): Promise<void> {
    const { store } = this.options;
    await store.reminders.updateMany(
      { tenantId, recipients: [personId], state: 'scheduled' },
      { $set: { state: 'cancelled', sequence: Number.MAX_SAFE_INTEGER } },
    );
    await store.inboxOf(tenantId).deleteMany({ recipientPersonId: personId });
    await store.preferences.deleteMany({ tenantId, personId });
    store.forgetPreferences(tenantId, personId);
    this.options.onPersonErased?.(tenantId, personId);
    const unsent = await store.deliveries.find({ tenantId, recipient: personId, channel: 'email' }).toArray();
    for (const row of unsent.filter((r) => r.state === 'pending')) {
      await store.finish(row, 'dropped', { lastError: 'person erased' });
    }
    const digests = await store.digests.find({ tenantId, personId }).toArray();
    for (const digest of digests) await store.digestEntries.deleteMany({ digestId: digest._id });
    await store.digests.deleteMany({ tenantId, personId });
  }

  private async applyReminder(event: SourceEvent, programId: string | null, command: ReminderCommand): Promise<void> {
    const reminders = this.options.store.reminders;
    const reminderId = command.kind === 'schedule' ? command.plan.reminderId : command.reminderId;
    const _id = `${event.tenantId}|${reminderId}`;
    if (command.kind === 'cancel') {
      for (let attempt = 0; attempt < 5; attempt++) {
        // No read first: the filter is reminderCommandApplies for a cancel (a newer sequence, or the same one while
        // still scheduled), and a reminder that does not exist has nothing to cancel.
        const result = await reminders.updateOne(
          {
            _id,
            tenantId: event.tenantId,
            $or: [{ sequence: { $lt: command.sequence } }, { sequence: command.sequence, state: 'scheduled' }],
          },
          { $set: { state: 'cancelled', sequence: command.sequence } },
        );
        if (result.matchedCount === 1 || !command.tombstone) return;
        const tombstone: ReminderRow = {
          ...command.tombstone,
          sequence: command.sequence,
          _id,
          tenantId: event.tenantId,
          programId,
          state: 'cancelled',
          dueAtDate: new Date(command.tombstone.dueAt),
          firedAt: null,
        };
        if (await NotificationsStore.insertIfNew(reminders, tombstone)) return;
        // A row exists that the update did not match: cancelled at this sequence already, or inserted by a schedule
        // in between (then the next update cancels it).
        const existing = await reminders.findOne({ _id, tenantId: event.tenantId });
        if (!existing || !reminderCommandApplies(existing, command)) return;
      }
      throw new Error(`reminder ${_id} kept changing under us`);
    }
    // A compare-and-set on the sequence read: two events for one session never interleave their writes.
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await reminders.findOne({ _id, tenantId: event.tenantId });
      if (!reminderCommandApplies(existing, command)) return;
      const keepsDue =
        command.plan.keepEarlierDue === true && existing?.state === 'scheduled' && existing.dueAt < command.plan.dueAt;
      const dueAt = keepsDue ? existing.dueAt : command.plan.dueAt;
      const row: ReminderRow = {
        ...command.plan,
        dueAt,
        _id,
        tenantId: event.tenantId,
        programId,
        state: 'scheduled',
        dueAtDate: new Date(dueAt),
        firedAt: null,
      };
      if (!existing) {
        if (await NotificationsStore.insertIfNew(reminders, row)) return;
        continue;
      }
      const result = await reminders.replaceOne({ _id, sequence: existing.sequence, state: existing.state }, row);
      if (result.matchedCount === 1) return;
    }
    throw new Error(`reminder ${_id} kept changing under us`);
  }
}
