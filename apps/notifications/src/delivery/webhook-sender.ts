import { createHash } from 'node:crypto';
import {
  decideWebhookFailure,
  type NotificationIntent,
  signWebhookPayload,
  type SourceEvent,
  WEBHOOK_SIGNATURE_HEADER,
  type WebhookPolicy,
} from '@trellis/notifications/domain';
import type { Logger } from '@trellis/shared/observability';
import type { Announcer } from '../core/announcer';
import type { DeliveryRow, NotificationsStore } from '../core/notifications-store';
import type { Notifier } from '../core/notifier';
import type { DeliveryOutcomes } from './delivery-outcomes';
import { inDeliverySpan } from './delivery-span';

export interface WebhookSenderOptions {
  store: NotificationsStore;
  outcomes: DeliveryOutcomes;
  notifier: Notifier;
  announcer: Announcer;
  logger: Logger;
  policy: WebhookPolicy;
  timeoutMs: number;
}

/** One queued webhook call: signed, retried by the policy, and the endpoint disabled after too many failures. */
export class WebhookSender {
  constructor(private readonly o: WebhookSenderOptions) {}

  async send(row: DeliveryRow, now: Date): Promise<void> {
    const { store, outcomes } = this.o;
    const hook = await store.webhooks.findOne({ _id: row.recipient, tenantId: row.tenantId });
    const body = row.body;
    if (!hook?.enabled || !body) return outcomes.finish(row, 'cancelled', { lastError: 'webhook disabled or removed' });
    let failure: string | null = null;
    try {
      const response = await inDeliverySpan(row, 'webhook send', () =>
        fetch(hook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [WEBHOOK_SIGNATURE_HEADER]: signWebhookPayload(hook.secret, body, new Date()),
            'x-trellis-delivery': createHash('sha256').update(row._id).digest('hex').slice(0, 32),
          },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(this.o.timeoutMs),
        }),
      );
      if (!response.ok) failure = `endpoint answered ${response.status}`;
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      failure = `endpoint unreachable: ${String((error as Error).message ?? error)}`;
    }
    const attempts = row.attempts + 1;
    if (!failure) {
      await outcomes.finish(row, 'sent', { sentAt: new Date(), attempts, lastError: null });
      await store.webhooks.updateOne({ _id: hook._id }, { $set: { consecutiveFailures: 0 } });
      return;
    }
    const decision = decideWebhookFailure(this.o.policy, attempts, hook.consecutiveFailures, now);
    if ('retryAt' in decision.delivery) {
      await store.deliveries.updateOne(
        { _id: row._id, state: 'pending' },
        { $set: { attempts, lastError: failure, dueAt: decision.delivery.retryAt } },
      );
      outcomes.later(row);
    } else {
      await outcomes.finish(row, 'failed', { attempts, lastError: failure });
    }
    await store.webhooks.updateOne({ _id: hook._id }, { $set: { consecutiveFailures: decision.consecutiveFailures } });
    if (decision.disableEndpoint)
      await this.disable(hook._id, hook.tenantId, hook.createdByPersonId, decision.consecutiveFailures);
  }

  private async disable(webhookId: string, tenantId: string, adminPersonId: string, failures: number): Promise<void> {
    const { store } = this.o;
    const hook = await store.webhooks.findOne({ _id: webhookId, tenantId });
    if (!hook?.enabled) return;
    const disabledAt = new Date();
    const changed = await store.webhooks.updateOne(
      { _id: webhookId, enabled: true, disabledCount: hook.disabledCount },
      { $set: { enabled: false, disabledAt }, $inc: { disabledCount: 1 } },
    );
    if (changed.matchedCount !== 1) return;
    store.webhooksChanged(tenantId);
    const queued = await store.deliveries.find({ tenantId, recipient: webhookId, channel: 'webhook' }).toArray();
    for (const row of queued.filter((r) => r.state === 'pending')) {
      await this.o.outcomes.finish(row, 'cancelled', { lastError: 'webhook disabled' });
    }
    const event: SourceEvent = {
      id: `webhook-disabled:${webhookId}:${hook.disabledCount + 1}`,
      type: 'WebhookEndpointDisabled',
      data: {},
      occurredAt: disabledAt.toISOString(),
      tenantId,
    };
    const intent: NotificationIntent = {
      templateId: 'webhook-disabled',
      category: 'webhook-alerts',
      priority: 'critical',
      audience: { kind: 'people', personIds: [adminPersonId] },
      subject: { kind: 'webhook', id: webhookId },
      params: { consecutiveFailures: failures },
    };
    await this.o.notifier.fanOut({ event, intent, recipients: [adminPersonId], programId: null, toWebhooks: false });
    await this.o.announcer.announce(
      tenantId,
      'WebhookEndpointDisabled',
      { webhookId, consecutiveFailures: failures, disabledAt: disabledAt.toISOString() },
      event.id,
    );
    this.o.logger.warn({ webhookId, failures }, 'webhook disabled');
  }
}
