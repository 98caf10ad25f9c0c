import { Registry } from 'prom-client';
import { createDispatchMetrics } from './dispatch-metrics';

describe('dispatch metrics', () => {
  it('are exposed on the registry they are given', async () => {
    const registry = new Registry();
    createDispatchMetrics(registry);
    const names = (await registry.getMetricsAsJSON()).map((m) => m.name).sort();
    expect(names).toEqual([
      'trellis_notifications_email_latency_seconds',
      'trellis_notifications_emails_sent_total',
      'trellis_notifications_reminder_lateness_seconds',
      'trellis_notifications_reminders_fired_total',
    ]);
  });

  it('count sends in constant memory: a histogram keeps buckets, not one entry per email', async () => {
    const metrics = createDispatchMetrics();
    for (let i = 0; i < 10_000; i += 1) {
      metrics.emailsSent.inc();
      metrics.emailLatency.observe((i % 100) / 10);
    }
    const latency = await metrics.emailLatency.get();
    expect((await metrics.emailsSent.get()).values[0]?.value).toBe(10_000);
    expect(latency.values.find((v) => v.metricName?.endsWith('_count'))?.value).toBe(10_000);
    expect(latency.values.length).toBeLessThan(20);
  });

  it('can be created once per instance in one process without clashing', () => {
    expect(() => [createDispatchMetrics(new Registry()), createDispatchMetrics(new Registry())]).not.toThrow();
  });
});
