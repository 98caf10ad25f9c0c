/**
 * Program insights as a pure fold over a program's history (docs/architecture.md §3, issue "Program insights").
 * Every figure is computed from the events that happened up to `asOf`, so "how many were matched on 1 March" is the
 * same computation as "how many are matched now", just with an earlier cut-off. Definitions: docs/insights.md.
 */

/** One fact from profiles, matching or sessions, as the insights read model stores it. */
export interface InsightEvent {
  id: string;
  type: string;
  /** ISO instant the fact happened (the envelope's occurredAt). */
  occurredAt: string;
  programId: string;
  data: Record<string, unknown>;
}

export interface InsightFilter {
  /** ISO instant: figures as they were at this moment. */
  asOf: string;
  cohortId?: string | null;
  department?: string | null;
  /** ISO instants bounding the flow figures (sessions held, proposals, closures…); stocks are taken at `asOf`. */
  from?: string | null;
  to?: string | null;
}

export interface Count {
  key: string;
  count: number;
}

export interface AtRiskPair {
  mentorshipId: string;
  mentorPersonId: string;
  menteePersonId: string;
  status: 'at-risk' | 'stalled';
  reasons: string[];
  since: string;
  /** When a program manager last reminded the pair (EngagementNudged); absent if never. */
  lastNudgedAt?: string;
}

export interface ProgramInsights {
  programId: string;
  asOf: string;
  enrollment: {
    mentors: number;
    mentees: number;
    pausedParticipants: number;
    capacityOffered: number;
    demand: number;
    waitlist: number;
  };
  matching: {
    matchedMentees: number;
    matchedPercent: number;
    medianDaysToMatch: number | null;
    proposalsMade: number;
    proposalsAccepted: number;
    proposalsDeclined: number;
    declineReasons: Count[];
    requestsMade: number;
    requestsAccepted: number;
    requestsDeclined: number;
    requestsExpired: number;
  };
  engagement: {
    activeMentorships: number;
    pausedMentorships: number;
    sessionsHeld: number;
    sessionsPerMentorshipPerMonth: number | null;
    expectedSessionsPerMonth: number | null;
    healthy: number;
    atRisk: number;
    stalled: number;
    atRiskPairs: AtRiskPair[];
    actionItemsOverdue: number;
  };
  outcomes: {
    goalsSet: number;
    goalsAchieved: number;
    averageSessionRating: number | null;
    ratingsCount: number;
    closuresByReason: Count[];
    averageRelationshipDays: number | null;
    surveyInvitations: number;
    surveyAnswers: number;
    surveyResponsePercent: number | null;
  };
  mentorLoad: {
    distribution: Array<{ mentees: number; mentors: number }>;
    mentorsAtCapacity: number;
  };
}

interface Participant {
  personId: string;
  roles: Set<string>;
  status: 'active' | 'paused' | 'withdrawn';
  capacity: number;
  cohortId: string | null;
  department: string | null;
  enrolledAt: string;
}

interface Mentorship {
  mentorshipId: string;
  mentorPersonId: string;
  menteePersonId: string;
  startedAt: string;
  origin: string;
  originId: string;
  paused: boolean;
  endedAt: string | null;
  endReason: string | null;
  health: { status: 'healthy' | 'at-risk' | 'stalled'; reasons: string[]; since: string } | null;
  lastNudgedAt: string | null;
}

const DAY_MS = 86_400_000;
const days = (fromIso: string, toIso: string): number => (Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS;
const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function tally(values: string[]): Count[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Events sorted by time, then id, so every replay folds in exactly the same order. */
export function chronological(events: readonly InsightEvent[]): InsightEvent[] {
  return [...events].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
}

/**
 * A monthly rate over a few hours of mentoring says nothing (one session an hour after the first pair started read
 * as 8,675 sessions per mentorship per month): below about a week of mentorship time in the window there is no rate.
 */
const MIN_MENTORSHIP_MONTHS_FOR_RATE = 7 / 30;

export function computeProgramInsights(
  programId: string,
  history: readonly InsightEvent[],
  filter: InsightFilter,
): ProgramInsights {
  const asOf = filter.asOf;
  const from = filter.from ?? null;
  const to = filter.to && filter.to < asOf ? filter.to : asOf;
  const inWindow = (at: string): boolean => (from === null || at >= from) && at <= to;
  const asOfDate = asOf.slice(0, 10);

  let meetingCadenceDays: number | null = null;
  const participants = new Map<string, Participant>();
  const mentorships = new Map<string, Mentorship>();
  const proposals = new Set<string>();
  const declinedProposals = new Set<string>();
  const declineReasons: string[] = [];
  const requests = { made: 0, accepted: 0, declined: 0, expired: 0 };
  const sessionsHeld: Array<{ mentorshipId: string | null; at: string }> = [];
  const ratings: Array<{ mentorshipId: string | null; rating: number; hostPersonId: string }> = [];
  const actionItems = new Map<string, { mentorshipId: string; dueDate: string; done: boolean }>();
  const goals: Array<{ mentorshipId: string; at: string; achievedAt: string | null; goalId: string }> = [];
  // One per person asked in a survey occurrence; answered when their answer came in by `asOf`.
  const surveyInvitations = new Map<string, { personId: string; opensAt: string; answered: boolean }>();
  const surveyAnswers: Array<{ personId: string; at: string }> = [];

  for (const event of chronological(history)) {
    if (event.programId !== programId || event.occurredAt > asOf) continue;
    const d = event.data;
    switch (event.type) {
      case 'ProgramCreated':
      case 'ProgramSettingsChanged': {
        const settings = d['settings'] as { meetingCadenceDays?: number } | undefined;
        if (settings?.meetingCadenceDays) meetingCadenceDays = settings.meetingCadenceDays;
        break;
      }
      case 'ParticipantEnrolled': {
        const profile = d['profile'] as { department?: string | null } | undefined;
        participants.set(str(d['personId']), {
          personId: str(d['personId']),
          roles: new Set((d['roles'] as string[] | undefined) ?? []),
          status: 'active',
          capacity: Number(d['mentorCapacity'] ?? 0),
          cohortId: (d['cohortId'] as string | null | undefined) ?? null,
          department: profile?.department ?? null,
          enrolledAt: event.occurredAt,
        });
        break;
      }
      case 'ParticipantProfileUpdated': {
        const p = participants.get(str(d['personId']));
        const profile = d['profile'] as { department?: string | null } | undefined;
        if (p) p.department = profile?.department ?? null;
        break;
      }
      case 'ParticipantRoleAdded':
        participants.get(str(d['personId']))?.roles.add(str(d['role']));
        break;
      case 'MentorCapacityChanged': {
        const p = participants.get(str(d['personId']));
        if (p) p.capacity = Number(d['capacity'] ?? p.capacity);
        break;
      }
      case 'ParticipantPaused':
      case 'ParticipantResumed':
      case 'ParticipantWithdrew': {
        const p = participants.get(str(d['personId']));
        if (p)
          p.status =
            event.type === 'ParticipantPaused'
              ? 'paused'
              : event.type === 'ParticipantResumed'
                ? 'active'
                : 'withdrawn';
        break;
      }
      case 'ParticipantDataErased':
        participants.get(str(d['personId']))?.roles.clear();
        break;
      case 'MatchProposed':
        if (inWindow(event.occurredAt)) proposals.add(str(d['proposalId']));
        break;
      case 'ProposalDeclined':
        if (inWindow(event.occurredAt) && !declinedProposals.has(str(d['proposalId']))) {
          declinedProposals.add(str(d['proposalId']));
          declineReasons.push(str(d['reason']));
        }
        break;
      case 'MentorshipRequested':
        if (inWindow(event.occurredAt)) requests.made += 1;
        break;
      case 'MentorshipRequestAccepted':
        if (inWindow(event.occurredAt)) requests.accepted += 1;
        break;
      case 'MentorshipRequestDeclined':
        if (inWindow(event.occurredAt)) {
          requests.declined += 1;
          declineReasons.push(str(d['reason']));
        }
        break;
      case 'MentorshipRequestExpired':
        if (inWindow(event.occurredAt)) requests.expired += 1;
        break;
      case 'MentorshipStarted':
        mentorships.set(str(d['mentorshipId']), {
          mentorshipId: str(d['mentorshipId']),
          mentorPersonId: str(d['mentorPersonId']),
          menteePersonId: str(d['menteePersonId']),
          startedAt: event.occurredAt,
          origin: str(d['origin']),
          originId: str(d['originId']),
          paused: false,
          endedAt: null,
          endReason: null,
          health: null,
          lastNudgedAt: null,
        });
        break;
      case 'MentorshipPaused':
      case 'MentorshipResumed': {
        const m = mentorships.get(str(d['mentorshipId']));
        if (m) m.paused = event.type === 'MentorshipPaused';
        break;
      }
      case 'MentorshipEnded': {
        const m = mentorships.get(str(d['mentorshipId']));
        if (m && !m.endedAt) {
          m.endedAt = event.occurredAt;
          m.endReason = str(d['reason']);
        }
        break;
      }
      case 'EngagementAtRisk':
      case 'EngagementStalled':
      case 'EngagementRecovered':
      case 'EngagementHealthChanged': {
        const m = mentorships.get(str(d['mentorshipId']));
        const status = str(d['status']) as 'healthy' | 'at-risk' | 'stalled';
        if (m && (status === 'healthy' || status === 'at-risk' || status === 'stalled')) {
          const since = m.health?.status === status ? m.health.since : event.occurredAt;
          m.health = { status, reasons: (d['reasons'] as string[] | undefined) ?? [], since };
        }
        break;
      }
      case 'EngagementNudged': {
        const m = mentorships.get(str(d['mentorshipId']));
        if (m && (m.lastNudgedAt === null || event.occurredAt > m.lastNudgedAt)) m.lastNudgedAt = event.occurredAt;
        break;
      }
      case 'SessionCompleted':
        sessionsHeld.push({ mentorshipId: (d['mentorshipId'] as string | undefined) ?? null, at: event.occurredAt });
        break;
      case 'FeedbackSubmitted':
        if (inWindow(event.occurredAt)) {
          ratings.push({
            mentorshipId: (d['mentorshipId'] as string | undefined) ?? null,
            rating: Number(d['rating']),
            hostPersonId: str(d['hostPersonId']),
          });
        }
        break;
      case 'ActionItemAdded':
        actionItems.set(str(d['actionItemId']), {
          mentorshipId: str(d['mentorshipId']),
          dueDate: str(d['dueDate']),
          done: false,
        });
        break;
      case 'ActionItemCompleted': {
        const item = actionItems.get(str(d['actionItemId']));
        if (item) item.done = true;
        break;
      }
      case 'GoalSet':
        goals.push({
          mentorshipId: str(d['mentorshipId']),
          at: event.occurredAt,
          achievedAt: null,
          goalId: str(d['goalId']),
        });
        break;
      case 'GoalAchieved': {
        const goal = goals.find((g) => g.goalId === str(d['goalId']));
        if (goal) goal.achievedAt = event.occurredAt;
        break;
      }
      case 'SurveyOccurrenceOpened':
        for (const personId of (d['askedPersonIds'] as string[] | undefined) ?? []) {
          const key = `${str(d['occurrenceId'])}/${personId}`;
          if (!surveyInvitations.has(key)) {
            surveyInvitations.set(key, { personId, opensAt: str(d['opensAt']), answered: false });
          }
        }
        break;
      case 'SurveyAnswered': {
        const personId = str(d['respondentPersonId']);
        surveyAnswers.push({ personId, at: event.occurredAt });
        const invitation = surveyInvitations.get(`${str(d['occurrenceId'])}/${personId}`);
        if (invitation) invitation.answered = true;
        break;
      }
      default:
        break;
    }
  }

  // Who is in scope: cohort and department filters select participants; a mentorship follows its mentee.
  const inScope = (p: Participant | undefined): boolean =>
    p !== undefined &&
    (!filter.cohortId || p.cohortId === filter.cohortId) &&
    (!filter.department || p.department === filter.department.trim().toLowerCase());
  const enrolled = [...participants.values()].filter((p) => p.status !== 'withdrawn' && p.roles.size > 0 && inScope(p));
  const mentors = enrolled.filter((p) => p.roles.has('mentor'));
  const mentees = enrolled.filter((p) => p.roles.has('mentee'));
  const scopedMentorships = [...mentorships.values()].filter((m) => inScope(participants.get(m.menteePersonId)));
  const mentorshipIds = new Set(scopedMentorships.map((m) => m.mentorshipId));
  const open = scopedMentorships.filter((m) => m.endedAt === null);
  const active = open.filter((m) => !m.paused);
  const menteesWithOpen = new Set(open.map((m) => m.menteePersonId));

  const firstMatch = new Map<string, string>();
  for (const m of scopedMentorships) {
    const earlier = firstMatch.get(m.menteePersonId);
    if (!earlier || m.startedAt < earlier) firstMatch.set(m.menteePersonId, m.startedAt);
  }
  const matchedMentees = mentees.filter((p) => firstMatch.has(p.personId));
  const daysToMatch = matchedMentees.flatMap((p) => {
    const at = firstMatch.get(p.personId);
    return at && inWindow(at) ? [days(p.enrolledAt, at)] : [];
  });

  const acceptedProposals = new Set(
    scopedMentorships.filter((m) => m.origin === 'proposal' && proposals.has(m.originId)).map((m) => m.originId),
  );

  // Mentorship-months inside the window, for sessions per mentorship per month.
  const windowStart = from;
  let mentorshipMonths = 0;
  for (const m of scopedMentorships) {
    const start = windowStart && windowStart > m.startedAt ? windowStart : m.startedAt;
    const end = m.endedAt && m.endedAt < to ? m.endedAt : to;
    if (end > start) mentorshipMonths += days(start, end) / 30;
  }
  const heldInWindow = sessionsHeld.filter(
    (s) => s.mentorshipId !== null && mentorshipIds.has(s.mentorshipId) && inWindow(s.at),
  );

  const health = { healthy: 0, atRisk: 0, stalled: 0 };
  const atRiskPairs: AtRiskPair[] = [];
  for (const m of active) {
    const status = m.health?.status ?? 'healthy';
    if (status === 'healthy') health.healthy += 1;
    else {
      if (status === 'at-risk') health.atRisk += 1;
      else health.stalled += 1;
      atRiskPairs.push({
        mentorshipId: m.mentorshipId,
        mentorPersonId: m.mentorPersonId,
        menteePersonId: m.menteePersonId,
        status,
        reasons: m.health?.reasons ?? [],
        since: m.health?.since ?? m.startedAt,
        ...(m.lastNudgedAt ? { lastNudgedAt: m.lastNudgedAt } : {}),
      });
    }
  }
  atRiskPairs.sort((a, b) =>
    a.status === b.status ? a.since.localeCompare(b.since) : a.status === 'stalled' ? -1 : 1,
  );

  const openIds = new Set(open.map((m) => m.mentorshipId));
  const overdue = [...actionItems.values()].filter(
    (i) => !i.done && i.dueDate < asOfDate && openIds.has(i.mentorshipId),
  );
  const scopedGoals = goals.filter((g) => mentorshipIds.has(g.mentorshipId));
  const scopedRatings = ratings.filter((r) => r.mentorshipId === null || mentorshipIds.has(r.mentorshipId));
  const ended = scopedMentorships.filter((m) => m.endedAt !== null && inWindow(m.endedAt));

  // An occurrence planned ahead asks nobody before it opens; the period counts invitations by their opening.
  const invited = [...surveyInvitations.values()].filter(
    (i) => i.opensAt <= asOf && inWindow(i.opensAt) && inScope(participants.get(i.personId)),
  );
  const answersInWindow = surveyAnswers.filter((a) => inWindow(a.at) && inScope(participants.get(a.personId)));

  const load = new Map<string, number>();
  for (const m of open) load.set(m.mentorPersonId, (load.get(m.mentorPersonId) ?? 0) + 1);
  const distribution = new Map<number, number>();
  let atCapacity = 0;
  for (const mentor of mentors) {
    const count = load.get(mentor.personId) ?? 0;
    distribution.set(count, (distribution.get(count) ?? 0) + 1);
    if (mentor.capacity > 0 && count >= mentor.capacity) atCapacity += 1;
  }

  return {
    programId,
    asOf,
    enrollment: {
      mentors: mentors.length,
      mentees: mentees.length,
      pausedParticipants: enrolled.filter((p) => p.status === 'paused').length,
      capacityOffered: mentors.filter((p) => p.status === 'active').reduce((sum, p) => sum + p.capacity, 0),
      demand: mentees.length,
      waitlist: mentees.filter((p) => p.status === 'active' && !menteesWithOpen.has(p.personId)).length,
    },
    matching: {
      matchedMentees: matchedMentees.length,
      matchedPercent: mentees.length ? round((100 * matchedMentees.length) / mentees.length, 1) : 0,
      medianDaysToMatch: daysToMatch.length ? round(median(daysToMatch) ?? 0, 1) : null,
      proposalsMade: proposals.size,
      proposalsAccepted: acceptedProposals.size,
      proposalsDeclined: declinedProposals.size,
      declineReasons: tally(declineReasons),
      requestsMade: requests.made,
      requestsAccepted: requests.accepted,
      requestsDeclined: requests.declined,
      requestsExpired: requests.expired,
    },
    engagement: {
      activeMentorships: active.length,
      pausedMentorships: open.length - active.length,
      sessionsHeld: heldInWindow.length,
      sessionsPerMentorshipPerMonth:
        mentorshipMonths >= MIN_MENTORSHIP_MONTHS_FOR_RATE ? round(heldInWindow.length / mentorshipMonths) : null,
      expectedSessionsPerMonth: meetingCadenceDays ? round(30 / meetingCadenceDays) : null,
      healthy: health.healthy,
      atRisk: health.atRisk,
      stalled: health.stalled,
      atRiskPairs,
      actionItemsOverdue: overdue.length,
    },
    outcomes: {
      goalsSet: scopedGoals.filter((g) => inWindow(g.at)).length,
      goalsAchieved: scopedGoals.filter((g) => g.achievedAt !== null && inWindow(g.achievedAt)).length,
      averageSessionRating: scopedRatings.length
        ? round(scopedRatings.reduce((sum, r) => sum + r.rating, 0) / scopedRatings.length)
        : null,
      ratingsCount: scopedRatings.length,
      closuresByReason: tally(ended.map((m) => m.endReason ?? 'unknown')),
      averageRelationshipDays: ended.length
        ? round(ended.reduce((sum, m) => sum + days(m.startedAt, m.endedAt ?? m.startedAt), 0) / ended.length, 1)
        : null,
      surveyInvitations: invited.length,
      surveyAnswers: answersInWindow.length,
      surveyResponsePercent: invited.length
        ? round((100 * invited.filter((i) => i.answered).length) / invited.length, 1)
        : null,
    },
    mentorLoad: {
      distribution: [...distribution.entries()]
        .map(([menteesCount, count]) => ({ mentees: menteesCount, mentors: count }))
        .sort((a, b) => a.mentees - b.mentees),
      mentorsAtCapacity: atCapacity,
    },
  };
}
