import { randomUUID } from 'node:crypto';
import type {
  CommunicationChannel,
  GoalAbandonReason,
  MeetingCadence,
  ResourceKind,
} from '@trellis/sessions/contracts';
import {
  type AgreementTerms,
  type ContactInput,
  contactRule,
  enforce,
  type EngagementState,
  type IntroductionTarget,
  introductionTargetRule,
} from '@trellis/sessions/domain';
import type { SealedText } from '@trellis/shared/kernel';
import { type Actor, commandContext } from '../core/actor';
import type { SealedTexts } from '../core/sealed-texts';
import type { SessionsStore } from '../core/sessions-store';

export interface AgreementTextInput {
  cadence: MeetingCadence;
  sessionMinutes: number;
  durationMonths: number;
  channels: CommunicationChannel[];
  expectations?: string;
  boundaries?: string;
  confidentiality?: string;
}

/**
 * The engagement's commands (agreements, goals, action items, resources, reflections, introductions): free text is
 * checked by the domain's rules and sealed with the author's key, then the engagement decider rules on the command.
 */
export class EngagementCommandsService {
  constructor(
    private readonly store: SessionsStore,
    private readonly texts: SealedTexts,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  private async run(actor: Actor, mentorshipId: string, command: Parameters<SessionsStore['executeEngagement']>[2]) {
    return (await this.store.executeEngagement(commandContext(actor), mentorshipId, command)).state;
  }

  async proposeAgreement(actor: Actor, mentorshipId: string, input: AgreementTextInput): Promise<EngagementState> {
    const terms = await this.terms(actor, input);
    return this.run(actor, mentorshipId, {
      type: 'ProposeAgreement',
      actor: actor.personId,
      now: this.now(),
      terms,
    });
  }

  signAgreement(actor: Actor, mentorshipId: string, version: number): Promise<EngagementState> {
    return this.run(actor, mentorshipId, {
      type: 'SignAgreement',
      actor: actor.personId,
      now: this.now(),
      version,
    });
  }

  async setGoal(
    actor: Actor,
    mentorshipId: string,
    input: {
      title: string;
      targetDate: string;
      timezone: string;
      goalId?: string;
      ownerPersonId?: string | undefined;
      smart?: Partial<Record<'specific' | 'measurable' | 'achievable' | 'relevant' | 'timeBound', string>> | undefined;
      milestones?: Array<{ title: string; targetDate?: string | undefined }> | undefined;
    },
  ): Promise<EngagementState> {
    const title = await this.texts.seal(actor, 'goalTitle', input.title, 'Goal title');
    const smart: Record<string, SealedText> = {};
    for (const key of ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const) {
      const sealed = await this.texts.seal(actor, 'smartField', input.smart?.[key], key);
      if (sealed) smart[key] = sealed;
    }
    const milestones = [];
    for (const m of input.milestones ?? []) {
      const milestoneTitle = await this.texts.seal(actor, 'milestoneTitle', m.title, 'Milestone title');
      milestones.push({
        milestoneId: randomUUID(),
        title: milestoneTitle!,
        ...(m.targetDate ? { targetDate: m.targetDate } : {}),
      });
    }
    return this.run(actor, mentorshipId, {
      type: 'SetGoal',
      actor: actor.personId,
      now: this.now(),
      actorTimeZone: input.timezone,
      goal: {
        goalId: input.goalId ?? randomUUID(),
        title: title!,
        targetDate: input.targetDate,
        ...(input.ownerPersonId ? { ownerPersonId: input.ownerPersonId } : {}),
        ...(Object.keys(smart).length > 0 ? { smart } : {}),
        ...(milestones.length > 0 ? { milestones } : {}),
      },
    });
  }

  async amendAgreement(actor: Actor, mentorshipId: string, input: AgreementTextInput): Promise<EngagementState> {
    const terms = await this.terms(actor, input);
    return this.run(actor, mentorshipId, {
      type: 'AmendAgreement',
      actor: actor.personId,
      now: this.now(),
      terms,
    });
  }

  async updateGoalProgress(actor: Actor, mentorshipId: string, goalId: string, progressPercent: number, note?: string) {
    const sealed = await this.texts.seal(actor, 'progressNote', note, 'Progress note');
    return this.run(actor, mentorshipId, {
      type: 'UpdateGoalProgress',
      actor: actor.personId,
      now: this.now(),
      goalId,
      progressPercent,
      ...(sealed ? { note: sealed } : {}),
    });
  }

  achieveGoal(actor: Actor, mentorshipId: string, goalId: string) {
    return this.run(actor, mentorshipId, {
      type: 'AchieveGoal',
      actor: actor.personId,
      now: this.now(),
      goalId,
    });
  }

  async addActionItem(
    actor: Actor,
    mentorshipId: string,
    input: {
      title: string;
      ownerPersonId: string;
      dueDate: string;
      timezone: string;
      goalId?: string | undefined;
      sessionId?: string | undefined;
    },
  ) {
    const title = await this.texts.seal(actor, 'actionItemTitle', input.title, 'Action item');
    return this.run(actor, mentorshipId, {
      type: 'AddActionItem',
      actor: actor.personId,
      now: this.now(),
      actionItemId: randomUUID(),
      title: title!,
      ownerPersonId: input.ownerPersonId,
      dueDate: input.dueDate,
      actorTimeZone: input.timezone,
      ...(input.goalId ? { goalId: input.goalId } : {}),
      ...(input.sessionId ? { sessionId: input.sessionId } : {}),
    });
  }

  completeActionItem(actor: Actor, mentorshipId: string, actionItemId: string) {
    return this.run(actor, mentorshipId, {
      type: 'CompleteActionItem',
      actor: actor.personId,
      now: this.now(),
      actionItemId,
    });
  }

  async recommendResource(
    actor: Actor,
    mentorshipId: string,
    input: { kind: ResourceKind; title: string; link?: string },
  ) {
    const [title, link] = await Promise.all([
      this.texts.seal(actor, 'resourceTitle', input.title, 'Resource title'),
      this.texts.seal(actor, 'resourceLink', input.link, 'Link'),
    ]);
    return this.run(actor, mentorshipId, {
      type: 'RecommendResource',
      actor: actor.personId,
      now: this.now(),
      resourceId: randomUUID(),
      kind: input.kind,
      title: title!,
      ...(link ? { link } : {}),
    });
  }

  async writeReflection(actor: Actor, mentorshipId: string, text: string, reflectionId: string = randomUUID()) {
    const sealed = await this.texts.seal(actor, 'reflection', text, 'Reflection');
    return this.run(actor, mentorshipId, {
      type: 'WriteReflection',
      actor: actor.personId,
      now: this.now(),
      reflectionId,
      text: sealed!,
    });
  }

  async addMilestone(
    actor: Actor,
    mentorshipId: string,
    goalId: string,
    input: { title: string; targetDate?: string | undefined; timezone: string },
  ) {
    const title = await this.texts.seal(actor, 'milestoneTitle', input.title, 'Milestone title');
    return this.run(actor, mentorshipId, {
      type: 'AddMilestone',
      actor: actor.personId,
      now: this.now(),
      goalId,
      milestoneId: randomUUID(),
      title: title!,
      ...(input.targetDate ? { targetDate: input.targetDate } : {}),
      actorTimeZone: input.timezone,
    });
  }

  reachMilestone(actor: Actor, mentorshipId: string, goalId: string, milestoneId: string) {
    return this.run(actor, mentorshipId, {
      type: 'ReachMilestone',
      actor: actor.personId,
      now: this.now(),
      goalId,
      milestoneId,
    });
  }

  async abandonGoal(actor: Actor, mentorshipId: string, goalId: string, reason: GoalAbandonReason, note?: string) {
    const sealed = await this.texts.seal(actor, 'progressNote', note, 'Note');
    return this.run(actor, mentorshipId, {
      type: 'AbandonGoal',
      actor: actor.personId,
      now: this.now(),
      goalId,
      reason,
      ...(sealed ? { note: sealed } : {}),
    });
  }

  /**
   * An introduction to another participant (by id) or to an external contact. The contact's details are sealed as
   * one value with the introducing mentor's key: they are the mentor's network, erased with the mentor's data.
   */
  async makeIntroduction(
    actor: Actor,
    mentorshipId: string,
    input: { toPersonId?: string | undefined; contact?: ContactInput | undefined; note?: string | undefined },
  ) {
    enforce(introductionTargetRule(input));
    let target: IntroductionTarget;
    if (input.contact) {
      const contact = enforce(contactRule(input.contact));
      const sealed = await this.texts.seal(actor, 'introductionContact', JSON.stringify(contact), 'Contact details');
      target = { kind: 'external-contact', contact: sealed! };
    } else {
      target = { kind: 'participant', personId: input.toPersonId! };
    }
    const note = await this.texts.seal(actor, 'introductionNote', input.note, 'Note');
    return this.run(actor, mentorshipId, {
      type: 'MakeIntroduction',
      actor: actor.personId,
      now: this.now(),
      introductionId: randomUUID(),
      target,
      ...(note ? { note } : {}),
    });
  }

  private async terms(actor: Actor, input: AgreementTextInput): Promise<AgreementTerms> {
    const terms: AgreementTerms = {
      cadence: input.cadence,
      sessionMinutes: input.sessionMinutes,
      durationMonths: input.durationMonths,
      channels: input.channels,
    };
    for (const key of ['expectations', 'boundaries', 'confidentiality'] as const) {
      const sealed = await this.texts.seal(actor, 'agreementText', input[key], key);
      if (sealed) terms[key] = sealed;
    }
    return terms;
  }
}
