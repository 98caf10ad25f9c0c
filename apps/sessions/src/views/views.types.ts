import type { ViewerTime } from '@trellis/sessions/domain';

/** A participant as the profiles subgraph's entity: the gateway fetches the fields a client asks for, in one batch. */
export interface ParticipantRef {
  id: string;
}
type Note = { id: string | null; authorPersonId: string; text: string; writtenAt: string };
type Summary = { count: number; averageRating: number | null };

export interface SessionView {
  id: string;
  kind: string;
  status: string;
  programId: string;
  circleId: string | null;
  mentorshipId: string | null;
  hostPersonId: string;
  inviteePersonIds: string[];
  capacity: number;
  mode: string;
  place: string | null;
  title: string | null;
  startsAt: string;
  endsAt: string;
  timezone: string;
  localStart: ViewerTime;
  localEnd: ViewerTime;
  sequence: number;
  myRsvp: string | null;
  attendees: Array<{
    personId: string;
    participantId: string;
    participant: ParticipantRef;
    host: boolean;
    rsvp: string | null;
    attendance: string | null;
  }>;
  sharedNotes: Note | null;
  myPrivateNotes: Note[];
  feedback: Array<{
    personId: string;
    rating: number;
    wentWell: string | null;
    toImprove: string | null;
    comment: string | null;
    submittedAt: string;
  }>;
  feedbackSummary: Summary;
  completedAt: string | null;
  cancellationReason: string | null;
}

export interface GoalView {
  id: string;
  title: string;
  status: string;
  progressPercent: number;
  targetDate: string;
  ownerPersonId: string;
  setByPersonId: string;
  smart: Record<'specific' | 'measurable' | 'achievable' | 'relevant' | 'timeBound', string | null>;
  milestones: Array<{ id: string; title: string; targetDate: string | null; reachedAt: string | null }>;
  progress: Array<{ progressPercent: number; updatedByPersonId: string; at: string; note: string | null }>;
  achievedAt: string | null;
  abandonReason: string | null;
}

export interface EngagementView {
  mentorshipId: string;
  programId: string;
  status: string;
  mentorPersonId: string;
  menteePersonId: string;
  mentor: ParticipantRef;
  mentee: ParticipantRef;
  health: string;
  viewerRole: string;
  agreements: Array<Record<string, unknown>>;
  goals: GoalView[];
  actionItems: Array<Record<string, unknown> & { id: string; title: string; done: boolean }>;
  resources: Array<{ id: string; kind: string; title: string; link: string | null }>;
  introductions: Array<Record<string, unknown>>;
  /** The viewer's own reflections only. */
  myReflections: Array<{ id: string; text: string; updatedAt: string }>;
  sessions: SessionView[];
  feedbackSummary: Summary;
}
