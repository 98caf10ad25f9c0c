import { z } from 'zod';

/**
 * What the matching service tells the rest of Trellis (docs/architecture.md §5, §7). Ids, enums, numbers and times
 * only: request messages, decline comments and end-of-mentorship reflections stay inside matching, encrypted.
 */
export const MATCHING_TOPIC = 'matching.events.v1';

export const mentorshipFormatSchema = z.enum(['one-on-one', 'group']);
export type MentorshipFormat = z.infer<typeof mentorshipFormatSchema>;

/**
 * 'stable' is mentee-proposing deferred acceptance: no mentee and mentor would both rather be together than with whom
 * they got (no blocking pair), at some cost in total fit against 'best-total'.
 */
export const roundObjectiveSchema = z.enum(['best-total', 'most-matched', 'fairest', 'stable']);
export type RoundObjective = z.infer<typeof roundObjectiveSchema>;

export const proposalSideSchema = z.enum(['mentor', 'mentee']);
export type ProposalSide = z.infer<typeof proposalSideSchema>;

export const declineReasonSchema = z.enum([
  'no-capacity',
  'schedule-conflict',
  'different-goals',
  'not-a-good-fit',
  'personal-reasons',
  'other',
]);
export type DeclineReason = z.infer<typeof declineReasonSchema>;

export const withdrawReasonSchema = z.enum([
  'by-mentee',
  'mentee-matched',
  'mentee-left-program',
  'mentor-left-program',
]);
export type WithdrawReason = z.infer<typeof withdrawReasonSchema>;

export const endReasonSchema = z.enum(['completed', 'goals-met', 'not-a-good-fit', 'no-time', 'left-program', 'other']);
export type EndReason = z.infer<typeof endReasonSchema>;

/** How a mentee came into a circle: on their own, placed by a manager, or by a published circle fill. */
export const circleJoinViaSchema = z.enum(['self', 'manager', 'round']);
export type CircleJoinVia = z.infer<typeof circleJoinViaSchema>;

export const circleLeaveReasonSchema = z.enum(['left', 'removed']);
export type CircleLeaveReason = z.infer<typeof circleLeaveReasonSchema>;

export const endedBySchema = z.enum(['mentor', 'mentee', 'manager', 'system']);
export type EndedBy = z.infer<typeof endedBySchema>;

const isoTime = z.string().datetime();
const roundRef = { roundId: z.string(), programId: z.string() };
const requestRef = {
  requestId: z.string(),
  programId: z.string(),
  mentorPersonId: z.string(),
  menteePersonId: z.string(),
};
const mentorshipRef = { mentorshipId: z.string(), programId: z.string() };

export const matchingEventSchemas = {
  MatchingRoundStarted: z
    .object({
      ...roundRef,
      cohortId: z.string().nullable(),
      objective: roundObjectiveSchema,
      startedByPersonId: z.string(),
    })
    .strict(),
  MatchingRoundComputed: z
    .object({
      ...roundRef,
      /** 1 for the first solve, +1 for every re-solve. */
      iteration: z.number().int().min(1),
      inputSnapshotHash: z.string(),
      engineVersion: z.string(),
      proposedPairs: z.number().int().min(0),
      unmatchedMentees: z.number().int().min(0),
      meanScore: z.number(),
      minScore: z.number(),
      coverage: z.number().min(0).max(1),
    })
    .strict(),
  MatchingRoundPublished: z.object({ ...roundRef, proposals: z.number().int().min(0) }).strict(),
  MatchingRoundDiscarded: z.object(roundRef).strict(),
  MatchProposed: z
    .object({
      proposalId: z.string(),
      roundId: z.string(),
      programId: z.string(),
      mentorPersonId: z.string(),
      menteePersonId: z.string(),
      mentorParticipantId: z.string(),
      menteeParticipantId: z.string(),
      format: mentorshipFormatSchema,
      circleId: z.string().optional(),
      score: z.number(),
      respondBy: isoTime,
    })
    .strict(),
  ProposalAccepted: z
    .object({ proposalId: z.string(), programId: z.string(), side: proposalSideSchema, personId: z.string() })
    .strict(),
  ProposalDeclined: z
    .object({
      proposalId: z.string(),
      programId: z.string(),
      side: proposalSideSchema,
      personId: z.string(),
      reason: declineReasonSchema,
    })
    .strict(),
  MentorshipRequested: z.object({ ...requestRef, expiresAt: isoTime }).strict(),
  MentorshipRequestAccepted: z.object({ ...requestRef, mentorshipId: z.string() }).strict(),
  MentorshipRequestDeclined: z.object({ ...requestRef, reason: declineReasonSchema }).strict(),
  MentorshipRequestExpired: z.object(requestRef).strict(),
  MentorshipRequestWithdrawn: z.object({ ...requestRef, reason: withdrawReasonSchema }).strict(),
  MentorshipStarted: z
    .object({
      ...mentorshipRef,
      mentorPersonId: z.string(),
      menteePersonId: z.string(),
      mentorParticipantId: z.string(),
      menteeParticipantId: z.string(),
      format: mentorshipFormatSchema,
      circleId: z.string().optional(),
      /** Where it came from: a self-service request or a round's proposal. */
      origin: z.enum(['request', 'proposal']),
      originId: z.string(),
    })
    .strict(),
  MentorshipPaused: z.object({ ...mentorshipRef, byPersonId: z.string(), until: isoTime.nullable() }).strict(),
  MentorshipResumed: z.object({ ...mentorshipRef, byPersonId: z.string() }).strict(),
  MentorshipEnded: z
    .object({
      ...mentorshipRef,
      mentorPersonId: z.string(),
      menteePersonId: z.string(),
      reason: endReasonSchema,
      endedBy: endedBySchema,
    })
    .strict(),
  RematchRequested: z.object({ ...mentorshipRef, menteePersonId: z.string(), byPersonId: z.string() }).strict(),
  CircleCreated: z
    .object({
      circleId: z.string(),
      programId: z.string(),
      mentorPersonId: z.string(),
      mentorParticipantId: z.string(),
      maxSize: z.number().int().min(1),
      /** Whether mentees may join on their own (otherwise managers and circle fills place them). */
      selfJoin: z.boolean().optional(),
    })
    .strict(),
  CircleMemberJoined: z
    .object({
      circleId: z.string(),
      programId: z.string(),
      menteePersonId: z.string(),
      menteeParticipantId: z.string(),
      /** Members after this one joined. */
      members: z.number().int().min(1),
      via: circleJoinViaSchema.optional(),
    })
    .strict(),
  CircleMemberLeft: z
    .object({
      circleId: z.string(),
      programId: z.string(),
      menteePersonId: z.string(),
      menteeParticipantId: z.string(),
      /** Members after this one left. */
      members: z.number().int().min(0),
      reason: circleLeaveReasonSchema,
    })
    .strict(),
  /** Sessions stop scheduling the circle's group sessions; every member named here is free to join another circle. */
  CircleClosed: z
    .object({
      circleId: z.string(),
      programId: z.string(),
      memberPersonIds: z.array(z.string()),
    })
    .strict(),
} as const;

export type MatchingEventType = keyof typeof matchingEventSchemas;
export type MatchingEventData<T extends MatchingEventType> = z.infer<(typeof matchingEventSchemas)[T]>;
export type MatchingIntegrationEvent = {
  [T in MatchingEventType]: { type: T; data: MatchingEventData<T> };
}[MatchingEventType];

export const MATCHING_EVENT_TYPES = Object.keys(matchingEventSchemas) as MatchingEventType[];

/** In the shape of `EventContract` (@trellis/shared/messaging), which producers and consumers feed to a ContractRegistry. */
export const matchingContracts = Object.entries(matchingEventSchemas).map(([type, data]) => ({
  type,
  schemaVersion: 1,
  data: data as unknown as z.ZodType<Record<string, unknown>>,
}));

export function isMatchingEvent<T extends MatchingEventType>(
  event: { type: string; data: unknown },
  type: T,
): event is { type: T; data: MatchingEventData<T> } {
  return event.type === type;
}
