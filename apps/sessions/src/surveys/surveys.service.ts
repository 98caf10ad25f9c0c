import { randomUUID } from 'node:crypto';
import {
  surveyPreview,
  surveyQuestionInput,
  type SurveyCommand,
  type SurveyPreview,
  type SurveyQuestionInput,
  type SurveySchedule,
  type SurveyState,
} from '@trellis/sessions/domain';
import type { MembershipDirectory } from '@trellis/shared/memberships';
import { type Actor, commandContext } from '../core/actor';
import { requireProgramManager } from '../core/program-managers';
import type { SurveyStore } from './survey-store';

/** A change after the draft as a resolver names it; who and when are added here (each command keeps its own fields). */
type SurveyChange =
  Exclude<SurveyCommand, { type: 'DraftSurvey' }> extends infer C
    ? C extends SurveyCommand
      ? Omit<C, 'actor' | 'now'>
      : never
    : never;

/** Building program surveys: the program's managers draft, edit, schedule, publish and close them. */
export class SurveysService {
  constructor(
    private readonly store: SurveyStore,
    private readonly memberships: MembershipDirectory,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private requireManager(actor: Actor, programId: string): Promise<void> {
    return requireProgramManager(
      this.memberships,
      actor,
      programId,
      'Only the managers of this program build its surveys.',
    );
  }

  async draft(actor: Actor, programId: string, title: string, questions?: SurveyQuestionInput[]): Promise<SurveyState> {
    await this.requireManager(actor, programId);
    const context = { ...commandContext(actor), programId };
    const surveyId = (await this.store.draftedBy(context)) ?? randomUUID();
    return this.store.executeSurvey(context, surveyId, {
      type: 'DraftSurvey',
      surveyId,
      programId,
      title,
      ...(questions ? { questions } : {}),
      actor: actor.personId,
      now: this.clock().toISOString(),
    });
  }

  /**
   * Drafts a new version of an earlier survey (last term's, or this program's own): the same questions under the same
   * ids, so its results compare with the earlier one's question by question. The schedule stays behind: another
   * term's dates and cohorts rarely fit. The caller manages both programs, since the copy reveals the questions.
   */
  async copy(actor: Actor, sourceSurveyId: string, programId: string, title?: string): Promise<SurveyState> {
    const source = await this.survey(actor, sourceSurveyId);
    await this.requireManager(actor, programId);
    const context = { ...commandContext(actor), programId };
    const surveyId = (await this.store.draftedBy(context)) ?? randomUUID();
    return this.store.executeSurvey(context, surveyId, {
      type: 'DraftSurvey',
      surveyId,
      programId,
      title: title ?? source.title,
      questions: source.questions.map(surveyQuestionInput),
      previousSurveyId: source.surveyId,
      actor: actor.personId,
      now: this.clock().toISOString(),
    });
  }

  /** Any change of a survey after its draft, checked against the survey's own program. */
  async change(actor: Actor, surveyId: string, command: SurveyChange): Promise<SurveyState> {
    const current = await this.survey(actor, surveyId);
    return this.store.executeSurvey({ ...commandContext(actor), programId: current.programId }, surveyId, {
      ...command,
      actor: actor.personId,
      now: this.clock().toISOString(),
    } as SurveyCommand);
  }

  schedule(actor: Actor, surveyId: string, schedule: SurveySchedule): Promise<SurveyState> {
    return this.change(actor, surveyId, { type: 'ScheduleSurvey', schedule });
  }

  async survey(actor: Actor, surveyId: string): Promise<SurveyState> {
    const state = await this.store.loadSurvey(actor.tenantId, surveyId);
    await this.requireManager(actor, state.programId);
    return state;
  }

  async surveys(actor: Actor, programId: string): Promise<SurveyState[]> {
    await this.requireManager(actor, programId);
    return this.store.surveysOf(actor.tenantId, programId);
  }

  async preview(actor: Actor, surveyId: string): Promise<SurveyPreview> {
    return surveyPreview(await this.survey(actor, surveyId), this.clock().toISOString());
  }
}
