import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  declineReasonSchema,
  endReasonSchema,
  roundObjectiveSchema,
  type DeclineReason,
  type EndReason,
  type RoundObjective,
} from '@trellis/matching/contracts';
import { OVERRIDE_REASONS, type OverrideReason } from '@trellis/matching/domain';

/** GraphQL enum values are UPPER_SNAKE; the domain's are kebab-case. */
function graphqlEnum<T extends string>(values: readonly T[]): Record<string, T> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase().replace(/-/g, '_'), v])) as Record<string, T>;
}

export const DeclineReasonEnum = graphqlEnum<DeclineReason>(declineReasonSchema.options);
export const EndReasonEnum = graphqlEnum<EndReason>(endReasonSchema.options);
export const RoundObjectiveEnum = graphqlEnum<RoundObjective>(roundObjectiveSchema.options);
export const OverrideReasonEnum = graphqlEnum<OverrideReason>(OVERRIDE_REASONS);
registerEnumType(DeclineReasonEnum, { name: 'DeclineReason' });
registerEnumType(EndReasonEnum, { name: 'MentorshipEndReason' });
registerEnumType(RoundObjectiveEnum, { name: 'MatchingObjective' });
registerEnumType(OverrideReasonEnum, { name: 'RoundOverrideReason' });

@ObjectType()
export class Mentorship {
  @Field(() => ID) id!: string;
  @Field(() => ID) programId!: string;
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => ID) menteePersonId!: string;
  @Field(() => ID) mentorParticipantId!: string;
  @Field(() => ID) menteeParticipantId!: string;
  @Field() format!: string;
  @Field() status!: string;
  @Field() origin!: string;
  @Field() startedAt!: string;
  @Field(() => String, { nullable: true }) endedAt!: string | null;
  @Field(() => String, { nullable: true }) endReason!: string | null;
  @Field() rematchRequested!: boolean;
}

@ObjectType()
export class MentorshipRequest {
  @Field(() => ID) id!: string;
  @Field(() => ID) programId!: string;
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => ID) menteePersonId!: string;
  @Field() status!: string;
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
  @Field(() => Float) score!: number;
  @Field() respondBy!: string;
  @Field() mentorAccepted!: boolean;
  @Field() menteeAccepted!: boolean;
  @Field() status!: string;
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
  @Field(() => Float, { description: "The engine's fit score in [0,1]" }) score!: number;
  @Field(() => Float, { description: 'The score after spreading by demand: the order of the list' })
  rankingScore!: number;
  @Field(() => Int) freeSeats!: number;
  @Field(() => Int) pendingRequests!: number;
  @Field(() => [FactorScore]) factors!: FactorScore[];
}

@ObjectType()
export class RoundPair {
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => ID) menteePersonId!: string;
  @Field(() => Float) score!: number;
  @Field() locked!: boolean;
  @Field() manual!: boolean;
  /**
   * The `factors` field (RoundPairResolver): the breakdown needs the round's recorded input, so it is computed only
   * when asked for, once per round and request, not on every lock, swap or removal.
   */
  factorsOf!: () => Promise<FactorScore[]>;
}

@ObjectType()
export class UnmatchedMentee {
  @Field(() => ID) menteePersonId!: string;
  @Field() reason!: string;
}

@ObjectType()
export class RoundOverrideEntry {
  @Field() type!: string;
  @Field(() => ID, { nullable: true }) menteePersonId!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => ID) byPersonId!: string;
}

@ObjectType()
export class MatchingRound {
  @Field(() => ID) id!: string;
  @Field(() => ID) programId!: string;
  @Field(() => ID, { nullable: true }) cohortId!: string | null;
  @Field() status!: string;
  @Field() objective!: string;
  @Field(() => Int) iteration!: number;
  @Field(() => String, { nullable: true }) inputSnapshotHash!: string | null;
  @Field(() => String, { nullable: true }) engineVersion!: string | null;
  @Field(() => String, { nullable: true }) settingsHash!: string | null;
  @Field(() => Float, { nullable: true }) meanScore!: number | null;
  @Field(() => Float, { nullable: true }) minScore!: number | null;
  @Field(() => Float, { nullable: true }) coverage!: number | null;
  @Field(() => [RoundPair]) pairs!: RoundPair[];
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

/** The profiles subgraph owns Participant; matching adds the relationships of that participant. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Participant {
  @Field(() => ID) id!: string;
}
