import { Counter, Histogram, type Registry } from 'prom-client';

/**
 * What the dispatcher of this instance has done, as prom-client metrics: constant memory however long it runs,
 * unlike lists of every send. Registered on the service's registry, so `/metrics` exposes them.
 */
export interface DispatchMetrics {
  emailsSent: Counter;
  /** Source event → SMTP accepted, per email sent by this instance. */
  emailLatency: Histogram;
  remindersFired: Counter;
  /** Due time → fired, per reminder fired by this instance. */
  reminderLateness: Histogram;
}

/** Without a registry (a test building the dispatcher alone) the metrics still count, unexposed. */
export function createDispatchMetrics(registry?: Registry): DispatchMetrics {
  const registers = registry ? [registry] : [];
  return {
    emailsSent: new Counter({
      name: 'trellis_notifications_emails_sent_total',
      help: 'Emails SMTP accepted from this instance',
      registers,
    }),
    emailLatency: new Histogram({
      name: 'trellis_notifications_email_latency_seconds',
      help: 'Time from the source event to SMTP accepting the email',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
      registers,
    }),
    remindersFired: new Counter({
      name: 'trellis_notifications_reminders_fired_total',
      help: 'Reminders this instance fired',
      registers,
    }),
    reminderLateness: new Histogram({
      name: 'trellis_notifications_reminder_lateness_seconds',
      help: 'Time from a reminder being due to it being fired',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    }),
  };
}
