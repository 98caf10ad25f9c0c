import { waitUntil } from '@trellis/shared/testing';
import { SessionsReadModels } from '../core/read-models';
import type { SessionsDirectory } from '../core/sessions-directory';
import { SESSIONS_DIRECTORY } from '../core/sessions-wiring';
import type { SessionsHarness } from './sessions-harness';
import type { UpstreamFeed } from './upstream-feed';

interface Someone {
  personId: string;
}

export interface ProgramSetup {
  manager: Someone;
  /** Enrolled in this order. */
  participants: Array<[Someone, 'mentor' | 'mentee']>;
  mentorships: Array<{ mentorshipId: string; mentor: Someone; mentee: Someone }>;
}

/**
 * A program as profiles and matching announce it: its manager, its participants and their mentorships. Done once the
 * app has the engagement of every mentorship and knows every person as a member of the program, which takes a
 * harness that feeds memberships.
 */
export async function startProgram(sessions: SessionsHarness, feed: UpstreamFeed, setup: ProgramSetup): Promise<void> {
  await feed.publish(
    sessions.wiring.profilesTopic,
    feed.managerAssigned(setup.manager),
    ...setup.participants.map(([who, role]) => feed.enrolled(who, role)),
  );
  await feed.publish(
    sessions.wiring.matchingTopic,
    ...setup.mentorships.map(({ mentorshipId, mentor, mentee }) =>
      feed.mentorshipStarted(mentorshipId, mentor, mentee),
    ),
  );
  const engagements = sessions.app.get(SessionsReadModels).engagementsOf(feed.tenantId);
  const { memberships } = sessions.app.get<symbol, SessionsDirectory>(SESSIONS_DIRECTORY);
  for (const { mentorshipId } of setup.mentorships) {
    await waitUntil(async () => (await engagements.findOne({ _id: mentorshipId })) !== null);
  }
  for (const who of [setup.manager, ...setup.participants.map(([person]) => person)]) {
    await waitUntil(async () => (await memberships.membership(feed.tenantId, feed.programId, who.personId)) !== null);
  }
}
