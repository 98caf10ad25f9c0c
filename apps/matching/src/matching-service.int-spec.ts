import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { matchingContracts } from '@trellis/matching/contracts';
import { mentorBookStreamId, proposalIdFor, proposalStreamId, type RoundState } from '@trellis/matching/domain';
import { deriveId } from './commands/deterministic-id';
import { rebuildProjection } from '@trellis/shared/event-store';
import { ContractRegistry } from '@trellis/shared/messaging';
import { participantIdFor, profilesContracts } from '@trellis/profiles/contracts';
import type { CommandContext } from './acceptance/acceptance.service';
import { candidatePoolProjection } from './pool/candidate-pool.projection';
import { relationshipsProjection } from './mentorships/relationships.projection';
import { eventually, matchingProfile, startMatchingPipeline, type MatchingPipeline } from './testing/matching-pipeline';

describe('Matching service on the real broker and FerretDB', () => {
  let p: MatchingPipeline;
  let publishedRound: RoundState | undefined;
  const programId = `program-${randomUUID()}`;
  const ctx = (personId: string): CommandContext & { commandId: string } => ({
    tenantId: p.tenantId,
    actorPersonId: personId,
    correlationId: randomUUID(),
    commandId: randomUUID(),
  });

  beforeAll(async () => {
    p = await startMatchingPipeline('matching_svc');
    await p.feed.program(programId, { requestExpiryDays: 14 });
    await p.feed.manager(programId, 'manager-1');
    // Two mentors (capacity 1 and 2) and three mentees; mentee-3 speaks only German, like mentor-b.
    await p.feed.enrol(programId, 'mentor-a', ['mentor'], 1);
    await p.feed.enrol(programId, 'mentor-b', ['mentor'], 2, matchingProfile({ languages: ['de', 'en'] }));
    await p.feed.enrol(programId, 'mentee-1', ['mentee']);
    await p.feed.enrol(programId, 'mentee-2', ['mentee']);
    await p.feed.enrol(programId, 'mentee-3', ['mentee'], 0, matchingProfile({ languages: ['de'] }));
    await p.feed.enrol(programId, 'mentee-4', ['mentee']);
    await eventually(async () => {
      const mentees = await p.services.pool.activeWithRole(p.tenantId, programId, 'mentee');
      const { state } = await p.services.commands.mentorBooks.load(mentorBookStreamId(programId, 'mentor-b'));
      const manager = await p.services.memberships.membership(p.tenantId, programId, 'manager-1');
      return mentees.length === 4 && state.status === 'open' && manager !== null;
    });
  });
  afterAll(() => p.close());

  it('round → publish → both accept → MentorshipStarted on matching.events.v1', async () => {
    await expect(
      p.services.rounds.startRound(ctx('mentee-1'), { programId, cohortId: null, objective: null }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const round = await p.services.rounds.startRound(ctx('manager-1'), { programId, cohortId: null, objective: null });
    expect(round.status).toBe('computed');
    expect(round.engineVersion).toBeTruthy();
    expect(round.inputSnapshotHash).toMatch(/^[\w-]{20,}$/);
    // Three places for four mentees: three pairs, mentee-3 with the German-speaking mentor.
    expect(Object.keys(round.pairs)).toHaveLength(3);
    expect(round.pairs['mentee-3']?.mentorPersonId).toBe('mentor-b');

    // The manager locks mentee-3's pair, removes one of the others, and re-solves: the lock holds.
    const removed = Object.keys(round.pairs).find((m) => m !== 'mentee-3') ?? '';
    await p.services.rounds.override(ctx('manager-1'), round.roundId, {
      type: 'lock',
      menteePersonId: 'mentee-3',
      reason: 'participant-preference',
    });
    await p.services.rounds.override(ctx('manager-1'), round.roundId, {
      type: 'remove',
      menteePersonId: removed,
      reason: 'known-conflict',
    });
    const resolved = await p.services.rounds.compute(ctx('manager-1'), round.roundId);
    expect(resolved.iteration).toBe(2);
    expect(resolved.pairs['mentee-3']).toMatchObject({ mentorPersonId: 'mentor-b', locked: true });
    expect(resolved.pairs[removed]?.mentorPersonId).not.toBe(round.pairs[removed]?.mentorPersonId);
    expect(resolved.overrides.map((o) => o.type)).toEqual(['PairLocked', 'PairRemoved']);

    const published = await p.services.rounds.publish(ctx('manager-1'), round.roundId);
    publishedRound = published;
    expect(published.status).toBe('published');

    const proposalId = proposalIdFor(round.roundId, 'mentee-3');
    await expect(p.services.acceptance.acceptProposal(ctx('mentee-1'), proposalId, 'mentee')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await p.services.acceptance.acceptProposal(ctx('mentee-3'), proposalId, 'mentee')).toEqual({
      mentorshipId: null,
    });
    const { mentorshipId } = await p.services.acceptance.acceptProposal(ctx('mentor-b'), proposalId, 'mentor');
    expect(mentorshipId).toBeTruthy();

    const started = await eventually(() =>
      Promise.resolve(
        p.published().find((e) => e.type === 'MentorshipStarted' && e.data['mentorshipId'] === mentorshipId),
      ),
    );
    expect(started).toMatchObject({
      tenantId: p.tenantId,
      programId,
      data: { mentorPersonId: 'mentor-b', menteePersonId: 'mentee-3', origin: 'proposal', originId: proposalId },
    });
    for (const type of ['MatchingRoundStarted', 'MatchingRoundComputed', 'MatchingRoundPublished', 'MatchProposed']) {
      expect(p.published().some((e) => e.type === type)).toBe(true);
    }
    // Private book-keeping never leaves the service.
    expect(p.published().some((e) => ['SeatReserved', 'MatchClaimed', 'PairLocked'].includes(e.type))).toBe(false);

    // Both people see the mentorship in their history (read model from the topic).
    const rows = await eventually(async () => {
      const mine = await p.services.relationships.mentorshipsOf(p.tenantId, 'mentee-3');
      return mine.length === 1 ? mine : undefined;
    });
    expect(rows[0]).toMatchObject({ mentorshipId, mentorPersonId: 'mentor-b', status: 'active' });
    expect(await p.services.relationships.mentorshipsOf(p.tenantId, 'mentor-b')).toHaveLength(1);
    expect(await p.services.relationships.mentorshipsOf('org-other', 'mentee-3')).toHaveLength(0);
  });

  it('a declined proposal offers the next-best feasible mentor when the program says so', async () => {
    const round = publishedRound!;
    const withA = Object.values(round.pairs).find((pair) => pair.mentorPersonId === 'mentor-a');
    expect(withA).toBeDefined();
    await p.feed.emit('program', `program-${programId}`, programId, 'ProgramSettingsChanged', {
      programId,
      settings: {
        format: 'one-on-one',
        meetingCadenceDays: 14,
        relationshipDurationWeeks: 24,
        defaultMentorCapacity: 2,
        maxOpenRequestsPerMentee: 3,
        requestExpiryDays: 14,
        offerNextBestOnDecline: true,
        maxCircleSize: 6,
      },
    });
    await eventually(
      async () => (await p.services.pool.program(p.tenantId, programId))?.settings?.offerNextBestOnDecline,
    );

    const declinedId = proposalIdFor(round.roundId, withA!.menteePersonId);
    const declined = await p.services.mentorships.declineProposal(
      ctx('mentor-a'),
      declinedId,
      'no-capacity',
      'Too busy',
    );
    expect(declined.status).toBe('declined');
    const { state: offer } = await p.services.commands.proposals.load(
      proposalStreamId(deriveId('next-best', declinedId)),
    );
    expect(offer).toMatchObject({
      status: 'proposed',
      roundId: round.roundId,
      menteePersonId: withA!.menteePersonId,
      mentorPersonId: 'mentor-b',
    });
  });

  it('recommends mentors with explanations, spread by pending requests', async () => {
    // mentee-1 asks mentor-a: mentor-a's demand is visible to the next mentee's recommendations.
    await p.services.requests.requestMentor(ctx('mentee-1'), { programId, mentorPersonId: 'mentor-a', message: null });
    const recs = await eventually(async () => {
      const list = await p.services.recommendations.recommendedMentors(p.tenantId, programId, 'mentee-4', 5);
      return list.find((r) => r.mentorPersonId === 'mentor-a')?.pendingRequests === 1 ? list : undefined;
    });
    const mentorA = recs.find((r) => r.mentorPersonId === 'mentor-a');
    expect(mentorA?.rankingScore).toBeLessThan(mentorA?.score ?? 0);
    // mentee-1 never sees a mentor they have already asked.
    const own = await p.services.recommendations.recommendedMentors(p.tenantId, programId, 'mentee-1', 5);
    expect(own.map((r) => r.mentorPersonId)).not.toContain('mentor-a');
    for (const rec of recs) {
      expect(rec.factors.length).toBeGreaterThan(0);
      expect(rec.rankingScore).toBeLessThanOrEqual(rec.score);
    }
    await expect(
      p.services.recommendations.recommendedMentors(p.tenantId, programId, 'mentor-a', 5),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('request expiry fires after a service restart (durable timer)', async () => {
    // The request is backdated so its expiry is already due; the first app must not fire it.
    const slow = await p.restart({ expiryPollMs: 3_600_000 });
    const fifteenDaysAgo = new Date(Date.now() - 15 * 86_400_000);
    const { requestId } = await slow.requests.requestMentor(
      { ...ctx('mentee-4'), now: fifteenDaysAgo },
      { programId, mentorPersonId: 'mentor-b', message: 'Could you help me with system design?' },
    );
    await eventually(() => slow.expiry.isScheduled(requestId));

    const restarted = await p.restart({ expiryPollMs: 200 });
    const expired = await eventually(() =>
      Promise.resolve(
        p.published().find((e) => e.type === 'MentorshipRequestExpired' && e.data['requestId'] === requestId),
      ),
    );
    expect(expired.data).toMatchObject({ menteePersonId: 'mentee-4', mentorPersonId: 'mentor-b' });
    await eventually(async () => !(await restarted.expiry.isScheduled(requestId)));
    // The message stayed inside the service: the topic only carries ids.
    expect(JSON.stringify(p.published())).not.toContain('system design?');
  });

  it('erasing a person shreds their key: their request message can no longer be read', async () => {
    const { requestId } = await p.services.requests.requestMentor(ctx('mentee-2'), {
      programId,
      mentorPersonId: 'mentor-a',
      message: 'MARKER-erase-me',
    });
    const readMessage = async () => {
      const { state } = await p.services.commands.requests.load(`mentorship-request-${requestId}`);
      const commit = await p.services.store.commits.findOne({ streamId: `mentorship-request-${requestId}` });
      const message = (commit?.events[0]?.data as { message: Parameters<typeof p.services.keys.decrypt>[0] }).message;
      p.services.keys.clearCache();
      return { state, text: await p.services.keys.decrypt(message) };
    };
    expect((await readMessage()).text).toBe('MARKER-erase-me');
    await p.feed.emit(
      'participant',
      `participant-${participantIdFor(programId, 'mentee-2')}`,
      programId,
      'ParticipantDataErased',
      {
        participantId: participantIdFor(programId, 'mentee-2'),
        personId: 'mentee-2',
        programId,
      },
    );
    await eventually(async () => (await readMessage()).text === '[erased]');
    await eventually(async () => (await p.services.pool.participant(p.tenantId, programId, 'mentee-2')) === null);
  });

  it('replaying the topics rebuilds identical read models', async () => {
    const rowsOf = async (collection: string) =>
      (await p.db.connection.collection(collection).find().toArray()).sort((a, b) =>
        String(a._id).localeCompare(String(b._id)),
      );
    // The live projections keep consuming; compare once they have caught up with what the rebuild read.
    const compare = async (live: string, rebuilt: string) => {
      const expected = await rowsOf(rebuilt);
      expect(expected.length).toBeGreaterThan(0);
      await eventually(async () => isDeepStrictEqual(await rowsOf(live), expected), 15_000);
    };
    const pool = {
      ...candidatePoolProjection(p.profilesTopic, 'candidate_pool_replayed'),
      name: `${p.groupPrefix}.pool-replay`,
    };
    await rebuildProjection(p.kafka, p.db.connection, pool, new ContractRegistry(profilesContracts));
    await compare('candidate_pool', 'candidate_pool_replayed');

    const relationships = {
      ...relationshipsProjection(p.matchingTopic, 'relationships_replayed'),
      name: `${p.groupPrefix}.relationships-replay`,
    };
    await rebuildProjection(p.kafka, p.db.connection, relationships, new ContractRegistry(matchingContracts));
    await compare('relationships', 'relationships_replayed');
  });
});
