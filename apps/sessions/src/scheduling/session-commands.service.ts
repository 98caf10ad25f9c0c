import { randomUUID } from 'node:crypto';
import type { RsvpResponse } from '@trellis/sessions/contracts';
import type { Attendance } from '@trellis/sessions/domain';
import { type Actor, commandContext } from '../core/actor';
import type { SealedTexts } from '../core/sealed-texts';
import type { SessionsStore } from '../core/sessions-store';

/**
 * What happens to a scheduled session besides its time: answers, attendance, completion, notes and feedback. Who may
 * do which is the session decider's rule; free text is sealed with its author's key first.
 */
export class SessionCommandsService {
  constructor(
    private readonly store: SessionsStore,
    private readonly texts: SealedTexts,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  private async run(actor: Actor, sessionId: string, command: Parameters<SessionsStore['executeSession']>[2]) {
    return (await this.store.executeSession(commandContext(actor), sessionId, command)).state;
  }

  respond(actor: Actor, sessionId: string, response: RsvpResponse) {
    return this.run(actor, sessionId, {
      type: 'RespondToInvitation',
      actor: actor.personId,
      now: this.now(),
      response,
    });
  }

  recordAttendance(actor: Actor, sessionId: string, attendance: Attendance[]) {
    return this.run(actor, sessionId, {
      type: 'RecordAttendance',
      actor: actor.personId,
      now: this.now(),
      attendance,
    });
  }

  async complete(actor: Actor, sessionId: string, input: { sharedNotes?: string; attendance?: Attendance[] } = {}) {
    const notes =
      input.sharedNotes === undefined ? undefined : await this.texts.seal(actor, 'notes', input.sharedNotes, 'Notes');
    return this.run(actor, sessionId, {
      type: 'CompleteSession',
      actor: actor.personId,
      now: this.now(),
      ...(notes ? { sharedNotes: notes } : {}),
      ...(input.attendance ? { attendance: input.attendance } : {}),
    });
  }

  async writePrivateNote(actor: Actor, sessionId: string, text: string, noteId: string = randomUUID()) {
    const sealed = await this.texts.seal(actor, 'notes', text, 'Notes');
    return this.run(actor, sessionId, {
      type: 'WritePrivateNote',
      actor: actor.personId,
      now: this.now(),
      noteId,
      text: sealed!,
    });
  }

  async writeSharedNotes(actor: Actor, sessionId: string, text: string) {
    const sealed = await this.texts.seal(actor, 'notes', text, 'Notes');
    return this.run(actor, sessionId, {
      type: 'WriteSharedNotes',
      actor: actor.personId,
      now: this.now(),
      text: sealed!,
    });
  }

  async submitFeedback(
    actor: Actor,
    sessionId: string,
    input: { rating: number; wentWell?: string; toImprove?: string; comment?: string },
  ) {
    const [wentWell, toImprove, comment] = await Promise.all([
      this.texts.seal(actor, 'feedbackText', input.wentWell, 'What went well'),
      this.texts.seal(actor, 'feedbackText', input.toImprove, 'What to improve'),
      this.texts.seal(actor, 'feedbackText', input.comment, 'Comment'),
    ]);
    return this.run(actor, sessionId, {
      type: 'SubmitFeedback',
      actor: actor.personId,
      now: this.now(),
      rating: input.rating,
      ...(wentWell ? { wentWell } : {}),
      ...(toImprove ? { toImprove } : {}),
      ...(comment ? { comment } : {}),
    });
  }
}
