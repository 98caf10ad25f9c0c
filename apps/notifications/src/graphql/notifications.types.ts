import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  DIGEST_MODES,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_PRIORITIES,
  type NotificationCategory,
} from '@trellis/notifications/contracts';

// GraphQL enum names cannot hold '-': each GraphQL name maps to the domain's value.
const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase().replace(/-/g, '_'), v])) as Record<string, T>;

export const NotificationCategoryEnum = enumOf(NOTIFICATION_CATEGORIES);
export const NotificationPriorityEnum = enumOf(NOTIFICATION_PRIORITIES);
export const DigestModeEnum = enumOf(DIGEST_MODES);
registerEnumType(NotificationCategoryEnum, { name: 'NotificationCategory' });
registerEnumType(NotificationPriorityEnum, { name: 'NotificationPriority' });
registerEnumType(DigestModeEnum, { name: 'DigestMode' });

@ObjectType()
export class Notification {
  @Field(() => ID) id!: string;
  @Field(() => NotificationCategoryEnum) category!: NotificationCategory;
  @Field(() => NotificationPriorityEnum) priority!: string;
  @Field() template!: string;
  @Field() title!: string;
  @Field(() => [String]) lines!: string[];
  @Field() link!: string;
  @Field() subjectKind!: string;
  @Field(() => ID) subjectId!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
}

@ObjectType()
export class NotificationEdge {
  @Field() cursor!: string;
  @Field(() => Notification) node!: Notification;
}

@ObjectType()
export class NotificationPageInfo {
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [NotificationEdge]) edges!: NotificationEdge[];
  @Field(() => NotificationPageInfo) pageInfo!: NotificationPageInfo;
}

@ObjectType()
export class ChannelPreference {
  @Field(() => NotificationCategoryEnum) category!: NotificationCategory;
  @Field() inApp!: boolean;
  @Field() email!: boolean;
}

@ObjectType()
export class QuietHoursType {
  @Field(() => Int) startMinute!: number;
  @Field(() => Int) endMinute!: number;
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesType {
  @Field(() => [ChannelPreference]) channels!: ChannelPreference[];
  @Field(() => DigestModeEnum) digest!: string;
  @Field(() => QuietHoursType, { nullable: true }) quietHours!: QuietHoursType | null;
  @Field(() => Int) dailyEmailBudget!: number;
  @Field(() => [NotificationCategoryEnum]) unsubscribed!: NotificationCategory[];
}

@InputType()
export class ChannelPreferenceInput {
  @Field(() => NotificationCategoryEnum) category!: NotificationCategory;
  @Field() inApp!: boolean;
  @Field() email!: boolean;
}

@InputType()
export class QuietHoursInput {
  @Field(() => Int) startMinute!: number;
  @Field(() => Int) endMinute!: number;
}

@InputType()
export class NotificationPreferencesInput {
  @Field(() => [ChannelPreferenceInput], { nullable: true }) channels?: ChannelPreferenceInput[];
  @Field(() => DigestModeEnum, { nullable: true }) digest?: string;
  @Field(() => QuietHoursInput, { nullable: true, description: 'null clears quiet hours' })
  quietHours?: QuietHoursInput | null;
  @Field(() => Int, { nullable: true }) dailyEmailBudget?: number;
  @Field(() => [NotificationCategoryEnum], { nullable: true }) resubscribe?: NotificationCategory[];
}

@ObjectType()
export class Webhook {
  @Field(() => ID) id!: string;
  @Field() url!: string;
  @Field(() => [NotificationCategoryEnum]) categories!: NotificationCategory[];
  @Field() enabled!: boolean;
  @Field(() => Int) consecutiveFailures!: number;
  @Field(() => Date, { nullable: true }) disabledAt!: Date | null;
}

@ObjectType()
export class WebhookRegistration {
  @Field(() => Webhook) webhook!: Webhook;
  @Field({ description: 'Shown once: verify x-trellis-signature (t=…,v1=HMAC-SHA256 of "t.body") with it' })
  secret!: string;
}
