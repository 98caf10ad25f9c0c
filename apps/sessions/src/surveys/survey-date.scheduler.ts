import { planSurveyOccurrence, type SurveyFact } from '@trellis/sessions/domain';
import type { Logger } from '@trellis/shared/observability';
import type { ProgramParticipants } from '../profiles/program-participants.projection';
import type { SurveyReadModels } from './survey-read-models';
import type { SurveyStore } from './survey-store';
import { PeriodicRun } from '../core/periodic-run';

export const SURVEY_DATE_ACTOR = 'system:sessions.survey-dates';

export interface SurveyDateRun {
  /** Surveys whose date had come and that the run had not planned before. */
  due: number;
  opened: string[];
  pastDue: string[];
}

/**
 * The survey date run: finds the published surveys sent on a date whose date has come and that no run planned yet,
 * asks the program's (or the cohort's) active participants of the survey's audience as the run finds them, and opens
 * the occurrence through the same store path as the mentorship triggers, so notifications invites and reminds alike.
 * The occurrence id comes from the survey and its cohort and it is opened under a commit id of its own, so a restart,
 * a second replica or a repeated run opens it once. People who enroll after the date are not asked (even when the run
 * comes late), nor those who withdrew or were erased by the time it runs; an occurrence
 * whose close has passed when found (the service was down through the whole window) is recorded past due, inviting
 * nobody, and one with nobody to ask is recorded as such. The run waits until the participants read model has caught
 * up with the profiles topic.
 */
export class SurveyDateScheduler {
  private readonly periodic: PeriodicRun;

  constructor(
    private readonly store: SurveyStore,
    private readonly readModels: SurveyReadModels,
    private readonly participants: ProgramParticipants,
    private readonly logger: Logger,
    intervalMs: number,
    /** Whether the participants read model has caught up with the profiles topic (`consumerCaughtUp`). */
    private readonly participantsReady: () => Promise<boolean>,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.periodic = new PeriodicRun('survey date run', intervalMs, logger);
  }

  async runOnce(now: Date = this.clock()): Promise<SurveyDateRun> {
    const at = now.toISOString();
    const run: SurveyDateRun = { due: 0, opened: [], pastDue: [] };
    // Asking whoever a read model still being built knows would leave the others out of the occurrence for good.
    if (!(await this.participantsReady())) {
      this.logger.info('survey date run waits for the participants read model to catch up');
      return run;
    }
    // A system process across tenants: each survey is then read and its occurrence opened through its own tenant.
    const dated = await this.readModels.surveys
      .find({ status: 'published', trigger: 'on-date', opensAt: { $lte: at } }, { projection: { _id: 1, tenantId: 1 } })
      .toArray();
    const planned = new Set(
      (
        await this.readModels.datePlans
          .find({ _id: { $in: dated.map((row) => row._id) } }, { projection: { _id: 1 } })
          .toArray()
      ).map((row) => row._id),
    );
    for (const row of dated.filter((r) => !planned.has(r._id))) {
      run.due += 1;
      try {
        const survey = await this.store.loadSurvey(row.tenantId, row._id);
        const trigger = survey.schedule?.trigger;
        // The row may lag its stream by a commit (closed, archived); the stream decides.
        if (survey.status !== 'published' || trigger?.kind !== 'on-date') continue;
        const fact: SurveyFact = {
          kind: 'survey-date-reached',
          programId: survey.programId,
          surveyId: survey.surveyId,
          ...(trigger.cohortId ? { cohortId: trigger.cohortId } : {}),
          ...(await this.participants.active(row.tenantId, survey.programId, trigger.opensAt, trigger.cohortId)),
          at: trigger.opensAt,
        };
        const plan = planSurveyOccurrence(survey, fact, at);
        if (!plan) {
          // Nobody of its audience was enrolled by the date, and nobody enrolling later will be asked.
          this.logger.info({ surveyId: row._id }, 'survey date reached, nobody to ask');
          await this.readModels.markDatePlanned(row.tenantId, row._id, { outcome: 'nobody-asked', at: now });
          continue;
        }
        const { occurrenceId } = plan.occurrence;
        if (plan.outcome === 'open') {
          await this.store.openOccurrence({ tenantId: row.tenantId, actor: SURVEY_DATE_ACTOR }, plan.occurrence);
          run.opened.push(occurrenceId);
        } else {
          this.logger.info({ surveyId: row._id, occurrenceId }, 'survey occurrence past due');
          run.pastDue.push(occurrenceId);
        }
        await this.readModels.markDatePlanned(row.tenantId, row._id, {
          occurrenceId,
          outcome: plan.outcome === 'open' ? 'opened' : 'past-due',
          at: now,
        });
      } catch (error) {
        // One broken survey must not stop the run for the others; it is retried on the next run.
        this.logger.error({ err: error, surveyId: row._id }, 'survey date run failed for a survey');
      }
    }
    return run;
  }

  start(): Promise<void> {
    return this.periodic.start(
      () => this.runOnce(),
      async () => {
        // Rows written before they named their trigger are upgraded first; the start-up run then catches up on
        // whatever date came while the service was down.
        await this.store.upgradeRows();
        return this.runOnce();
      },
    );
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}
