import { randomUUID } from 'node:crypto';
import { mentorBookStreamId, proposalIdFor, type RoundState } from '@trellis/matching/domain';
import type { CommandContext } from './acceptance/acceptance.service';
import { eventually, startMatchingPipeline, type MatchingPipeline } from './testing/matching-pipeline';

/** What a round answer says that a client sees: a retry must give the same. */
const roundAnswer = (round: RoundState) => ({
  status: round.status,
  iteration: round.iteration,
  pairs: round.pairs,
  overrides: round.overrides.map((o) => o.type),
});

describe('Matching answers a retried command with the first answer (real broker and FerretDB)', () => {
  let p: MatchingPipeline;
  let publishedRound: RoundState | undefined;
  const programId = `program-${randomUUID()}`;
  const requestsProgramId = `program-${randomUUID()}`;
  const ctx = (personId: string): CommandContext => ({
    tenantId: p.tenantId,
    actorPersonId: personId,
    correlationId: randomUUID(),
    commandId: randomUUID(),
  });
  /** Runs a command, then the very same command again, as a client does whose first answer was lost. */
  const twice = async <T>(personId: string, run: (c: CommandContext) => Promise<T>) => {
    const command = ctx(personId);
    const first = await run(command);
    const second = await run({ ...command, correlationId: randomUUID() });
    return [first, second] as const;
  };

  beforeAll(async () => {
    p = await startMatchingPipeline('matching_retries');
    await p.feed.program(programId, { requestExpiryDays: 14 });
    await p.feed.manager(programId, 'manager-1');
    await p.feed.enrol(programId, 'mentor-a', ['mentor'], 3);
    await p.feed.enrol(programId, 'mentor-b', ['mentor'], 3);
    for (const mentee of ['mentee-1', 'mentee-2', 'mentee-3', 'mentee-4']) {
      await p.feed.enrol(programId, mentee, ['mentee']);
    }
    await p.feed.program(requestsProgramId, { requestExpiryDays: 14 });
    await p.feed.enrol(requestsProgramId, 'mentor-c', ['mentor'], 3);
    for (const mentee of ['mentee-5', 'mentee-6', 'mentee-7']) {
      await p.feed.enrol(requestsProgramId, mentee, ['mentee']);
    }
    await eventually(async () => {
      const mentees = await p.services.pool.activeWithRole(p.tenantId, programId, 'mentee');
      const others = await p.services.pool.activeWithRole(p.tenantId, requestsProgramId, 'mentee');
      const books = await Promise.all(
        [
          mentorBookStreamId(programId, 'mentor-a'),
          mentorBookStreamId(programId, 'mentor-b'),
          mentorBookStreamId(requestsProgramId, 'mentor-c'),
        ].map((streamId) => p.services.commands.mentorBooks.load(streamId)),
      );
      const manager = await p.services.memberships.membership(p.tenantId, programId, 'manager-1');
      return (
        mentees.length === 4 && others.length === 3 && books.every((b) => b.state.status === 'open') && manager !== null
      );
    });
  });
  afterAll(() => p.close());

  it('round edits, re-solves, publishing and discarding', async () => {
    const { rounds } = p.services;
    const [started, startedAgain] = await twice('manager-1', (c) =>
      rounds.startRound({ ...c, commandId: c.commandId ?? '' }, { programId, cohortId: null, objective: null }),
    );
    expect(roundAnswer(startedAgain)).toEqual(roundAnswer(started));
    const roundId = started.roundId;
    const pairs = Object.values(started.pairs);
    expect(pairs).toHaveLength(4);
    const a = pairs[0];
    const b = pairs.find((pair) => pair.mentorPersonId !== a?.mentorPersonId);
    const c = pairs.find((pair) => pair !== a && pair !== b);
    if (!a || !b || !c) throw new Error('The round needs pairs with both mentors.');
    const otherMentor = c.mentorPersonId === 'mentor-a' ? 'mentor-b' : 'mentor-a';

    const edits = [
      { type: 'lock', menteePersonId: a.menteePersonId, reason: 'participant-preference' },
      { type: 'unlock', menteePersonId: a.menteePersonId, reason: 'other' },
      { type: 'swap', menteeA: a.menteePersonId, menteeB: b.menteePersonId, reason: 'participant-preference' },
      { type: 'remove', menteePersonId: c.menteePersonId, reason: 'known-conflict' },
      { type: 'add', menteePersonId: c.menteePersonId, mentorPersonId: otherMentor, reason: 'participant-preference' },
    ] as const;
    for (const edit of edits) {
      const [edited, editedAgain] = await twice('manager-1', (command) => rounds.override(command, roundId, edit));
      expect({ edit: edit.type, ...roundAnswer(editedAgain) }).toEqual({ edit: edit.type, ...roundAnswer(edited) });
    }

    const [resolved, resolvedAgain] = await twice('manager-1', (command) => rounds.compute(command, roundId));
    expect(roundAnswer(resolvedAgain)).toEqual(roundAnswer(resolved));
    const [published, publishedAgain] = await twice('manager-1', (command) => rounds.publish(command, roundId));
    expect([published.status, publishedAgain.status]).toEqual(['published', 'published']);
    expect(roundAnswer(publishedAgain)).toEqual(roundAnswer(published));
    publishedRound = published;
    // Without the same id, editing a published round is refused as before.
    await expect(
      rounds.override(ctx('manager-1'), roundId, { type: 'remove', menteePersonId: a.menteePersonId, reason: 'other' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const second = await rounds.startRound(
      { ...ctx('manager-1'), commandId: randomUUID() },
      { programId, cohortId: null, objective: null },
    );
    const [discarded, discardedAgain] = await twice('manager-1', (command) => rounds.discard(command, second.roundId));
    expect([discarded.status, discardedAgain.status]).toEqual(['discarded', 'discarded']);
  });

  it('answering proposals, and pausing, resuming, ending and rematching mentorships', async () => {
    const { acceptance, mentorships } = p.services;
    const round = publishedRound;
    if (!round) throw new Error('The first test publishes the round.');
    const [first, second, third] = Object.values(round.pairs).map((pair) => ({
      proposalId: proposalIdFor(round.roundId, pair.menteePersonId),
      mentorPersonId: pair.mentorPersonId,
      menteePersonId: pair.menteePersonId,
    }));
    if (!first || !second || !third) throw new Error('The published round has four proposals.');
    const accept = async (proposal: typeof first) => {
      const [mentee, menteeAgain] = await twice(proposal.menteePersonId, (c) =>
        acceptance.acceptProposal(c, proposal.proposalId, 'mentee'),
      );
      expect(menteeAgain).toEqual(mentee);
      const [mentor, mentorAgain] = await twice(proposal.mentorPersonId, (c) =>
        acceptance.acceptProposal(c, proposal.proposalId, 'mentor'),
      );
      expect(mentorAgain).toEqual(mentor);
      expect(mentor.mentorshipId).toBeTruthy();
      return mentor.mentorshipId ?? '';
    };
    const mentorshipId = await accept(first);
    const rematchedId = await accept(second);

    const [declined, declinedAgain] = await twice(third.menteePersonId, (c) =>
      mentorships.declineProposal(c, third.proposalId, 'schedule-conflict', 'Retried'),
    );
    expect([declined.status, declinedAgain.status]).toEqual(['declined', 'declined']);

    const mentee = first.menteePersonId;
    const [paused, pausedAgain] = await twice(mentee, (c) => mentorships.pause(c, mentorshipId, null));
    expect([paused.status, pausedAgain.status]).toEqual(['paused', 'paused']);
    const [resumed, resumedAgain] = await twice(mentee, (c) => mentorships.resume(c, mentorshipId));
    expect([resumed.status, resumedAgain.status]).toEqual(['active', 'active']);
    const [ended, endedAgain] = await twice(mentee, (c) =>
      mentorships.end(c, mentorshipId, 'goals-met', 'A retried reflection'),
    );
    expect([ended.status, endedAgain.status]).toEqual(['ended', 'ended']);
    expect(endedAgain).toEqual(ended);
    // Another command id is another user action: ending an ended mentorship is refused as before.
    await expect(mentorships.end(ctx(mentee), mentorshipId, 'goals-met', null)).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const [rematched, rematchedAgain] = await twice(second.menteePersonId, (c) =>
      mentorships.requestRematch(c, rematchedId, null),
    );
    expect(rematchedAgain).toEqual(rematched);
    await expect(mentorships.requestRematch(ctx(second.menteePersonId), rematchedId, null)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('declining, withdrawing and accepting mentorship requests', async () => {
    const { acceptance, requests } = p.services;
    const ask = async (mentee: string) =>
      (
        await requests.requestMentor(
          { ...ctx(mentee), commandId: randomUUID() },
          { programId: requestsProgramId, mentorPersonId: 'mentor-c', message: null },
        )
      ).requestId;

    const toDecline = await ask('mentee-5');
    const [declined, declinedAgain] = await twice('mentor-c', (c) =>
      requests.declineRequest(c, toDecline, 'no-capacity', 'Retried'),
    );
    expect([declined.status, declinedAgain.status]).toEqual(['declined', 'declined']);
    await expect(requests.declineRequest(ctx('mentor-c'), toDecline, 'no-capacity', null)).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const toWithdraw = await ask('mentee-6');
    const [withdrawn, withdrawnAgain] = await twice('mentee-6', (c) => requests.withdrawRequest(c, toWithdraw));
    expect([withdrawn.status, withdrawnAgain.status]).toEqual(['withdrawn', 'withdrawn']);

    const toAccept = await ask('mentee-7');
    const [accepted, acceptedAgain] = await twice('mentor-c', (c) => acceptance.acceptRequest(c, toAccept));
    expect(acceptedAgain).toEqual(accepted);
  });
});
