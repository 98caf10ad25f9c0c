import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { RoundComparisonReport } from '../rounds/rounds.service';

@InputType({ description: "A factor's weight, by the profiles service's factor names (skills, interests, …)" })
export class RoundFactorWeightInput {
  @Field() factor!: string;
  @Field(() => Float) weight!: number;
}

@InputType({ description: 'Rules to compare with; anything left out is the program’s current rule' })
export class RoundComparisonRulesInput {
  @Field(() => [RoundFactorWeightInput], { nullable: true }) weights?: RoundFactorWeightInput[] | null;
  @Field(() => Boolean, { nullable: true }) sameDepartmentNotAllowed?: boolean | null;
  @Field(() => Boolean, { nullable: true }) sharedLanguageRequired?: boolean | null;
  @Field(() => Float, { nullable: true }) maxTimezoneGapHours?: number | null;
}

@ObjectType()
export class KeptRoundPair {
  @Field(() => ID) menteePersonId!: string;
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => Float) scoreBefore!: number;
  @Field(() => Float) scoreAfter!: number;
  @Field(() => Float) scoreDelta!: number;
}

@ObjectType()
export class ChangedRoundPair {
  @Field(() => ID) menteePersonId!: string;
  @Field(() => ID) mentorBefore!: string;
  @Field(() => ID) mentorAfter!: string;
  @Field(() => Float) scoreBefore!: number;
  @Field(() => Float) scoreAfter!: number;
  @Field(() => Float) scoreDelta!: number;
  @Field({ description: 'The recorded pair was set by the manager' }) manualBefore!: boolean;
  @Field(() => String, { nullable: true }) explanation!: string | null;
}

@ObjectType()
export class NewlyUnmatchedMentee {
  @Field(() => ID) menteePersonId!: string;
  @Field(() => ID) mentorBefore!: string;
  @Field(() => Float) scoreBefore!: number;
  @Field() manualBefore!: boolean;
  @Field() reason!: string;
}

@ObjectType()
export class NewlyMatchedMentee {
  @Field(() => ID) menteePersonId!: string;
  @Field(() => ID) mentorAfter!: string;
  @Field(() => Float) scoreAfter!: number;
  @Field() reasonBefore!: string;
}

@ObjectType()
export class RoundOutcomeMetrics {
  @Field(() => Int) matched!: number;
  @Field(() => Int) unmatched!: number;
  @Field(() => Float) totalScore!: number;
  @Field(() => Float) meanScore!: number;
  @Field(() => Float) minScore!: number;
  @Field(() => Float) coverage!: number;
  @Field(() => Int, {
    description: 'Pairs that would both rather be together, among the mentees of the recorded input (locks aside)',
  })
  blockingPairs!: number;
}

@ObjectType({ description: "A round's recorded result against a re-solve of its recorded input under other rules" })
export class MatchingRoundComparison {
  @Field(() => ID) roundId!: string;
  @Field() inputSnapshotHash!: string;
  @Field() objective!: string;
  @Field(() => String, { nullable: true }) engineVersionBefore!: string | null;
  @Field() engineVersionAfter!: string;
  @Field(() => String, { nullable: true }) settingsHashBefore!: string | null;
  @Field() settingsHashAfter!: string;
  @Field(() => Int) keptCount!: number;
  @Field(() => Int) changedCount!: number;
  @Field(() => Int) newlyUnmatchedCount!: number;
  @Field(() => Int) newlyMatchedCount!: number;
  @Field(() => [KeptRoundPair], { description: 'At most `first`' }) kept!: KeptRoundPair[];
  @Field(() => [ChangedRoundPair], { description: 'At most `first`' }) changed!: ChangedRoundPair[];
  @Field(() => [NewlyUnmatchedMentee], { description: 'At most `first`' }) newlyUnmatched!: NewlyUnmatchedMentee[];
  @Field(() => [NewlyMatchedMentee], { description: 'At most `first`' }) newlyMatched!: NewlyMatchedMentee[];
  @Field(() => RoundOutcomeMetrics) metricsBefore!: RoundOutcomeMetrics;
  @Field(() => RoundOutcomeMetrics) metricsAfter!: RoundOutcomeMetrics;
  @Field(() => RoundOutcomeMetrics) metricsDelta!: RoundOutcomeMetrics;
}

export function toRoundComparison(report: RoundComparisonReport, first: number): MatchingRoundComparison {
  const { comparison: c } = report;
  return {
    roundId: report.roundId,
    inputSnapshotHash: report.inputSnapshotHash,
    objective: report.objective,
    engineVersionBefore: report.engineVersionBefore,
    engineVersionAfter: report.engineVersionAfter,
    settingsHashBefore: report.settingsBefore?.settingsHash ?? null,
    settingsHashAfter: report.settingsAfter.settingsHash,
    keptCount: c.kept.length,
    changedCount: c.changed.length,
    newlyUnmatchedCount: c.newlyUnmatched.length,
    newlyMatchedCount: c.newlyMatched.length,
    kept: c.kept.slice(0, first),
    changed: c.changed.slice(0, first),
    newlyUnmatched: c.newlyUnmatched.slice(0, first),
    newlyMatched: c.newlyMatched.slice(0, first),
    metricsBefore: { ...c.metrics.before, blockingPairs: report.blockingPairs.before },
    metricsAfter: { ...c.metrics.after, blockingPairs: report.blockingPairs.after },
    metricsDelta: { ...c.metrics.delta, blockingPairs: report.blockingPairs.after - report.blockingPairs.before },
  };
}
