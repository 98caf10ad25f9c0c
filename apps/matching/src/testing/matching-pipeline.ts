import { randomUUID } from 'node:crypto';
import {
  participantIdFor,
  participantStreamId,
  profilesContracts,
  programStreamId,
  type MatchingProfile,
  type ProfilesEventData,
  type ProfilesEventType,
} from '@trellis/profiles/contracts';
import { ContractRegistry, EventPublisher, type EventEnvelope } from '@trellis/shared/messaging';
import {
  createTestDatabase,
  createTestKafka,
  createTestTopics,
  deleteTestTopics,
  uniqueName,
  type TestDatabase,
} from '@trellis/shared/testing';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformModule } from '@trellis/shared/platform';
import type { Kafka } from 'kafkajs';
import type { MatchingOptions } from '../core/matching-options';
import { MatchingModule } from '../matching.module';
import { matchingHandles, type MatchingHandles } from './matching-handles';

export function matchingProfile(overrides: Partial<MatchingProfile> = {}): MatchingProfile {
  return {
    department: 'engineering',
    orgUnit: null,
    seniority: 3,
    field: 'software',
    skillsOffered: [{ skill: 'system design', level: 4 }],
    skillsSought: ['system design'],
    interests: ['career growth'],
    languages: ['en'],
    timezone: 'Europe/Berlin',
    availability: [{ day: 2, startMinute: 540, endMinute: 720 }],
    formats: ['virtual'],
    communicationStyle: 'structured',
    managerPersonId: null,
    matchingAnswers: [],
    consentedDemographics: {},
    ...overrides,
  };
}

/**
 * Plays the profiles service: publishes profiles integration events (validated against the profiles contracts) on
 * the test's own profiles topic, with per-stream revisions, as the profiles outbox relay would.
 */
export class ProfilesFeed {
  private readonly revisions = new Map<string, number>();
  private readonly publisher: EventPublisher;

  constructor(
    kafka: Kafka,
    readonly topic: string,
    readonly tenantId: string,
  ) {
    this.publisher = new EventPublisher(kafka, new ContractRegistry(profilesContracts));
  }

  async emit<T extends ProfilesEventType>(
    streamType: 'program' | 'participant',
    streamId: string,
    programId: string,
    type: T,
    data: ProfilesEventData<T>,
  ): Promise<EventEnvelope> {
    const revision = (this.revisions.get(streamId) ?? 0) + 1;
    this.revisions.set(streamId, revision);
    const envelope: EventEnvelope = {
      id: randomUUID(),
      type,
      schemaVersion: 1,
      streamId,
      streamType,
      revision,
      occurredAt: new Date().toISOString(),
      tenantId: this.tenantId,
      programId,
      correlationId: randomUUID(),
      data: data as Record<string, unknown>,
    };
    await this.publisher.publish([{ topic: this.topic, envelopes: [envelope] }]);
    return envelope;
  }

  async program(
    programId: string,
    settings: Partial<ProfilesEventData<'ProgramCreated'>['settings']> = {},
    questions: ProfilesEventData<'ProgramCreated'>['questions'] = [],
  ) {
    await this.emit('program', programStreamId(programId), programId, 'ProgramCreated', {
      programId,
      copiedFromProgramId: null,
      settings: {
        format: 'one-on-one',
        meetingCadenceDays: 14,
        relationshipDurationWeeks: 24,
        defaultMentorCapacity: 2,
        maxOpenRequestsPerMentee: 3,
        requestExpiryDays: 14,
        offerNextBestOnDecline: false,
        maxCircleSize: 6,
        ...settings,
      },
      matchingRules: {
        weights: {
          skills: 4,
          field: 1,
          languages: 1,
          availability: 2,
          communicationStyle: 0.5,
          seniority: 1,
          questionnaire: 1,
          interests: 1,
        },
        hardRules: {
          sameDepartmentNotAllowed: false,
          reportingLineExcluded: true,
          sharedLanguageRequired: true,
          maxTimezoneGapHours: null,
          minSeniorityGap: null,
        },
        objective: 'best-total',
      },
      questions,
    });
  }

  async manager(programId: string, personId: string) {
    await this.emit('program', programStreamId(programId), programId, 'ProgramManagerAssigned', {
      programId,
      personId,
    });
  }

  async enrol(
    programId: string,
    personId: string,
    roles: Array<'mentor' | 'mentee'>,
    mentorCapacity = 0,
    profile: MatchingProfile = matchingProfile(),
  ): Promise<string> {
    const participantId = participantIdFor(programId, personId);
    await this.emit('participant', participantStreamId(participantId), programId, 'ParticipantEnrolled', {
      participantId,
      personId,
      programId,
      cohortId: null,
      roles,
      mentorCapacity,
      invited: false,
      profile,
    });
    return participantId;
  }

  disconnect(): Promise<void> {
    return this.publisher.disconnect();
  }
}

/** The platform and the matching module without GraphQL, as the pipeline and the benchmark run them. */
@Module({})
class MatchingContextModule {}

/** The matching service without its web layer, on the given database; started (consumers, relay, timers). */
export function createMatchingContext(
  databaseName: string,
  options: MatchingOptions,
): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    {
      module: MatchingContextModule,
      imports: [
        PlatformModule.forService({
          service: 'matching',
          mongo: true,
          kafka: true,
          config: { mongoDatabase: databaseName },
        }),
        MatchingModule.register(options),
      ],
    },
    { logger: false },
  );
}

export interface MatchingPipeline {
  db: TestDatabase;
  kafka: Kafka;
  profilesTopic: string;
  matchingTopic: string;
  groupPrefix: string;
  feed: ProfilesFeed;
  tenantId: string;
  /** The running service without its web layer. */
  app: INestApplicationContext;
  services: MatchingHandles;
  /** A second app on the same database and groups (a restart). */
  restart(options?: MatchingOptions): Promise<MatchingHandles>;
  /** Every envelope on the matching topic so far, read by a private consumer. */
  published(): EventEnvelope[];
  close(): Promise<void>;
}

export async function startMatchingPipeline(label: string, options: MatchingOptions = {}): Promise<MatchingPipeline> {
  const kafka = createTestKafka();
  const db = await createTestDatabase(label);
  const profilesTopic = uniqueName(`${label}.profiles`);
  const matchingTopic = uniqueName(`${label}.matching`);
  await createTestTopics(kafka, [profilesTopic, matchingTopic], 3);
  const groupPrefix = uniqueName(`${label}.matching`);
  const tenantId = uniqueName('org');
  const feed = new ProfilesFeed(kafka, profilesTopic, tenantId);
  const make = (overrides: MatchingOptions = {}) =>
    createMatchingContext(db.name, {
      profilesTopic,
      matchingTopic,
      groupPrefix,
      expiryPollMs: 200,
      ...options,
      ...overrides,
    });
  let app = await make();

  const seen: EventEnvelope[] = [];
  const watcher = kafka.consumer({ groupId: uniqueName(`${label}.watcher`), maxWaitTimeInMs: 100 });
  await watcher.connect();
  await watcher.subscribe({ topics: [matchingTopic], fromBeginning: true });
  await watcher.run({
    eachMessage: ({ message }) => {
      seen.push(JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope);
      return Promise.resolve();
    },
  });

  const pipeline: MatchingPipeline = {
    db,
    kafka,
    profilesTopic,
    matchingTopic,
    groupPrefix,
    feed,
    tenantId,
    app,
    services: matchingHandles(app),
    async restart(overrides = {}) {
      await app.close();
      app = await make(overrides);
      pipeline.app = app;
      pipeline.services = matchingHandles(app);
      return pipeline.services;
    },
    published: () => seen,
    async close() {
      await watcher.disconnect();
      await app.close();
      await feed.disconnect();
      await deleteTestTopics(kafka, [profilesTopic, matchingTopic]).catch(() => undefined);
      await db.drop();
    },
  };
  return pipeline;
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
