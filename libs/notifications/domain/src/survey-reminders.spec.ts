import { reminderCommandApplies, reminderCommandsFor, type ReminderCommand, type StoredReminder } from './reminders';
import type { SourceEvent } from './rules';
import { surveyInvitationReminderId, surveyReminderId } from './survey-reminders';
import { renderMessage } from './templates';

const occurrenceId = 'sv-1:start:m-1';
const opened = (data: Record<string, unknown> = {}): SourceEvent => ({
  id: 'ev-opened',
  type: 'SurveyOccurrenceOpened',
  occurredAt: '2026-03-01T10:00:00.000Z',
  tenantId: 'org',
  data: {
    occurrenceId,
    surveyId: 'sv-1',
    programId: 'prog-1',
    mentorshipId: 'm-1',
    askedPersonIds: ['mentee', 'mentor'],
    opensAt: '2026-03-29T10:00:00.000Z',
    closesAt: '2026-04-12T10:00:00.000Z',
    remindAt: '2026-04-10T10:00:00.000Z',
    ...data,
  },
});
const answered = (personId: string): SourceEvent => ({
  id: `ev-answered-${personId}`,
  type: 'SurveyAnswered',
  occurredAt: '2026-03-30T10:00:00.000Z',
  tenantId: 'org',
  data: {
    occurrenceId,
    surveyId: 'sv-1',
    programId: 'prog-1',
    respondentPersonId: personId,
    answeredAt: '2026-03-30T10:00:00.000Z',
  },
});

const idOf = (c: ReminderCommand) => (c.kind === 'schedule' ? c.plan.reminderId : c.reminderId);

/** The stored row of one reminder after the commands, as the reactor keeps it (a tombstone stores the cancel). */
function replay(commands: ReminderCommand[], reminderId: string): StoredReminder | null {
  let stored: StoredReminder | null = null;
  for (const command of commands.filter((c) => idOf(c) === reminderId)) {
    if (!stored && command.kind === 'cancel' && command.tombstone) {
      stored = { sequence: command.sequence, state: 'cancelled' };
      continue;
    }
    if (!reminderCommandApplies(stored, command)) continue;
    stored =
      command.kind === 'schedule'
        ? { sequence: command.plan.sequence, state: 'scheduled' }
        : { sequence: command.sequence, state: 'cancelled' };
  }
  return stored;
}

describe('survey invitations and reminders', () => {
  it('given an occurrence, then each asked person is invited at its opening and reminded at remindAt, ids only', () => {
    const commands = reminderCommandsFor(opened());
    expect(commands.map(idOf)).toEqual([
      surveyInvitationReminderId(occurrenceId, 'mentee'),
      surveyReminderId(occurrenceId, 'mentee'),
      surveyInvitationReminderId(occurrenceId, 'mentor'),
      surveyReminderId(occurrenceId, 'mentor'),
    ]);
    expect(commands[0]).toMatchObject({
      kind: 'schedule',
      plan: {
        dueAt: '2026-03-29T10:00:00.000Z',
        templateId: 'survey-invitation',
        category: 'surveys',
        recipients: ['mentee'],
        subject: { kind: 'survey', id: occurrenceId },
        params: { closesAt: '2026-04-12T10:00:00.000Z' },
        staleAfter: '2026-04-12T10:00:00.000Z',
      },
    });
    expect(commands[1]).toMatchObject({
      kind: 'schedule',
      plan: { dueAt: '2026-04-10T10:00:00.000Z', templateId: 'survey-reminder', recipients: ['mentee'] },
    });
  });

  it('given a survey that sends no reminder, then only the invitations are planned', () => {
    const commands = reminderCommandsFor(opened({ remindAt: undefined }));
    expect(commands.map(idOf)).toEqual([
      surveyInvitationReminderId(occurrenceId, 'mentee'),
      surveyInvitationReminderId(occurrenceId, 'mentor'),
    ]);
  });

  it('given the opening delivered again, before or after its timers fired, then nothing changes', () => {
    for (const state of ['scheduled', 'firing', 'fired'] as const) {
      const again = reminderCommandsFor(opened());
      expect(again.filter((c) => reminderCommandApplies({ sequence: 0, state }, c))).toEqual([]);
    }
  });

  it('given a person answered, then their reminder is cancelled for good and the other person is still reminded', () => {
    const events = [opened(), answered('mentee'), opened()];
    const commands = events.flatMap((e) => reminderCommandsFor(e));
    expect(replay(commands, surveyReminderId(occurrenceId, 'mentee'))).toMatchObject({ state: 'cancelled' });
    expect(replay(commands, surveyReminderId(occurrenceId, 'mentor'))).toEqual({ sequence: 0, state: 'scheduled' });
  });

  it('given the answer arrives before the opening (another partition), then the tombstone keeps both timers out', () => {
    const commands = [answered('mentee'), opened()].flatMap((e) => reminderCommandsFor(e));
    expect(replay(commands, surveyInvitationReminderId(occurrenceId, 'mentee'))).toMatchObject({ state: 'cancelled' });
    expect(replay(commands, surveyReminderId(occurrenceId, 'mentee'))).toMatchObject({ state: 'cancelled' });
    const answer = reminderCommandsFor(answered('mentee'));
    expect(answer.every((c) => c.kind === 'cancel' && c.tombstone !== undefined)).toBe(true);
    // That the person answered reaches notifications; what they answered never does.
    expect(JSON.stringify(answer)).not.toMatch(/answers|value|text/);
  });

  it('links to the answer page the web app serves at /surveys/<occurrenceId>, with times in the recipient’s zone', () => {
    const message = renderMessage('survey-reminder', {
      timeZone: 'Asia/Tokyo',
      appUrl: 'https://app.trellis.test/',
      subject: { kind: 'survey', id: occurrenceId },
      params: { closesAt: '2026-04-12T10:00:00.000Z' },
    });
    expect(message.link).toBe('https://app.trellis.test/surveys/sv-1%3Astart%3Am-1');
    expect(message.lines.join(' ')).toContain('19:00');
  });
});
