import { NOTIFICATION_CATEGORIES, TEMPLATE_IDS } from '@trellis/notifications/contracts';
import { matchingEventSchemas } from '@trellis/matching/contracts';
import { SESSIONS_EVENT_TYPES } from '@trellis/sessions/contracts';
import { profilesEventSchemas } from '@trellis/profiles/contracts';
import { intentsFor, NOTIFICATION_RULES, type SourceEvent } from './rules';

const event = (type: string, data: Record<string, unknown>, programId?: string): SourceEvent => ({
  id: `evt-${type}`,
  type,
  data,
  occurredAt: '2026-03-02T09:00:00.000Z',
  tenantId: 'org-1',
  ...(programId ? { programId } : {}),
});

describe('notification rules', () => {
  it('names only source events that exist in the upstream contracts, and only known categories/templates', () => {
    const known = new Set<string>([
      ...Object.keys(matchingEventSchemas),
      ...SESSIONS_EVENT_TYPES,
      ...Object.keys(profilesEventSchemas),
    ]);
    for (const rule of NOTIFICATION_RULES) {
      expect(known.has(rule.source)).toBe(true);
      expect(NOTIFICATION_CATEGORIES).toContain(rule.category);
      expect(TEMPLATE_IDS).toContain(rule.templateId);
    }
  });

  it('given a match proposal, when the rules run, then both sides hear about it', () => {
    const [intent, ...rest] = intentsFor(
      event('MatchProposed', {
        proposalId: 'p1',
        roundId: 'r1',
        programId: 'prog',
        mentorPersonId: 'mentor',
        menteePersonId: 'mentee',
        respondBy: '2026-03-09T09:00:00.000Z',
      }),
    );
    expect(rest).toHaveLength(0);
    expect(intent).toMatchObject({
      templateId: 'match-proposed',
      category: 'match-proposals',
      audience: { kind: 'people', personIds: ['mentor', 'mentee'] },
      subject: { kind: 'proposal', id: 'p1' },
    });
  });

  it('given request outcomes, then only the mentee hears about them', () => {
    const ref = { requestId: 'q', programId: 'prog', mentorPersonId: 'mentor', menteePersonId: 'mentee' };
    for (const [type, template] of [
      ['MentorshipRequestAccepted', 'request-accepted'],
      ['MentorshipRequestDeclined', 'request-declined'],
      ['MentorshipRequestExpired', 'request-expired'],
    ] as const) {
      const [intent] = intentsFor(event(type, { ...ref, mentorshipId: 'm', reason: 'no-capacity' }));
      expect(intent).toMatchObject({ templateId: template, audience: { personIds: ['mentee'] } });
    }
    expect(
      intentsFor(event('MentorshipRequested', { ...ref, expiresAt: '2026-03-09T09:00:00.000Z' }))[0],
    ).toMatchObject({
      audience: { personIds: ['mentor'] },
    });
  });

  it('given a scheduled session, then attendees other than the host get it with an iCalendar REQUEST', () => {
    const [intent] = intentsFor(
      event('SessionScheduled', {
        sessionId: 's1',
        hostPersonId: 'mentor',
        attendeePersonIds: ['mentor', 'mentee'],
        startsAt: '2026-03-05T14:00:00Z',
        endsAt: '2026-03-05T15:00:00Z',
        timezone: 'Europe/Berlin',
        sequence: 0,
      }),
    );
    expect(intent).toMatchObject({
      priority: 'critical',
      audience: { personIds: ['mentee'] },
      calendar: { method: 'REQUEST', sessionId: 's1', sequence: 0 },
    });
  });

  it('given a cancellation, then everyone but the person who cancelled gets an iCalendar CANCEL', () => {
    const [intent] = intentsFor(
      event('SessionCancelled', {
        sessionId: 's1',
        hostPersonId: 'mentor',
        attendeePersonIds: ['mentor', 'mentee', 'other'],
        cancelledByPersonId: 'mentee',
        reason: 'illness',
        startsAt: '2026-03-05T14:00:00Z',
        sequence: 2,
      }),
    );
    expect(intent?.audience).toEqual({ kind: 'people', personIds: ['mentor', 'other'] });
    expect(intent?.calendar).toMatchObject({ method: 'CANCEL', sequence: 2 });
  });

  it('given a stalled engagement, then the program managers are the audience; at risk goes to the pair', () => {
    const health = { mentorshipId: 'm', mentorPersonId: 'a', menteePersonId: 'b', reasons: ['no-first-session'] };
    expect(intentsFor(event('EngagementStalled', health, 'prog'))[0]?.audience).toEqual({
      kind: 'program-managers',
      programId: 'prog',
    });
    expect(intentsFor(event('EngagementAtRisk', health, 'prog'))[0]?.audience).toEqual({
      kind: 'people',
      personIds: ['a', 'b'],
    });
  });

  it("given a manager's nudge, then both people of the pair hear about it, never the manager", () => {
    const [intent, ...rest] = intentsFor(
      event(
        'EngagementNudged',
        {
          mentorshipId: 'm',
          mentorPersonId: 'a',
          menteePersonId: 'b',
          nudgedByPersonId: 'manager',
          nudgedAt: '2026-03-02T09:00:00.000Z',
        },
        'prog',
      ),
    );
    expect(rest).toHaveLength(0);
    expect(intent).toMatchObject({
      templateId: 'engagement-nudge',
      category: 'engagement-health',
      audience: { kind: 'people', personIds: ['a', 'b'] },
      subject: { kind: 'mentorship', id: 'm' },
    });
  });

  it("given a moderator's warning, then only the message's author hears about it, never the reporter", () => {
    const intents = intentsFor(
      event(
        'MessageAuthorWarned',
        {
          mentorshipId: 'm',
          programId: 'prog',
          messageId: 'msg',
          authorPersonId: 'author',
          warnedByPersonId: 'manager',
          warnedAt: '2026-03-02T09:00:00.000Z',
        },
        'prog',
      ),
    );
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({
      templateId: 'conversation-warning',
      category: 'conversations',
      audience: { kind: 'people', personIds: ['author'] },
      subject: { kind: 'mentorship', id: 'm' },
      params: { warnedAt: '2026-03-02T09:00:00.000Z' },
    });
    const inCircle = intentsFor(
      event(
        'MessageAuthorWarned',
        {
          mentorshipId: 'circle-c1',
          programId: 'prog',
          messageId: 'msg',
          authorPersonId: 'author',
          warnedByPersonId: 'manager',
          warnedAt: '2026-03-02T09:00:00.000Z',
        },
        'prog',
      ),
    );
    expect(inCircle[0]?.subject).toEqual({ kind: 'circle', id: 'c1' });
  });

  it('given an enrollment, then only an invited person is notified', () => {
    const base = { participantId: 'x', personId: 'p', programId: 'prog' };
    expect(intentsFor(event('ParticipantEnrolled', { ...base, invited: false }))).toEqual([]);
    expect(intentsFor(event('ParticipantEnrolled', { ...base, invited: true }))[0]?.templateId).toBe(
      'enrollment-invitation',
    );
  });

  it('given an event no rule names, then nothing is sent', () => {
    expect(intentsFor(event('GoalProgressUpdated', { mentorshipId: 'm' }))).toEqual([]);
  });
});
