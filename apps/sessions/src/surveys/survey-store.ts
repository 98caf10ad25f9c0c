import { randomUUID } from 'node:crypto';
import {
  SURVEY_OCCURRENCE_STREAM_TYPE,
  SURVEY_RESPONSE_STREAM_TYPE,
  SURVEY_STREAM_TYPE,
  surveyOccurrenceStreamId,
} from '@trellis/sessions/contracts';
import {
  surveyDecider,
  surveyOccurrenceDecider,
  surveyResponseDecider,
  surveyResponseStreamId,
  surveyStreamId,
  type SurveyCommand,
  type SurveyEvent,
  type SurveyOccurrence,
  type SurveyOccurrenceCommand,
  type SurveyOccurrenceEvent,
  type SurveyOccurrenceState,
  type SurveyResponseCommand,
  type SurveyResponseEvent,
  type SurveyResponseState,
  type SurveyState,
} from '@trellis/sessions/domain';
import { CommandHandler, DomainError, type EventStore } from '@trellis/shared/event-store';
import { type CommandContext, commitMeta } from '../core/sessions-store';
import type { SurveyReadModels } from './survey-read-models';

/** The commit id of an occurrence's opening: every planning of the same occurrence names the same commit. */
export const surveyOccurrenceCommitId = (occurrenceId: string): string => `survey-occurrence:${occurrenceId}`;

const SURVEY_PREFIX = surveyStreamId('');

/**
 * Runs survey, occurrence and response commands on the event store and refreshes their rows. A stream belongs to the
 * tenant of its commits; another tenant's id reads as missing. A retried command id answers with the stream as the
 * first attempt left it.
 */
export class SurveyStore {
  private readonly surveys: CommandHandler<SurveyCommand, SurveyEvent, SurveyState>;
  private readonly occurrences: CommandHandler<SurveyOccurrenceCommand, SurveyOccurrenceEvent, SurveyOccurrenceState>;
  private readonly responses: CommandHandler<SurveyResponseCommand, SurveyResponseEvent, SurveyResponseState>;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: SurveyReadModels,
  ) {
    this.surveys = new CommandHandler(store, surveyDecider, { streamType: SURVEY_STREAM_TYPE });
    this.occurrences = new CommandHandler(store, surveyOccurrenceDecider, {
      streamType: SURVEY_OCCURRENCE_STREAM_TYPE,
    });
    this.responses = new CommandHandler(store, surveyResponseDecider, { streamType: SURVEY_RESPONSE_STREAM_TYPE });
  }

  /** The survey a command id already drafted (a retried draft), so the retry names the same survey. */
  async draftedBy(context: CommandContext): Promise<string | null> {
    if (!context.commandId) return null;
    const prior = await this.store.commits.findOne({ _id: context.commandId }, { projection: { streamId: 1 } });
    return prior?.streamId.startsWith(SURVEY_PREFIX) ? prior.streamId.slice(SURVEY_PREFIX.length) : null;
  }

  async loadSurvey(tenantId: string, surveyId: string): Promise<SurveyState> {
    const streamId = surveyStreamId(surveyId);
    const loaded = await this.surveys.load(streamId);
    if (loaded.revision === 0 || !(await this.belongsTo(streamId, tenantId))) {
      throw new DomainError('NOT_FOUND', 'There is no such survey.');
    }
    return loaded.state;
  }

  /** A program's surveys (those of one status when named) from their streams, most recently changed first. */
  async surveysOf(tenantId: string, programId: string, status?: SurveyState['status']): Promise<SurveyState[]> {
    const rows = await this.readModels
      .surveysOf(tenantId)
      .find({ programId, ...(status ? { status } : {}) }, { sort: { updatedAt: -1 }, limit: 200 });
    const loaded = await this.surveys.loadMany(rows.map((r) => surveyStreamId(r._id)));
    return rows.flatMap((r) => {
      const state = loaded.get(surveyStreamId(r._id))?.state;
      // The row may lag its stream by a commit; the stream decides.
      return state && (!status || state.status === status) ? [state] : [];
    });
  }

  /** Rows written before they named their trigger get it from their stream (at start-up of the date run). */
  async upgradeRows(): Promise<number> {
    const rows = await this.readModels.surveys
      .find({ trigger: { $exists: false } }, { projection: { _id: 1, tenantId: 1 } })
      .toArray();
    for (const row of rows) {
      const { state, revision } = await this.surveys.load(surveyStreamId(row._id));
      if (revision > 0) await this.readModels.writeSurvey(row.tenantId, state, revision, true);
    }
    return rows.length;
  }

  async loadResponse(occurrenceId: string, personId: string): Promise<SurveyResponseState> {
    return (await this.responses.load(surveyResponseStreamId(occurrenceId, personId))).state;
  }

  async executeSurvey(context: CommandContext, surveyId: string, command: SurveyCommand): Promise<SurveyState> {
    const streamId = surveyStreamId(surveyId);
    if (command.type !== 'DraftSurvey') await this.loadSurvey(context.tenantId, surveyId);
    await this.requireCommandIdFor(context, streamId);
    const result = await this.surveys.handle({
      streamId,
      command,
      commitId: context.commandId ?? randomUUID(),
      meta: commitMeta(context),
    });
    if (!result.ok) throw result.error;
    if (result.events.length > 0 || result.duplicate) {
      await this.readModels.writeSurvey(context.tenantId, result.state, result.revision);
    }
    return result.state;
  }

  /** Opens the occurrence once, however often it is planned; answers whether this call opened it. */
  async openOccurrence(context: CommandContext, occurrence: SurveyOccurrence): Promise<boolean> {
    const result = await this.occurrences.handle({
      streamId: surveyOccurrenceStreamId(occurrence.occurrenceId),
      command: { type: 'OpenSurveyOccurrence', occurrence },
      commitId: surveyOccurrenceCommitId(occurrence.occurrenceId),
      meta: commitMeta(context, occurrence.programId),
    });
    if (!result.ok) throw result.error;
    // Written on a duplicate too: a process that died between the commit and the row leaves no occurrence unseen.
    await this.readModels.writeOccurrence(context.tenantId, result.state.occurrence ?? occurrence);
    return result.events.length > 0;
  }

  async executeResponse(context: CommandContext, command: SurveyResponseCommand): Promise<SurveyResponseState> {
    const { occurrence } = command;
    const streamId = surveyResponseStreamId(occurrence.occurrenceId, command.actor);
    await this.requireCommandIdFor(context, streamId);
    const result = await this.responses.handle({
      streamId,
      command,
      commitId: context.commandId ?? randomUUID(),
      meta: commitMeta(context, occurrence.programId),
    });
    if (!result.ok) throw result.error;
    const { state } = result;
    if (state.status === 'submitted') {
      await this.readModels.writeResponse(context.tenantId, streamId, {
        programId: occurrence.programId,
        surveyId: occurrence.surveyId,
        occurrenceId: occurrence.occurrenceId,
        ...(occurrence.cohortId ? { cohortId: occurrence.cohortId } : {}),
        respondentPersonId: state.respondentPersonId,
        submittedAt: state.submittedAt,
        answers: state.answers,
      });
    }
    return state;
  }

  private async belongsTo(streamId: string, tenantId: string): Promise<boolean> {
    const commit = await this.store.commits.findOne({ streamId }, { projection: { meta: 1 } });
    return commit?.meta.tenantId === tenantId;
  }

  /** A command id names one change: reusing it for another stream (or tenant) is refused, not applied elsewhere. */
  private async requireCommandIdFor(context: CommandContext, streamId: string): Promise<void> {
    if (!context.commandId) return;
    const prior = await this.store.commits.findOne(
      { _id: context.commandId },
      { projection: { streamId: 1, meta: 1 } },
    );
    if (prior && (prior.streamId !== streamId || prior.meta.tenantId !== context.tenantId)) {
      throw new DomainError('CONFLICT', 'This command id was already used for another change; send a new one.');
    }
  }
}
