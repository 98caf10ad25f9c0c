import type { SurveyAnswer, SurveyOccurrence, SurveyState } from '@trellis/sessions/domain';
import { replaceIfNewer, TenantScopedCollection } from '@trellis/shared/event-store';
import type { Collection, Connection } from 'mongoose';

export interface SurveyRow {
  _id: string;
  tenantId: string;
  programId: string;
  status: SurveyState['status'];
  title: string;
  _revision: number;
  updatedAt: Date;
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

  constructor(connection: Connection) {
    this.surveys = connection.collection<SurveyRow>('surveys') as unknown as Collection<SurveyRow>;
    this.occurrences = connection.collection<SurveyOccurrenceRow>(
      'survey_occurrences',
    ) as unknown as Collection<SurveyOccurrenceRow>;
    this.responses = connection.collection<SurveyResponseRow>(
      'survey_responses',
    ) as unknown as Collection<SurveyResponseRow>;
  }

  async ensureIndexes(): Promise<void> {
    await this.surveys.createIndex({ tenantId: 1, programId: 1, status: 1 }, { name: 'program_surveys' });
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

  async writeSurvey(tenantId: string, state: SurveyState, revision: number): Promise<void> {
    await replaceIfNewer(this.surveys, state.surveyId, revision, {
      tenantId,
      programId: state.programId,
      status: state.status,
      title: state.title,
      updatedAt: new Date(),
    });
  }

  async writeOccurrence(tenantId: string, occurrence: SurveyOccurrence): Promise<void> {
    const { occurrenceId, ...rest } = occurrence;
    await replaceIfNewer(this.occurrences, occurrenceId, 1, { tenantId, ...rest });
  }

  async writeResponse(tenantId: string, streamId: string, response: Omit<SurveyResponseRow, '_id' | 'tenantId'>) {
    await replaceIfNewer(this.responses, streamId, 1, { tenantId, ...response });
  }
}
