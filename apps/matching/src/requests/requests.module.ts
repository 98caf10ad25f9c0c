import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { matchingContracts } from '@trellis/matching/contracts';
import { DEFAULT_HARD_RULES } from '@trellis/matching/domain';
import { ContractRegistry } from '@trellis/shared/messaging';
import type { Logger } from '@trellis/shared/observability';
import { MONGO_CONNECTION, ROOT_LOGGER } from '@trellis/shared/platform';
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

/**
 * Mentees' requests to mentors and how both sides' yes becomes a mentorship (requests and proposals alike): the
 * acceptance, its follow-ups, and the timer that expires unanswered requests.
 */
@Module({
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
    {
      provide: MentorshipFollowupsReactor,
      useFactory: (commands: MatchingCommands, acceptance: AcceptanceService, expiry: RequestExpiryScheduler) =>
        new MentorshipFollowupsReactor(commands, acceptance, expiry),
      inject: [MatchingCommands, AcceptanceService, RequestExpiryScheduler],
    },
    RequestsResolver,
    RequestMessageResolver,
  ],
  exports: [AcceptanceService, MentorshipRequestsService, RequestExpiryScheduler],
})
export class RequestsModule implements OnModuleInit {
  constructor(
    @Inject(MatchingConsumers) private readonly consumers: MatchingConsumers,
    @Inject(MATCHING_SETTINGS) private readonly settings: MatchingSettings,
    @Inject(MentorshipFollowupsReactor) private readonly followups: MentorshipFollowupsReactor,
    @Inject(RequestExpiryScheduler) private readonly expiry: RequestExpiryScheduler,
  ) {}

  onModuleInit(): void {
    const { groupPrefix: prefix, matchingTopic } = this.settings;
    this.consumers.reactor(
      `${prefix}.mentorship-followups`,
      [matchingTopic],
      new ContractRegistry(matchingContracts),
      (e) => this.followups.handle(e),
    );
    this.consumers.timer(this.expiry);
  }
}
