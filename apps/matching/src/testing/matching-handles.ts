import type { INestApplicationContext } from '@nestjs/common';
import { EventStore } from '@trellis/shared/event-store';
import { MembershipDirectory } from '@trellis/shared/memberships';
import { PersonKeyStore } from '@trellis/shared/privacy';
import { AcceptanceService } from '../acceptance/acceptance.service';
import { CircleFillService } from '../circles/circle-fill.service';
import { Circles } from '../circles/circles.projection';
import { CirclesService } from '../circles/circles.service';
import { MatchingCommands } from '../commands/matching-commands';
import { ProgramManagerDirectory } from '../core/program-managers';
import { MentorshipsService } from '../mentorships/mentorships.service';
import { Relationships } from '../mentorships/relationships.projection';
import { CandidatePool } from '../pool/candidate-pool.projection';
import { PreferencesService } from '../preferences/preferences.service';
import { RecommendationsService } from '../recommendations/recommendations.service';
import { MentorshipRequestsService } from '../requests/mentorship-requests.service';
import { RequestExpiryScheduler } from '../requests/request-expiry.scheduler';
import { RoundsService } from '../rounds/rounds.service';

/** The providers the matching tests drive and inspect directly, taken from a running app. */
export interface MatchingHandles {
  store: EventStore;
  commands: MatchingCommands;
  keys: PersonKeyStore;
  pool: CandidatePool;
  relationships: Relationships;
  memberships: MembershipDirectory;
  managers: ProgramManagerDirectory;
  acceptance: AcceptanceService;
  requests: MentorshipRequestsService;
  expiry: RequestExpiryScheduler;
  mentorships: MentorshipsService;
  recommendations: RecommendationsService;
  rounds: RoundsService;
  preferences: PreferencesService;
  circles: CirclesService;
  circleFills: CircleFillService;
  circleReadModel: Circles;
}

export function matchingHandles(app: INestApplicationContext): MatchingHandles {
  return {
    store: app.get(EventStore),
    commands: app.get(MatchingCommands),
    keys: app.get(PersonKeyStore),
    pool: app.get(CandidatePool),
    relationships: app.get(Relationships),
    memberships: app.get(MembershipDirectory),
    managers: app.get(ProgramManagerDirectory),
    acceptance: app.get(AcceptanceService),
    requests: app.get(MentorshipRequestsService),
    expiry: app.get(RequestExpiryScheduler),
    mentorships: app.get(MentorshipsService),
    recommendations: app.get(RecommendationsService),
    rounds: app.get(RoundsService),
    preferences: app.get(PreferencesService),
    circles: app.get(CirclesService),
    circleFills: app.get(CircleFillService),
    circleReadModel: app.get(Circles),
  };
}
