import { agreementInEffect, assessEngagementHealth, type EngagementEvent } from '@trellis/sessions/domain';
import type { Logger } from '@trellis/shared/observability';
import type { SessionsReadModels } from '../core/read-models';
import type { SessionsStore } from '../core/sessions-store';
import { PeriodicRun } from '../core/periodic-run';

export const ENGAGEMENT_HEALTH_ACTOR = 'system:sessions.engagement-health';

/**
 * The daily health run: for every open engagement, assess it from the read models and record the verdict on the
 * engagement itself, whose decider emits EngagementAtRisk / EngagementStalled / EngagementRecovered only when a
 * threshold is crossed. The command id is per engagement and day, so a restart, a second replica or a second run
 * the same day records nothing twice; a day missed while the service was down is caught up by the next run.
 */
export class EngagementHealthMonitor {
  private readonly periodic: PeriodicRun;

  constructor(
    private readonly store: SessionsStore,
    private readonly readModels: SessionsReadModels,
    private readonly logger: Logger,
    intervalMs: number,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.periodic = new PeriodicRun('engagement health run', intervalMs, logger);
  }

  async runOnce(now: Date = this.clock()): Promise<{ assessed: number; signals: EngagementEvent[] }> {
    const at = now.toISOString();
    const day = at.slice(0, 10);
    const signals: EngagementEvent[] = [];
    // A system process across tenants: each engagement is then read and changed through its own tenant.
    const open = await this.readModels.engagements
      .find({ status: 'open' }, { projection: { _id: 1, tenantId: 1 } })
      .toArray();
    for (const row of open) {
      try {
        const engagement = await this.store.loadEngagement(row.tenantId, row._id);
        const sessions = (await this.readModels.sessionsOf(row.tenantId).find({ mentorshipId: row._id })).sort((a, b) =>
          a.startsAt.localeCompare(b.startsAt),
        );
        const agreement = agreementInEffect(engagement);
        const report = assessEngagementHealth({
          now: at,
          openedAt: engagement.openedAt,
          cadence: agreement?.terms.cadence ?? null,
          agreementInEffect: agreement !== undefined,
          sessions: sessions
            .filter((s) => s.status !== 'none')
            .map((s) => ({
              sessionId: s._id,
              status: s.status as 'scheduled',
              startsAt: s.startsAt,
              endsAt: s.endsAt,
            })),
          actionItems: Object.values(engagement.actionItems).map((a) => ({
            dueDate: a.dueDate,
            completed: !!a.completedAt,
          })),
          feedbackRatings: sessions.flatMap((s) => s.ratings ?? []),
          goals: Object.values(engagement.goals).map((g) => ({
            status: g.status,
            progressPercent: g.progressPercent,
            targetDate: g.targetDate,
          })),
          timeZone: 'UTC',
        });
        const { events } = await this.store.executeEngagement(
          { tenantId: row.tenantId, actor: ENGAGEMENT_HEALTH_ACTOR, commandId: `health:${row._id}:${day}` },
          row._id,
          { type: 'RecordHealth', status: report.status, reasons: report.reasons, now: at },
        );
        signals.push(...events);
      } catch (error) {
        // One broken engagement must not stop the run for the others; it is retried on the next run.
        this.logger.error({ err: error, mentorshipId: row._id }, 'engagement health assessment failed');
      }
    }
    return { assessed: open.length, signals };
  }

  start(): Promise<void> {
    return this.periodic.start(() => this.runOnce());
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}
