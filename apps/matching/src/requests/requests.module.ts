import { Module } from '@nestjs/common';
import { matchingContracts } from '@trellis/matching/contracts';
import { DEFAULT_HARD_RULES } from '@trellis/matching/domain';
import { ContractRegistry } from '@trellis/shared/messaging';
import type { Logger } from '@trellis/shared/observability';
import { EventSourcingModule, type FeatureConsumer, MONGO_CONNECTION, ROOT_LOGGER } from '@trellis/shared/platform';
import { PersonKeyStore } from '@trellis/shared/privacy';
import type { Connection } from 'mongoose';
import { AcceptanceJournal } from '../acceptance/acceptance-journal';
import { AcceptanceService } from '../acceptance/acceptance.service';
import { MentorshipFollowupsReactor } from '../acceptance/mentorship-followups.reactor';
import { MatchingCommands } from '../commands/matching-commands';
import { MatchingConsumers } from '../core/matching-consumers';
import { MATCHING_SETTINGS, type MatchingSettings } from '../core/matching-options';
import { CandidatePool } from '../pool/candidate-pool.projection';
import { MentorshipRequestsService } from './mentorship-requests.service';
import { RequestExpiryScheduler } from './request-expiry.scheduler';
import { RequestMessageResolver } from './request-message.resolver';
import { RequestsResolver } from './requests.resolver';

/** The request and acceptance commands, which the follow-up reactor and the expiry timer issue too. */
const requestsEventSourcing = EventSourcingModule.forFeature({
  providers: [
    {
      provide: AcceptanceService,
      useFactory: (commands: MatchingCommands, c: Connection) =>
        new AcceptanceService(commands, {}, new AcceptanceJournal(c)),
      inject: [MatchingCommands, MONGO_CONNECTION],
    },
    {
      provide: MentorshipRequestsService,
      useFactory: (commands: MatchingCommands, pool: CandidatePool, keys: PersonKeyStore) =>
        new MentorshipRequestsService(
          commands,
          {
            policyOf: async (tenantId, programId) => {
              const program = await pool.program(tenantId, programId);
              return program?.settings
                ? {
                    maxOpenRequestsPerMentee: program.settings.maxOpenRequestsPerMentee,
                    requestExpiryDays: program.settings.requestExpiryDays,
                    hardRules: program.rules?.hardRules ?? DEFAULT_HARD_RULES,
                  }
                : null;
            },
          },
          {
            participantOf: async (tenantId, programId, personId) => {
              const row = await pool.participant(tenantId, programId, personId);
              return row
                ? {
                    participantId: row.participantId,
                    roles: row.roles,
                    active: row.status === 'active',
                    profile: row.profile,
                  }
                : null;
            },
          },
          keys,
        ),
      inject: [MatchingCommands, CandidatePool, PersonKeyStore],
    },
    {
      provide: RequestExpiryScheduler,
      useFactory: (
        c: Connection,
        requests: MentorshipRequestsService,
        acceptance: AcceptanceService,
        logger: Logger,
        settings: MatchingSettings,
      ) =>
        new RequestExpiryScheduler(c, requests, logger.child({ component: 'request-expiry' }), {
          ...(settings.expiryPollMs ? { pollMs: settings.expiryPollMs } : {}),
          alsoEachPass: (now) => acceptance.sweep(now),
        }),
      inject: [MONGO_CONNECTION, MentorshipRequestsService, AcceptanceService, ROOT_LOGGER, MATCHING_SETTINGS],
    },
  ],
  consumers: [
    {
      useFactory: (
        consumers: MatchingConsumers,
        settings: MatchingSettings,
        commands: MatchingCommands,
        acceptance: AcceptanceService,
        expiry: RequestExpiryScheduler,
      ): FeatureConsumer[] => {
        const followups = new MentorshipFollowupsReactor(commands, acceptance, expiry);
        return [
          consumers.reactor(
            `${settings.groupPrefix}.mentorship-followups`,
            [settings.matchingTopic],
            new ContractRegistry(matchingContracts),
            (e) => followups.handle(e),
          ),
          { consumer: expiry },
        ];
      },
      inject: [MatchingConsumers, MATCHING_SETTINGS, MatchingCommands, AcceptanceService, RequestExpiryScheduler],
    },
  ],
});

/**
 * Mentees' requests to mentors and how both sides' yes becomes a mentorship (requests and proposals alike): the
 * acceptance, its follow-ups, and the timer that expires unanswered requests.
 */
@Module({
  imports: [requestsEventSourcing],
  providers: [RequestsResolver, RequestMessageResolver],
  // The feature's event sourcing re-exported: it provides the acceptance, the request commands and the expiry timer.
  exports: [requestsEventSourcing],
})
export class RequestsModule {}
