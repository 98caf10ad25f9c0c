import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  declineReasonSchema,
  endReasonSchema,
  mentorshipFormatSchema,
  roundObjectiveSchema,
  type DeclineReason,
  type EndReason,
  type MentorshipFormat,
  type RoundObjective,
} from '@trellis/matching/contracts';
import {
  OVERRIDE_REASONS,
  type MentorshipStatus,
  type OverrideReason,
  type ProposalStatus,
  type RequestStatus,
  type RoundStatus,
} from '@trellis/matching/domain';
import type { MatchHintType } from '@trellis/matching/engine';
import type { NotFirstChoice } from '../rounds/round-explanations';

/** GraphQL enum values are UPPER_SNAKE; the domain's are kebab-case. */
function graphqlEnum<T extends string>(values: readonly T[]): Record<string, T> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase().replace(/-/g, '_'), v])) as Record<string, T>;
}

/** A status as a reader sees it: 'none' is the state of a stream that does not exist, never shown. */
export type Shown<T extends string> = Exclude<T, 'none'>;
type Origin = 'request' | 'proposal';

export const DeclineReasonEnum = graphqlEnum<DeclineReason>(declineReasonSchema.options);
export const EndReasonEnum = graphqlEnum<EndReason>(endReasonSchema.options);
export const RoundObjectiveEnum = graphqlEnum<RoundObjective>(roundObjectiveSchema.options);
export const OverrideReasonEnum = graphqlEnum<OverrideReason>(OVERRIDE_REASONS);
export const MentorshipStatusEnum = graphqlEnum<Shown<MentorshipStatus>>(['active', 'paused', 'ended']);
export const MentorshipOriginEnum = graphqlEnum<Origin>(['request', 'proposal']);
export const MentorshipFormatEnum = graphqlEnum<MentorshipFormat>(mentorshipFormatSchema.options);
export const RequestStatusEnum = graphqlEnum<Shown<RequestStatus>>([
  'open',
  'accepted',
  'declined',
  'expired',
  'withdrawn',
]);
export const ProposalStatusEnum = graphqlEnum<Shown<ProposalStatus>>(['proposed', 'declined', 'confirmed', 'lapsed']);
export const NotFirstChoiceTypeEnum = graphqlEnum<NotFirstChoice['type']>([
  'fit-better-used',
  'matches-lost',
  'hard-rule',
  'mentor-preferred-others',
  'capacity',
  'not-a-candidate',
]);
export const MatchHintTypeEnum = graphqlEnum<MatchHintType>([
  'extra-place',
  'wider-timezone-gap',
  'no-shared-language',
  'same-department',
  'smaller-seniority-gap',
  'more-mentors',
]);
export const RoundStatusEnum = graphqlEnum<Shown<RoundStatus>>(['draft', 'computed', 'published', 'discarded']);
registerEnumType(DeclineReasonEnum, { name: 'DeclineReason' });
registerEnumType(EndReasonEnum, { name: 'MentorshipEndReason' });
registerEnumType(RoundObjectiveEnum, { name: 'MatchingObjective' });
registerEnumType(OverrideReasonEnum, { name: 'RoundOverrideReason' });
registerEnumType(MentorshipStatusEnum, { name: 'MentorshipStatus' });
registerEnumType(MentorshipOriginEnum, {
  name: 'MentorshipOrigin',
  description: "How it began: a mentee's request a mentor accepted, or a published round's proposal both accepted",
});
registerEnumType(MentorshipFormatEnum, { name: 'MentorshipFormat' });
registerEnumType(RequestStatusEnum, { name: 'MentorshipRequestStatus' });
registerEnumType(ProposalStatusEnum, { name: 'ProposalStatus' });
registerEnumType(RoundStatusEnum, { name: 'MatchingRoundStatus' });
registerEnumType(NotFirstChoiceTypeEnum, {
  name: 'NotFirstChoiceType',
  description:
    "Why a mentee did not get their best-fitting mentor: FIT_BETTER_USED (the mentor's places add more fit with others, by fitPoints), MATCHES_LOST (placing them there would leave matchesLost mentees without a mentor), HARD_RULE (the program's rule `rule` excludes the pair), MENTOR_PREFERRED_OTHERS (stable objective: the mentor ranked the mentees they got higher), CAPACITY (the places were taken first), NOT_A_CANDIDATE (the engine did not consider the pair)",
});
registerEnumType(MatchHintTypeEnum, {
  name: 'MatchHintType',
  description:
    'What would match an unmatched mentee: EXTRA_PLACE (one more place among mentorCount fitting mentors, all full; language when a shared language narrows them), WIDER_TIMEZONE_GAP (mentorCount mentors fit at gapHours), NO_SHARED_LANGUAGE (mentorCount mentors, mostly speaking language, fit without a shared language), SAME_DEPARTMENT (mentorCount mentors of their department), SMALLER_SENIORITY_GAP (mentorCount mentors fit at gapYears), MORE_MENTORS',
});

/** The profiles subgraph owns Participant; matching names participants and adds the relationships of one. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Participant {
  @Field(() => ID) id!: string;
}

const personRef = (side: string) => ({
  nullable: true,
  description: `The ${side}'s profile (profiles subgraph); null once erased or if you may not see it`,
});

@ObjectType()
export class Mentorship {
  @Field(() => ID) id!: string;
  @Field(() => ID) programId!: string;
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => ID) menteePersonId!: string;
  @Field(() => ID) mentorParticipantId!: string;
  @Field(() => ID) menteeParticipantId!: string;
  @Field(() => Participant, personRef('mentor')) mentor!: Participant;
  @Field(() => Participant, personRef('mentee')) mentee!: Participant;
  @Field(() => MentorshipFormatEnum) format!: MentorshipFormat;
  @Field(() => MentorshipStatusEnum) status!: Shown<MentorshipStatus>;
  @Field(() => MentorshipOriginEnum) origin!: Origin;
  @Field() startedAt!: string;
  @Field(() => String, { nullable: true }) endedAt!: string | null;
  @Field(() => EndReasonEnum, { nullable: true }) endReason!: EndReason | null;
  @Field() rematchRequested!: boolean;
}

@ObjectType()
export class MentorshipRequest {
  @Field(() => ID) id!: string;
  @Field(() => ID) programId!: string;
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => ID) menteePersonId!: string;
  @Field(() => Participant, personRef('mentor')) mentor!: Participant;
  @Field(() => Participant, personRef('mentee')) mentee!: Participant;
  @Field(() => RequestStatusEnum) status!: Shown<RequestStatus>;
  @Field() requestedAt!: string;
  @Field() expiresAt!: string;
  @Field(() => String, { nullable: true }) closedReason!: string | null;
  @Field(() => ID, { nullable: true }) mentorshipId!: string | null;
}

@ObjectType()
export class Proposal {
  @Field(() => ID) id!: string;
  @Field(() => ID) roundId!: string;
  @Field(() => ID) programId!: string;
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => ID) menteePersonId!: string;
  @Field(() => Participant, personRef('mentor')) mentor!: Participant;
  @Field(() => Participant, personRef('mentee')) mentee!: Participant;
  @Field(() => Float) score!: number;
  @Field() respondBy!: string;
  @Field() mentorAccepted!: boolean;
  @Field() menteeAccepted!: boolean;
  @Field(() => ProposalStatusEnum) status!: Shown<ProposalStatus>;
}

@ObjectType()
export class FactorScore {
  @Field() name!: string;
  @Field(() => Float) weight!: number;
  @Field(() => Float) value!: number;
  @Field(() => Float) contribution!: number;
}

@ObjectType()
export class RecommendedMentor {
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => ID) mentorParticipantId!: string;
  @Field(() => Participant, personRef('mentor')) mentor!: Participant;
  @Field(() => Float, { description: "The engine's fit score in [0,1]" }) score!: number;
  @Field(() => Float, { description: 'The score after spreading by demand: the order of the list' })
  rankingScore!: number;
  @Field(() => Int) freeSeats!: number;
  @Field(() => Int) pendingRequests!: number;
  @Field(() => [FactorScore]) factors!: FactorScore[];
}

@ObjectType({ description: 'Why this mentee did not get the mentor that fits them best; no other mentee is named' })
export class NotFirstChoiceReason {
  @Field(() => NotFirstChoiceTypeEnum) type!: NotFirstChoice['type'];
  @Field(() => ID) bestMentorPersonId!: string;
  @Field(() => Participant, personRef('best-fitting mentor')) bestMentor!: Participant;
  @Field(() => Float, { description: "The best-fitting mentor's score with this mentee, in [0,1]" }) bestScore!: number;
  @Field(() => Int, { description: 'Places the best-fitting mentor had in the round' }) bestMentorPlaces!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'How many points (score × 100) more fit in total the places add with the mentees who got them',
  })
  fitPoints!: number | null;
  @Field(() => Int, { nullable: true, description: 'Mentees who would have to move to make room' })
  menteesDisplaced!: number | null;
  @Field(() => Int, { nullable: true, description: 'Mentees who would be left without a mentor to make room' })
  matchesLost!: number | null;
  @Field(() => String, { nullable: true, description: 'The hard rule excluding the pair (engine name)' })
  rule!: string | null;
}

@ObjectType({ description: 'A change to the pool or the rules that would let an unmatched mentee be matched' })
export class MatchHint {
  @Field(() => MatchHintTypeEnum) type!: MatchHintType;
  @Field(() => Int, { nullable: true }) mentorCount!: number | null;
  @Field(() => Int, { nullable: true }) gapHours!: number | null;
  @Field(() => Int, { nullable: true }) gapYears!: number | null;
  @Field(() => String, { nullable: true, description: 'A language code, e.g. pt' }) language!: string | null;
  @Field(() => ID, { nullable: true, description: 'EXTRA_PLACE: the fitting mentor who fits best' })
  bestMentorPersonId!: string | null;
}

@ObjectType()
export class RoundPair {
  @Field(() => ID, { description: "The pair's place in its round (round and mentee): a client's cache key" })
  id!: string;
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => ID) menteePersonId!: string;
  @Field(() => Participant, personRef('mentor')) mentor!: Participant;
  @Field(() => Participant, personRef('mentee')) mentee!: Participant;
  @Field(() => Float) score!: number;
  @Field() locked!: boolean;
  @Field() manual!: boolean;
  /**
   * The `factors` field (RoundPairResolver): the breakdown needs the round's recorded input, so it is computed only
   * when asked for, once per round and request, not on every lock, swap or removal.
   */
  factorsOf!: () => Promise<FactorScore[]>;
  /** The `notFirstChoice` field (RoundPairResolver), from the same once-per-request explanation. */
  notFirstChoiceOf!: () => Promise<NotFirstChoiceReason | null>;
}

@ObjectType()
export class UnmatchedMentee {
  @Field(() => ID) menteePersonId!: string;
  @Field(() => Participant, personRef('mentee')) mentee!: Participant;
  @Field() reason!: string;
  /** The `hints` field (UnmatchedMenteeResolver), from the round's explanation. */
  hintsOf!: () => Promise<MatchHint[]>;
}

@ObjectType()
export class RoundOverrideEntry {
  @Field() type!: string;
  @Field(() => ID, { nullable: true }) menteePersonId!: string | null;
  @Field(() => Participant, personRef('mentee')) mentee!: Participant | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => ID) byPersonId!: string;
}

@ObjectType()
export class MatchingRound {
  @Field(() => ID) id!: string;
  @Field(() => ID) programId!: string;
  @Field(() => ID, { nullable: true }) cohortId!: string | null;
  @Field(() => RoundStatusEnum) status!: Shown<RoundStatus>;
  @Field(() => RoundObjectiveEnum) objective!: RoundObjective;
  @Field(() => Int) iteration!: number;
  @Field(() => String, { nullable: true }) inputSnapshotHash!: string | null;
  @Field(() => String, { nullable: true }) engineVersion!: string | null;
  @Field(() => String, { nullable: true }) settingsHash!: string | null;
  @Field(() => Float, { nullable: true }) meanScore!: number | null;
  @Field(() => Float, { nullable: true }) minScore!: number | null;
  @Field(() => Float, { nullable: true }) coverage!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Mentee–mentor pairs of the computation that would both rather be together than with whom they got (0 under STABLE); null before the first computation',
  })
  blockingPairs!: number | null;
  @Field(() => Int) pairCount!: number;
  @Field(() => [RoundPair], {
    description: 'Every pair of the round; a console reads them a page at a time (pairPage)',
  })
  pairs!: RoundPair[];
  @Field(() => [UnmatchedMentee]) unmatched!: UnmatchedMentee[];
  @Field(() => [RoundOverrideEntry]) overrides!: RoundOverrideEntry[];
}

@ObjectType()
export class AcceptanceOutcome {
  @Field(() => ID, { nullable: true, description: 'Set once the mentorship has started' }) mentorshipId!: string | null;
}

@ObjectType()
export class RequestOutcome {
  @Field(() => ID) requestId!: string;
  @Field() expiresAt!: string;
}
