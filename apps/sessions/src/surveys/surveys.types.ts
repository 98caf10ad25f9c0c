import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

// GraphQL enum names cannot hold '-', so each enum maps a GraphQL name to the domain's value.
export const SurveyQuestionKindEnum = {
  SCALE: 'scale',
  NPS: 'nps',
  SINGLE_CHOICE: 'single-choice',
  MULTIPLE_CHOICE: 'multiple-choice',
  SHORT_TEXT: 'short-text',
  LONG_TEXT: 'long-text',
} as const;
export const SurveyAudienceEnum = { MENTEES: 'mentees', MENTORS: 'mentors', BOTH: 'both' } as const;
export const SurveyTriggerKindEnum = {
  AFTER_MENTORSHIP_START: 'after-mentorship-start',
  AT_MENTORSHIP_END: 'at-mentorship-end',
  ON_DATE: 'on-date',
} as const;
export const SurveyStatusEnum = {
  DRAFT: 'draft',
  PUBLISHED: 'published',
  CLOSED: 'closed',
  ARCHIVED: 'archived',
} as const;
export const SurveyFiguresStatusEnum = { SHOWN: 'shown', HIDDEN: 'hidden' } as const;
export const SurveyResultsGroupingEnum = { COHORT: 'cohort' } as const;
export const SurveyComparisonStatusEnum = {
  SHOWN: 'shown',
  HIDDEN: 'hidden',
  NOT_COMPARABLE: 'not-comparable',
} as const;
export const SurveyComparisonSideEnum = { CURRENT: 'current', PREVIOUS: 'previous' } as const;

registerEnumType(SurveyQuestionKindEnum, { name: 'SurveyQuestionKind' });
registerEnumType(SurveyAudienceEnum, { name: 'SurveyAudience' });
registerEnumType(SurveyTriggerKindEnum, { name: 'SurveyTriggerKind' });
registerEnumType(SurveyStatusEnum, { name: 'SurveyStatus' });
registerEnumType(SurveyFiguresStatusEnum, {
  name: 'SurveyFiguresStatus',
  description: 'HIDDEN: fewer people answered than the program’s threshold, so no figure is shown',
});
registerEnumType(SurveyResultsGroupingEnum, { name: 'SurveyResultsGrouping' });
registerEnumType(SurveyComparisonStatusEnum, {
  name: 'SurveyComparisonStatus',
  description:
    'HIDDEN: a side has fewer answers than its threshold, so no delta is shown; NOT_COMPARABLE: free text, or a ' +
    'question asked on one side only or changed in kind',
});
registerEnumType(SurveyComparisonSideEnum, { name: 'SurveyComparisonSide' });

@InputType()
export class SurveyOptionInput {
  @Field(() => ID) optionId!: string;
  @Field() label!: string;
}

@InputType({
  description: 'A question as the builder sends it; options only for choice questions, labels only for a scale',
})
export class SurveyQuestionInput {
  @Field(() => ID, { description: 'Stable across edits and reorders' }) questionId!: string;
  @Field(() => SurveyQuestionKindEnum) kind!: (typeof SurveyQuestionKindEnum)[keyof typeof SurveyQuestionKindEnum];
  @Field() prompt!: string;
  @Field() required!: boolean;
  @Field(() => [SurveyOptionInput], { nullable: true }) options?: SurveyOptionInput[] | null;
  @Field(() => String, { nullable: true, description: 'The label of 1 on a scale' }) lowLabel?: string | null;
  @Field(() => String, { nullable: true, description: 'The label of 5 on a scale' }) highLabel?: string | null;
}

@InputType({ description: 'When a survey is sent, to whom, and for how long it takes answers' })
export class SurveyScheduleInput {
  @Field(() => SurveyTriggerKindEnum) trigger!: (typeof SurveyTriggerKindEnum)[keyof typeof SurveyTriggerKindEnum];
  @Field(() => Int, { nullable: true, description: 'AFTER_MENTORSHIP_START: weeks after the start' })
  weeks?: number | null;
  @Field(() => String, { nullable: true, description: 'ON_DATE: UTC instant it opens' }) opensAt?: string | null;
  @Field(() => ID, { nullable: true, description: 'ON_DATE: the cohort asked (the whole program when absent)' })
  cohortId?: string | null;
  @Field(() => SurveyAudienceEnum) audience!: (typeof SurveyAudienceEnum)[keyof typeof SurveyAudienceEnum];
  @Field(() => Int, { description: 'How many days an occurrence takes answers' }) openDays!: number;
  @Field(() => Int, { nullable: true, description: 'A reminder this many days before the close' })
  reminderDaysBeforeClose?: number | null;
}

@InputType({ description: 'One answer: `value` for a scale or NPS, `optionIds` for a choice, `text` for free text' })
export class SurveyAnswerInput {
  @Field(() => ID) questionId!: string;
  @Field(() => Int, { nullable: true }) value?: number | null;
  @Field(() => [ID], { nullable: true }) optionIds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Plain text; encrypted at rest with your key' })
  text?: string | null;
}

@ObjectType()
export class SurveyOption {
  @Field(() => ID) optionId!: string;
  @Field() label!: string;
}

@ObjectType({ description: 'A question of a survey, numbered from 1 in the order participants see them' })
export class SurveyQuestion {
  @Field(() => ID) questionId!: string;
  @Field(() => Int) number!: number;
  @Field(() => SurveyQuestionKindEnum) kind!: string;
  @Field() prompt!: string;
  @Field() required!: boolean;
  @Field(() => [SurveyOption], { description: 'Choice questions only; empty otherwise' }) options!: SurveyOption[];
  @Field(() => String, { nullable: true }) lowLabel!: string | null;
  @Field(() => String, { nullable: true }) highLabel!: string | null;
}

@ObjectType()
export class SurveySchedule {
  @Field(() => SurveyTriggerKindEnum) trigger!: string;
  @Field(() => Int, { nullable: true }) weeks!: number | null;
  @Field(() => String, { nullable: true }) opensAt!: string | null;
  @Field(() => ID, { nullable: true }) cohortId!: string | null;
  @Field(() => SurveyAudienceEnum) audience!: string;
  @Field(() => Int) openDays!: number;
  @Field(() => Int, { nullable: true }) reminderDaysBeforeClose!: number | null;
}

@ObjectType({ description: 'A program survey as its managers build it; frozen once published' })
export class Survey {
  @Field(() => ID) id!: string;
  @Field(() => ID) programId!: string;
  @Field() title!: string;
  @Field(() => SurveyStatusEnum) status!: string;
  @Field(() => [SurveyQuestion]) questions!: SurveyQuestion[];
  @Field(() => SurveySchedule, { nullable: true }) schedule!: SurveySchedule | null;
  @Field(() => ID, { nullable: true }) previousSurveyId!: string | null;
  @Field(() => String, { nullable: true, description: 'UTC' }) publishedAt!: string | null;
}

@ObjectType({ description: 'What keeps a draft from being published' })
export class SurveyProblem {
  @Field() problem!: string;
  @Field() message!: string;
  @Field() field!: string;
  @Field(() => ID, { nullable: true }) questionId!: string | null;
}

@ObjectType({ description: 'The survey as a participant would see it, with what still blocks publishing' })
export class SurveyPreview {
  @Field() title!: string;
  @Field(() => [SurveyQuestion]) questions!: SurveyQuestion[];
  @Field(() => SurveySchedule, { nullable: true }) schedule!: SurveySchedule | null;
  @Field(() => [SurveyProblem], { description: 'Empty when the draft can be published' }) problems!: SurveyProblem[];
}

@ObjectType({ description: 'A survey you are asked to answer, once, while it is open' })
export class SurveyInvitation {
  @Field(() => ID) occurrenceId!: string;
  @Field(() => ID) surveyId!: string;
  @Field(() => ID) programId!: string;
  @Field(() => ID, { nullable: true }) mentorshipId!: string | null;
  @Field() title!: string;
  @Field({ description: 'UTC' }) opensAt!: string;
  @Field({ description: 'UTC; answers are taken until just before' }) closesAt!: string;
  @Field(() => [SurveyQuestion]) questions!: SurveyQuestion[];
  @Field(() => String, { nullable: true, description: 'UTC; when you answered (null: not yet)' })
  answeredAt!: string | null;
}

@ObjectType()
export class SurveyValueCount {
  @Field(() => Int) value!: number;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class SurveyOptionCount {
  @Field(() => ID) optionId!: string;
  @Field() label!: string;
  @Field(() => Int) count!: number;
  @Field(() => Float, { description: 'Of the people who answered the question' }) percent!: number;
}

@ObjectType({ description: 'The figures of one question; only those of its kind are set, none when HIDDEN' })
export class SurveyQuestionResult {
  @Field(() => ID) questionId!: string;
  @Field(() => SurveyQuestionKindEnum) kind!: string;
  @Field(() => SurveyFiguresStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: '"hidden: n < 5" in place of the figures' }) note!: string | null;
  @Field(() => Int, { nullable: true }) answered!: number | null;
  @Field(() => [SurveyValueCount], { nullable: true }) distribution!: SurveyValueCount[] | null;
  @Field(() => Float, { nullable: true }) mean!: number | null;
  @Field(() => Int, { nullable: true }) promoters!: number | null;
  @Field(() => Int, { nullable: true }) passives!: number | null;
  @Field(() => Int, { nullable: true }) detractors!: number | null;
  @Field(() => Float, { nullable: true, description: 'NPS: percent promoters minus percent detractors' })
  score!: number | null;
  @Field(() => [SurveyOptionCount], { nullable: true }) options!: SurveyOptionCount[] | null;
  @Field(() => [String], { nullable: true, description: 'Free texts without names, in alphabetical order' })
  texts!: string[] | null;
}

@ObjectType({ description: 'The results of the program, or of one cohort' })
export class SurveyResultGroup {
  @Field(() => ID, { nullable: true, description: 'null: the whole program, or people in no cohort' })
  cohortId!: string | null;
  @Field(() => SurveyFiguresStatusEnum) status!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Int, { nullable: true, description: 'Distinct people who answered' }) respondents!: number | null;
  @Field(() => [SurveyQuestionResult]) questions!: SurveyQuestionResult[];
}

@ObjectType({ description: 'Anonymous results of a survey: figures only, hidden below the respondent threshold' })
export class SurveyResults {
  @Field(() => ID) surveyId!: string;
  @Field({ description: 'UTC: the figures as they stood then' }) asOf!: string;
  @Field(() => Int) minRespondents!: number;
  @Field(() => [SurveyResultGroup]) groups!: SurveyResultGroup[];
}

@ObjectType({ description: 'An option of a choice question on both sides: percent of the question’s respondents' })
export class SurveyOptionChange {
  @Field(() => ID) optionId!: string;
  @Field() label!: string;
  @Field(() => Float, { nullable: true, description: 'null: the option was not offered this term' })
  current!: number | null;
  @Field(() => Float, { nullable: true, description: 'null: the option was not offered in the previous term' })
  previous!: number | null;
  @Field(() => Float, { nullable: true, description: 'Percentage points' }) delta!: number | null;
}

@ObjectType({ description: 'One question this term against the previous one; figures only when SHOWN' })
export class SurveyQuestionChange {
  @Field(() => ID) questionId!: string;
  @Field(() => SurveyQuestionKindEnum) kind!: string;
  @Field(() => SurveyComparisonStatusEnum) status!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [SurveyComparisonSideEnum], { description: 'The sides under their threshold' })
  hiddenSides!: string[];
  @Field(() => Float, { nullable: true, description: 'Scale: the mean; NPS: the score' }) current!: number | null;
  @Field(() => Float, { nullable: true }) previous!: number | null;
  @Field(() => Float, { nullable: true }) delta!: number | null;
  @Field(() => [SurveyOptionChange], { nullable: true }) options!: SurveyOptionChange[] | null;
}

@ObjectType({ description: 'A survey against the earlier survey it is a new version of (usually last term’s)' })
export class SurveyTermComparison {
  @Field(() => ID) previousSurveyId!: string;
  @Field() previousTitle!: string;
  @Field(() => ID) previousProgramId!: string;
  @Field({ description: 'UTC: both sides as they stood then' }) asOf!: string;
  @Field(() => SurveyComparisonStatusEnum) status!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [SurveyComparisonSideEnum]) hiddenSides!: string[];
  @Field(() => Int, { nullable: true }) respondents!: number | null;
  @Field(() => Int, { nullable: true }) previousRespondents!: number | null;
  @Field(() => [SurveyQuestionChange]) questions!: SurveyQuestionChange[];
}
