import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Participant } from '../graphql/sessions.types';

export const InsightTableEnum = {
  ENROLLMENT: 'enrollment',
  MATCHING: 'matching',
  ENGAGEMENT: 'engagement',
  OUTCOMES: 'outcomes',
  MENTOR_LOAD: 'mentor-load',
  AT_RISK_PAIRS: 'at-risk-pairs',
} as const;
registerEnumType(InsightTableEnum, { name: 'InsightTable' });

@ObjectType()
export class InsightCount {
  @Field() key!: string;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class EnrollmentInsights {
  @Field(() => Int) mentors!: number;
  @Field(() => Int) mentees!: number;
  @Field(() => Int) pausedParticipants!: number;
  @Field(() => Int, { description: 'Sum of the capacities of active mentors' }) capacityOffered!: number;
  @Field(() => Int, { description: 'Mentees enrolled (each wants a mentor)' }) demand!: number;
  @Field(() => Int, { description: 'Active mentees without an open mentorship' }) waitlist!: number;
}

@ObjectType()
export class MatchingInsights {
  @Field(() => Int) matchedMentees!: number;
  @Field(() => Float) matchedPercent!: number;
  @Field(() => Float, { nullable: true }) medianDaysToMatch!: number | null;
  @Field(() => Int) proposalsMade!: number;
  @Field(() => Int) proposalsAccepted!: number;
  @Field(() => Int) proposalsDeclined!: number;
  @Field(() => [InsightCount]) declineReasons!: InsightCount[];
  @Field(() => Int) requestsMade!: number;
  @Field(() => Int) requestsAccepted!: number;
  @Field(() => Int) requestsDeclined!: number;
  @Field(() => Int) requestsExpired!: number;
}

@ObjectType()
export class AtRiskPair {
  @Field(() => ID) mentorshipId!: string;
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => ID) menteePersonId!: string;
  @Field(() => Participant, {
    nullable: true,
    description: "The mentor's profile (profiles subgraph); null once erased or if you may not see it",
  })
  mentor!: Participant;
  @Field(() => Participant, {
    nullable: true,
    description: "The mentee's profile (profiles subgraph); null once erased or if you may not see it",
  })
  mentee!: Participant;
  @Field() status!: string;
  @Field(() => [String]) reasons!: string[];
  @Field() since!: string;
  @Field(() => String, { nullable: true, description: 'When a program manager last nudged the pair' })
  lastNudgedAt!: string | null;
}

@ObjectType()
export class EngagementInsights {
  @Field(() => Int) activeMentorships!: number;
  @Field(() => Int) pausedMentorships!: number;
  @Field(() => Int) sessionsHeld!: number;
  @Field(() => Float, { nullable: true }) sessionsPerMentorshipPerMonth!: number | null;
  @Field(() => Float, { nullable: true, description: 'From the program’s meeting cadence' })
  expectedSessionsPerMonth!: number | null;
  @Field(() => Int) healthy!: number;
  @Field(() => Int) atRisk!: number;
  @Field(() => Int) stalled!: number;
  @Field(() => [AtRiskPair]) atRiskPairs!: AtRiskPair[];
  @Field(() => Int) actionItemsOverdue!: number;
}

@ObjectType()
export class OutcomeInsights {
  @Field(() => Int) goalsSet!: number;
  @Field(() => Int) goalsAchieved!: number;
  @Field(() => Float, { nullable: true }) averageSessionRating!: number | null;
  @Field(() => Int) ratingsCount!: number;
  @Field(() => [InsightCount]) closuresByReason!: InsightCount[];
  @Field(() => Float, { nullable: true }) averageRelationshipDays!: number | null;
  @Field(() => Int, { description: 'People asked in survey occurrences that opened in the period' })
  surveyInvitations!: number;
  @Field(() => Int, { description: 'Survey answers given in the period' }) surveyAnswers!: number;
  @Field(() => Float, { nullable: true, description: 'Of those invitations, the percent answered by asOf' })
  surveyResponsePercent!: number | null;
}

@ObjectType()
export class LoadBucket {
  @Field(() => Int) mentees!: number;
  @Field(() => Int) mentors!: number;
}

@ObjectType()
export class MentorLoadInsights {
  @Field(() => [LoadBucket]) distribution!: LoadBucket[];
  @Field(() => Int) mentorsAtCapacity!: number;
}

@ObjectType({
  description: 'Program figures as of a moment, computed from the event history (definitions: docs/insights.md)',
})
export class ProgramInsights {
  @Field(() => ID) programId!: string;
  @Field() asOf!: string;
  @Field(() => EnrollmentInsights) enrollment!: EnrollmentInsights;
  @Field(() => MatchingInsights) matching!: MatchingInsights;
  @Field(() => EngagementInsights) engagement!: EngagementInsights;
  @Field(() => OutcomeInsights) outcomes!: OutcomeInsights;
  @Field(() => MentorLoadInsights) mentorLoad!: MentorLoadInsights;
}
