import type { SurveyTriggerKind } from '@trellis/sessions/contracts';
import type { SurveyAnswer, SurveyOccurrence, SurveyState } from '@trellis/sessions/domain';
import { isDuplicateKeyError, replaceIfNewer, TenantScopedCollection } from '@trellis/shared/event-store';
import type { Collection, Connection } from 'mongoose';

export interface SurveyRow {
  _id: string;
  tenantId: string;
  programId: string;
  status: SurveyState['status'];
  title: string;
  /** What sends it (null while unscheduled), and for a survey sent on a date, that date: the date run's query. */
  trigger: SurveyTriggerKind | null;
  opensAt?: string;
  _revision: number;
  updatedAt: Date;
}

/**
 * What the date run did with a survey sent on a date (`_id`: the survey): opened its occurrence, found it past its
 * close, or found nobody to ask. A survey with a row here is not looked at again.
 */
export interface SurveyDatePlanRow {
  _id: string;
  tenantId: string;
  /** Absent when nobody was asked. */
  occurrenceId?: string;
  outcome: 'opened' | 'past-due' | 'nobody-asked';
  at: Date;
}

/** An opened occurrence, keyed by its deterministic id: "my invitations" is one indexed query per person. */
export type SurveyOccurrenceRow = Omit<SurveyOccurrence, 'occurrenceId'> & { _id: string; tenantId: string };

/**
 * One submitted response (`_id`: its stream id). Free-text answers stay sealed with the respondent's key, so
 * shredding the key silences them here as in the event store.
 */
export interface SurveyResponseRow {
  _id: string;
  tenantId: string;
  programId: string;
  surveyId: string;
  occurrenceId: string;
  cohortId?: string;
  respondentPersonId: string;
  submittedAt: string;
  answers: SurveyAnswer[];
}

/** The rows of program surveys, written right after each commit; the streams decide, the rows find. */
export class SurveyReadModels {
  readonly surveys: Collection<SurveyRow>;
  readonly occurrences: Collection<SurveyOccurrenceRow>;
  readonly responses: Collection<SurveyResponseRow>;
  readonly datePlans: Collection<SurveyDatePlanRow>;

  constructor(connection: Connection) {
    this.surveys = connection.collection<SurveyRow>('surveys') as unknown as Collection<SurveyRow>;
    this.occurrences = connection.collection<SurveyOccurrenceRow>(
      'survey_occurrences',
    ) as unknown as Collection<SurveyOccurrenceRow>;
    this.responses = connection.collection<SurveyResponseRow>(
      'survey_responses',
    ) as unknown as Collection<SurveyResponseRow>;
    this.datePlans = connection.collection<SurveyDatePlanRow>(
      'survey_date_plans',
    ) as unknown as Collection<SurveyDatePlanRow>;
  }

  async ensureIndexes(): Promise<void> {
    await this.surveys.createIndex({ tenantId: 1, programId: 1, status: 1 }, { name: 'program_surveys' });
    await this.surveys.createIndex({ status: 1, trigger: 1, opensAt: 1 }, { name: 'dated_surveys' });
    await this.occurrences.createIndex({ tenantId: 1, askedPersonIds: 1, closesAt: 1 }, { name: 'person_invitations' });
    await this.responses.createIndex({ tenantId: 1, surveyId: 1 }, { name: 'survey_responses' });
    await this.responses.createIndex({ tenantId: 1, respondentPersonId: 1 }, { name: 'person_responses' });
  }

  surveysOf(tenantId: string): TenantScopedCollection<SurveyRow> {
    return new TenantScopedCollection(this.surveys, tenantId);
  }

  occurrencesOf(tenantId: string): TenantScopedCollection<SurveyOccurrenceRow> {
    return new TenantScopedCollection(this.occurrences, tenantId);
  }

  responsesOf(tenantId: string): TenantScopedCollection<SurveyResponseRow> {
    return new TenantScopedCollection(this.responses, tenantId);
  }

  /** `rewrite`: the same revision again, for rows written before a field existed. */
  async writeSurvey(tenantId: string, state: SurveyState, revision: number, rewrite = false): Promise<void> {
    const trigger = state.schedule?.trigger ?? null;
    await replaceIfNewer(
      this.surveys,
      state.surveyId,
      revision,
      {
        tenantId,
        programId: state.programId,
        status: state.status,
        title: state.title,
        trigger: trigger?.kind ?? null,
        ...(trigger?.kind === 'on-date' ? { opensAt: trigger.opensAt } : {}),
        updatedAt: new Date(),
      },
      { rewrite },
    );
  }

  /** The first record stays: a second replica planning the same survey at once finds it written. */
  async markDatePlanned(tenantId: string, surveyId: string, plan: Omit<SurveyDatePlanRow, '_id' | 'tenantId'>) {
    try {
      await this.datePlans.updateOne({ _id: surveyId }, { $setOnInsert: { tenantId, ...plan } }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async writeOccurrence(tenantId: string, occurrence: SurveyOccurrence): Promise<void> {
    const { occurrenceId, ...rest } = occurrence;
    await replaceIfNewer(this.occurrences, occurrenceId, 1, { tenantId, ...rest });
  }

  async writeResponse(tenantId: string, streamId: string, response: Omit<SurveyResponseRow, '_id' | 'tenantId'>) {
    await replaceIfNewer(this.responses, streamId, 1, { tenantId, ...response });
  }
}
