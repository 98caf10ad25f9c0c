import { Module } from '@nestjs/common';
import { EventStore } from '@trellis/shared/event-store';
import { EventSourcingModule, MONGO_CONNECTION } from '@trellis/shared/platform';
import type { Connection } from 'mongoose';
import { CONSUMER_CONTEXT, type ConsumerContext } from '../core/consumer-context';
import { consumerCaughtUp } from '../core/consumer-caught-up';
import { SessionsReadModels } from '../core/read-models';
import { SealedTexts } from '../core/sealed-texts';
import type { SessionsDirectory } from '../core/sessions-directory';
import { SESSIONS_DIRECTORY, SESSIONS_WIRING, type SessionsWiring } from '../core/sessions-wiring';
import { ProgramParticipants } from '../profiles/program-participants.projection';
import { SurveyAnswersResolver } from './survey-answers.resolver';
import { SurveyDateScheduler } from './survey-date.scheduler';
import { SurveyInvitationsService } from './survey-invitations.service';
import { surveyOccurrencesReactor } from './survey-occurrences.reactor';
import { SurveyReadModels } from './survey-read-models';
import { SurveyResultsService } from './survey-results.service';
import { SurveyStore } from './survey-store';
import { SurveysResolver } from './surveys.resolver';
import { SurveysService } from './surveys.service';

/**
 * Program surveys: their managers build and publish them, the mentorship lifecycle and the survey date run plan their
 * occurrences, the people asked answer once, and the managers read anonymous results.
 */
@Module({
  imports: [
    EventSourcingModule.forFeature({
      providers: [
        {
          provide: SurveyReadModels,
          useFactory: async (c: Connection) => {
            const readModels = new SurveyReadModels(c);
            await readModels.ensureIndexes();
            return readModels;
          },
          inject: [MONGO_CONNECTION],
        },
        {
          provide: SurveyStore,
          useFactory: (store: EventStore, rm: SurveyReadModels) => new SurveyStore(store, rm),
          inject: [EventStore, SurveyReadModels],
        },
        {
          provide: ProgramParticipants,
          useFactory: async (c: Connection) => {
            const participants = new ProgramParticipants(c);
            await participants.ensureIndexes();
            return participants;
          },
          inject: [MONGO_CONNECTION],
        },
        {
          provide: SurveyDateScheduler,
          useFactory: (
            store: SurveyStore,
            rm: SurveyReadModels,
            participants: ProgramParticipants,
            context: ConsumerContext,
            w: SessionsWiring,
          ) =>
            new SurveyDateScheduler(
              store,
              rm,
              participants,
              context.logger.child({ component: 'survey-dates' }),
              w.surveyDateIntervalMs,
              consumerCaughtUp(context.kafka, w.profilesTopic, w.participantsGroup),
            ),
          inject: [SurveyStore, SurveyReadModels, ProgramParticipants, CONSUMER_CONTEXT, SESSIONS_WIRING],
        },
      ],
      consumers: [
        { useFactory: (dates: SurveyDateScheduler) => ({ consumer: dates }), inject: [SurveyDateScheduler] },
        {
          useFactory: (context: ConsumerContext, store: SurveyStore, w: SessionsWiring) => ({
            consumer: surveyOccurrencesReactor({
              kafka: context.kafka,
              store,
              topic: w.matchingTopic,
              group: w.surveyGroup,
              logger: context.logger,
              metrics: context.metrics,
              status: context.status,
              topicSettings: context.topicSettings,
              ...context.retry,
            }),
          }),
          inject: [CONSUMER_CONTEXT, SurveyStore, SESSIONS_WIRING],
        },
      ],
    }),
  ],
  providers: [
    {
      provide: SurveysService,
      useFactory: (store: SurveyStore, d: SessionsDirectory) => new SurveysService(store, d.memberships),
      inject: [SurveyStore, SESSIONS_DIRECTORY],
    },
    {
      provide: SurveyInvitationsService,
      useFactory: (store: SurveyStore, rm: SurveyReadModels, texts: SealedTexts) =>
        new SurveyInvitationsService(store, rm, texts),
      inject: [SurveyStore, SurveyReadModels, SealedTexts],
    },
    {
      provide: SurveyResultsService,
      useFactory: (
        store: SurveyStore,
        rm: SurveyReadModels,
        sessions: SessionsReadModels,
        texts: SealedTexts,
        d: SessionsDirectory,
      ) => new SurveyResultsService(store, rm, sessions, texts, d.memberships, d.programSettings),
      inject: [SurveyStore, SurveyReadModels, SessionsReadModels, SealedTexts, SESSIONS_DIRECTORY],
    },
    SurveysResolver,
    SurveyAnswersResolver,
  ],
})
export class SurveysModule {}
