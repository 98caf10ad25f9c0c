import { randomUUID } from 'node:crypto';
import { DomainError, EventStore, type CommitMeta } from '@trellis/shared/event-store';
import { PersonKeyStore } from '@trellis/shared/privacy';
import { createTestDatabase, type TestDatabase } from '@trellis/shared/testing';
import {
  DEFAULT_HARD_RULES,
  menteeRequestsStreamId,
  mentorBookStreamId,
  mentorshipRequestStreamId,
  mentorshipStreamId,
} from '@trellis/matching/domain';
import { MatchingCommands, unwrap } from '../commands/matching-commands';
import { matchingEventTypeRegistry } from '../commands/matching-event-types';
import { deriveId } from '../commands/deterministic-id';
import { MentorshipRequestsService, type RequestPolicy } from '../requests/mentorship-requests.service';
import { AcceptanceJournal } from './acceptance-journal';
import { AcceptanceService, type CommandContext } from './acceptance.service';

const tenantId = 'org-acceptance';
const programId = 'program-acceptance';
const policy: RequestPolicy = { maxOpenRequestsPerMentee: 3, requestExpiryDays: 14, hardRules: DEFAULT_HARD_RULES };
// Everyone here could be paired under the default hard rules; the rules themselves have their own tests.
const profile = {
  department: null,
  managerPersonId: null,
  languages: ['en'],
  timezone: 'Europe/Berlin',
  seniority: null,
};

describe('Acceptance on the real event store (FerretDB)', () => {
  let db: TestDatabase;
  let commands: MatchingCommands;
  let acceptance: AcceptanceService;
  let journal: AcceptanceJournal;
  let requests: MentorshipRequestsService;

  const ctx = (personId: string, tenant = tenantId): CommandContext & { commandId: string } => ({
    tenantId: tenant,
    actorPersonId: personId,
    correlationId: randomUUID(),
    commandId: randomUUID(),
  });
  const meta: CommitMeta = { tenantId, programId, correlationId: 'setup', actor: 'system:test' };

  async function enrolMentor(mentorPersonId: string, capacity: number): Promise<void> {
    unwrap(
      await commands.mentorBooks.handle({
        streamId: mentorBookStreamId(programId, mentorPersonId),
        command: {
          type: 'OpenMentorBook',
          programId,
          mentorPersonId,
          mentorParticipantId: `participant-${mentorPersonId}`,
          capacity,
        },
        commitId: randomUUID(),
        meta,
      }),
    );
  }

  const request = async (mentee: string, mentor: string) =>
    (await requests.requestMentor(ctx(mentee), { programId, mentorPersonId: mentor, message: `Hello ${mentor}` }))
      .requestId;

  beforeAll(async () => {
    db = await createTestDatabase('matching_acceptance');
    const store = new EventStore(db.connection, { registry: matchingEventTypeRegistry() });
    await store.ensureIndexes();
    commands = new MatchingCommands(store);
    journal = new AcceptanceJournal(db.connection);
    acceptance = new AcceptanceService(commands, {}, journal);
    requests = new MentorshipRequestsService(
      commands,
      { policyOf: (tenant) => Promise.resolve(tenant === tenantId ? policy : null) },
      {
        participantOf: (_tenant, _program, personId) =>
          Promise.resolve({ participantId: `participant-${personId}`, roles: ['mentee'], active: true, profile }),
      },
      new PersonKeyStore(db.connection),
    );
  });
  afterAll(() => db.drop());

  it('50 concurrent acceptances for a mentor with capacity 3: exactly 3 mentorships and 47 CONFLICT errors', async () => {
    const mentor = 'mentor-popular';
    await enrolMentor(mentor, 3);
    const mentees = Array.from({ length: 50 }, (_, i) => `mentee-${i}`);
    const requestIds: string[] = [];
    for (const mentee of mentees) requestIds.push(await request(mentee, mentor));

    const started = Date.now();
    const outcomes = await Promise.allSettled(requestIds.map((id) => acceptance.acceptRequest(ctx(mentor), id)));
    const seconds = (Date.now() - started) / 1000;

    const accepted = outcomes.filter((o) => o.status === 'fulfilled');
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(accepted).toHaveLength(3);
    expect(rejected).toHaveLength(47);
    for (const failure of rejected) {
      expect(failure.reason).toBeInstanceOf(DomainError);
      expect((failure.reason as DomainError).code).toBe('CONFLICT');
      expect((failure.reason as DomainError).message).toBe(
        'This mentor has no free place left: all 3 of their places are taken.',
      );
    }

    // The book holds exactly the three seats, and exactly three mentorships exist.
    const { state: book } = await commands.mentorBooks.load(mentorBookStreamId(programId, mentor));
    expect(Object.keys(book.seats)).toHaveLength(3);
    const mentorships = await commands.store.commits
      .find({ streamType: 'mentorship', 'events.type': 'MentorshipStarted' })
      .toArray();
    expect(mentorships).toHaveLength(3);
    expect(new Set(mentorships.map((c) => c.streamId))).toEqual(
      new Set(Object.keys(book.seats).map((id) => mentorshipStreamId(id))),
    );

    // Winners' requests are accepted; every loser's request is still open and its mentee's claim was released.
    let open = 0;
    for (const [i, requestId] of requestIds.entries()) {
      const { state } = await commands.requests.load(mentorshipRequestStreamId(requestId));
      const { state: menteeSide } = await commands.menteeRequests.load(
        menteeRequestsStreamId(programId, mentees[i] ?? ''),
      );
      if (state.status === 'open') {
        open += 1;
        expect(menteeSide.claim).toBeNull();
        expect(menteeSide.mentorshipId).toBeNull();
      } else {
        expect(state.status).toBe('accepted');
        expect(menteeSide.mentorshipId).toBe(state.mentorshipId);
      }
    }
    expect(open).toBe(47);
    // Every decided acceptance, won or lost, closed its journal entry: the sweeper has nothing to redo.
    expect(await acceptance.sweep(new Date(Date.now() + 3_600_000))).toEqual({ completed: 0, undone: 0 });
    console.log(`50 concurrent acceptances, capacity 3: ${seconds.toFixed(2)} s`);
  });

  it('the first acceptance withdraws the mentee’s other open requests: two mentors racing never both win', async () => {
    for (let round = 0; round < 6; round++) {
      const mentee = `racer-${round}`;
      const [a, b, c] = [`mentor-a-${round}`, `mentor-b-${round}`, `mentor-c-${round}`];
      for (const mentor of [a, b, c]) await enrolMentor(mentor, 2);
      const ids = [await request(mentee, a), await request(mentee, b), await request(mentee, c)];

      const outcomes = await Promise.allSettled([
        acceptance.acceptRequest(ctx(a), ids[0] ?? ''),
        acceptance.acceptRequest(ctx(b), ids[1] ?? ''),
      ]);
      const winners = outcomes.filter((o) => o.status === 'fulfilled');
      const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect((losers[0]?.reason as DomainError).code).toBe('CONFLICT');

      const states = await Promise.all(ids.map((id) => commands.requests.load(mentorshipRequestStreamId(id))));
      const statuses = states.map((s) => s.state.status);
      expect(statuses.filter((s) => s === 'accepted')).toHaveLength(1);
      expect(statuses.filter((s) => s === 'withdrawn')).toHaveLength(2); // the other racer's and the idle one
      expect(statuses[2]).toBe('withdrawn');

      // The losing mentor holds no seat: no ghost approval anywhere.
      const books = await Promise.all([a, b].map((m) => commands.mentorBooks.load(mentorBookStreamId(programId, m))));
      expect(books.map((x) => Object.keys(x.state.seats).length).sort()).toEqual([0, 1]);
      const { state: menteeSide } = await commands.menteeRequests.load(menteeRequestsStreamId(programId, mentee));
      expect(menteeSide.pendingWithdrawals).toEqual([]);
      expect(menteeSide.open).toEqual({});

      // And the matched mentee cannot start a new search until the mentorship ends.
      await expect(request(mentee, c)).rejects.toMatchObject({ code: 'CONFLICT' });
    }
  });

  it('limits a mentee to the program’s number of open requests', async () => {
    const mentors = ['limit-a', 'limit-b', 'limit-c', 'limit-d'];
    for (const m of mentors) await enrolMentor(m, 1);
    for (const m of mentors.slice(0, 3)) await request('limited-mentee', m);
    await expect(request('limited-mentee', 'limit-d')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/3 open requests/) as unknown,
    });
  });

  it('a retried acceptance completes one that stopped half-way (claim and seat taken, no mentorship yet)', async () => {
    const mentor = 'mentor-crash';
    await enrolMentor(mentor, 1);
    const requestId = await request('mentee-crash', mentor);
    const mentorshipId = deriveId('mentorship', 'request', requestId);
    const menteeStream = menteeRequestsStreamId(programId, 'mentee-crash');
    // Steps 1–3 of an acceptance whose process then died.
    unwrap(
      await commands.menteeRequests.handle({
        streamId: menteeStream,
        command: {
          type: 'ClaimMatch',
          claimId: requestId,
          origin: 'request',
          now: new Date().toISOString(),
          claimTtlSeconds: 30,
        },
        commitId: randomUUID(),
        meta,
      }),
    );
    unwrap(
      await commands.mentorBooks.handle({
        streamId: mentorBookStreamId(programId, mentor),
        command: {
          type: 'ReserveSeat',
          mentorshipId,
          menteePersonId: 'mentee-crash',
          origin: 'request',
          originId: requestId,
        },
        commitId: randomUUID(),
        meta,
      }),
    );
    unwrap(
      await commands.menteeRequests.handle({
        streamId: menteeStream,
        command: { type: 'ConfirmMatch', claimId: requestId, mentorshipId },
        commitId: randomUUID(),
        meta,
      }),
    );
    await expect(acceptance.acceptRequest(ctx(mentor), requestId)).resolves.toEqual({ mentorshipId });
    const { state: mentorship } = await commands.mentorships.load(mentorshipStreamId(mentorshipId));
    expect(mentorship.status).toBe('active');
    const { state: book } = await commands.mentorBooks.load(mentorBookStreamId(programId, mentor));
    expect(Object.keys(book.seats)).toEqual([mentorshipId]);
    // And once more: nothing changes.
    await expect(acceptance.acceptRequest(ctx(mentor), requestId)).resolves.toEqual({ mentorshipId });
    expect(await commands.store.commits.countDocuments({ streamId: mentorshipStreamId(mentorshipId) })).toBe(1);
  });

  it('the sweeper completes an acceptance whose process died after taking the seat, or undoes one that cannot finish', async () => {
    const crash = async (mentor: string, mentee: string, takeSeat: boolean) => {
      const requestId = await request(mentee, mentor);
      const { state } = await commands.requests.load(mentorshipRequestStreamId(requestId));
      const parties = {
        mentorshipId: deriveId('mentorship', 'request', requestId),
        programId,
        mentorPersonId: mentor,
        menteePersonId: mentee,
        mentorParticipantId: state.mentorParticipantId,
        menteeParticipantId: state.menteeParticipantId,
        format: 'one-on-one' as const,
        origin: 'request' as const,
        originId: requestId,
      };
      const now = new Date().toISOString();
      await journal.begin(parties, meta, now);
      unwrap(
        await commands.menteeRequests.handle({
          streamId: menteeRequestsStreamId(programId, mentee),
          command: { type: 'ClaimMatch', claimId: requestId, origin: 'request', now, claimTtlSeconds: 30 },
          commitId: randomUUID(),
          meta,
        }),
      );
      if (takeSeat) {
        unwrap(
          await commands.mentorBooks.handle({
            streamId: mentorBookStreamId(programId, mentor),
            command: {
              type: 'ReserveSeat',
              mentorshipId: parties.mentorshipId,
              menteePersonId: mentee,
              origin: 'request',
              originId: requestId,
            },
            commitId: randomUUID(),
            meta,
          }),
        );
      }
      return parties;
    };

    await enrolMentor('mentor-swept', 1);
    const finished = await crash('mentor-swept', 'mentee-swept', true);
    await enrolMentor('mentor-full', 1);
    const stuck = await crash('mentor-full', 'mentee-stuck', false);
    // Meanwhile another mentee takes mentor-full's only place.
    await acceptance.acceptRequest(ctx('mentor-full'), await request('mentee-faster', 'mentor-full'));

    expect(await acceptance.sweep(new Date())).toEqual({ completed: 0, undone: 0 }); // claims still young
    expect(await acceptance.sweep(new Date(Date.now() + 60_000))).toEqual({ completed: 1, undone: 1 });

    const { state: done } = await commands.mentorships.load(mentorshipStreamId(finished.mentorshipId));
    expect(done.status).toBe('active');
    const { state: stuckMentee } = await commands.menteeRequests.load(
      menteeRequestsStreamId(programId, 'mentee-stuck'),
    );
    expect(stuckMentee.claim).toBeNull();
    expect(stuckMentee.mentorshipId).toBeNull();
    const { state: fullBook } = await commands.mentorBooks.load(mentorBookStreamId(programId, 'mentor-full'));
    expect(Object.keys(fullBook.seats)).not.toContain(stuck.mentorshipId);
    expect(await journal.has(finished.mentorshipId)).toBe(false);
    expect(await journal.has(stuck.mentorshipId)).toBe(false);
  });

  it('answers NOT_FOUND for another organization’s request and FORBIDDEN for someone else’s', async () => {
    const mentor = 'mentor-guarded';
    await enrolMentor(mentor, 2);
    const requestId = await request('mentee-guarded', mentor);
    await expect(acceptance.acceptRequest(ctx(mentor, 'org-other'), requestId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(acceptance.acceptRequest(ctx('mentee-guarded'), requestId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('a declined request cannot be accepted, and an expired one is closed on both sides', async () => {
    const mentor = 'mentor-decline';
    await enrolMentor(mentor, 2);
    const declined = await request('mentee-decline', mentor);
    await requests.declineRequest(ctx(mentor), declined, 'schedule-conflict', 'Sorry, my calendar is full');
    await expect(acceptance.acceptRequest(ctx(mentor), declined)).rejects.toMatchObject({ code: 'CONFLICT' });

    const expiring = await request('mentee-expire', mentor);
    expect(await requests.expireRequest(tenantId, expiring, new Date())).toBe('unchanged'); // not yet due
    const later = new Date(Date.now() + 15 * 86_400_000);
    expect(await requests.expireRequest(tenantId, expiring, later)).toBe('expired');
    const { state: menteeSide } = await commands.menteeRequests.load(
      menteeRequestsStreamId(programId, 'mentee-expire'),
    );
    expect(menteeSide.open).toEqual({});
    await expect(acceptance.acceptRequest(ctx(mentor), expiring)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
