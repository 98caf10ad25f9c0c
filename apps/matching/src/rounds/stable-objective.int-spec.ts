import { randomUUID } from 'node:crypto';
import type { Principal } from '@trellis/shared/auth';
import { uniqueName } from '@trellis/shared/testing';
import type { CommandContext } from '../acceptance/acceptance.service';
import type { MatchingHandles } from '../testing/matching-handles';
import { eventually, matchingProfile } from '../testing/matching-pipeline';
import { type MatchingGraphqlApp, startMatchingGraphqlApp } from '../testing/matching-graphql-app';

interface RoundAnswer {
  id: string;
  objective: string;
  meanScore: number;
  blockingPairs: number;
  pairs: Array<{ menteePersonId: string; mentorPersonId: string }>;
}
interface MetricsAnswer {
  matched: number;
  totalScore: number;
  blockingPairs: number;
}

const pairsOf = (round: RoundAnswer) =>
  round.pairs.map((p) => [p.menteePersonId, p.mentorPersonId]).sort((a, b) => a[0]!.localeCompare(b[0]!));

describe('The stable objective beside best total (service and GraphQL, real broker and FerretDB)', () => {
  let stack: MatchingGraphqlApp;
  let services: MatchingHandles;
  const tenantId = uniqueName('org');
  const programId = `program-${randomUUID()}`;
  const manager: Principal = { personId: 'manager', tenantId, orgAdmin: false };
  const ctx = (): CommandContext & { commandId: string } => ({
    tenantId,
    actorPersonId: 'manager',
    correlationId: randomUUID(),
    commandId: randomUUID(),
  });

  beforeAll(async () => {
    stack = await startMatchingGraphqlApp('round_stable', tenantId);
    services = stack.services;
    const { feed } = stack;
    await feed.program(programId);
    await feed.manager(programId, 'manager');
    // mentee-a fits mentor-x best (both skills) and mentor-y well (design); mentee-b fits only mentor-x (data). The
    // best total gives mentor-x to mentee-b, so mentee-a and mentor-x would both rather be together: one blocking
    // pair. Deferred acceptance gives mentor-x to mentee-a, whom mentor-x prefers, at a lower total.
    const enrol = (personId: string, role: 'mentor' | 'mentee', profile: Parameters<typeof matchingProfile>[0]) =>
      feed.enrol(programId, personId, [role], role === 'mentor' ? 1 : 0, matchingProfile(profile));
    await enrol('mentor-x', 'mentor', {
      skillsOffered: [
        { skill: 'data', level: 5 },
        { skill: 'design', level: 5 },
      ],
    });
    await enrol('mentor-y', 'mentor', { skillsOffered: [{ skill: 'design', level: 5 }] });
    await enrol('mentee-a', 'mentee', { skillsSought: ['data', 'design'] });
    await enrol('mentee-b', 'mentee', { skillsSought: ['data'], communicationStyle: 'hands-on', field: 'biology' });
    await eventually(async () => {
      const people = await services.pool.activeParticipants(tenantId, programId);
      const member = await services.memberships.membership(tenantId, programId, 'manager');
      return people.length === 4 && member !== null;
    }, 60_000);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('records blocking pairs in every round and lets the manager trade total fit for stability', async () => {
    const start = `mutation($p: ID!, $o: MatchingObjective, $c: ID) {
      startMatchingRound(programId: $p, objective: $o, commandId: $c) {
        id objective meanScore blockingPairs pairs { menteePersonId mentorPersonId }
      }
    }`;
    const best = await stack.gql<{ startMatchingRound: RoundAnswer }>(manager, start, {
      p: programId,
      o: 'BEST_TOTAL',
      c: randomUUID(),
    });
    expect(best.errors).toBeUndefined();
    const bestRound = best.data!.startMatchingRound;
    expect(pairsOf(bestRound)).toEqual([
      ['mentee-a', 'mentor-y'],
      ['mentee-b', 'mentor-x'],
    ]);
    expect(bestRound.blockingPairs).toBe(1);

    const stable = await stack.gql<{ startMatchingRound: RoundAnswer }>(manager, start, {
      p: programId,
      o: 'STABLE',
      c: randomUUID(),
    });
    expect(stable.errors).toBeUndefined();
    const stableRound = stable.data!.startMatchingRound;
    expect(stableRound.objective).toBe('STABLE');
    expect(pairsOf(stableRound)).toEqual([
      ['mentee-a', 'mentor-x'],
      ['mentee-b', 'mentor-y'],
    ]);
    expect(stableRound.blockingPairs).toBe(0);
    expect(stableRound.meanScore).toBeLessThan(bestRound.meanScore);

    // The recorded computation carries the count too, read back from the event stream.
    const recorded = await services.rounds.round(ctx(), stableRound.id);
    expect(recorded.metrics?.blockingPairs).toBe(0);

    // Side by side: the best-total round re-solved as stable, and the other way round.
    const compare = `query($r: ID!, $o: MatchingObjective) {
      compareMatchingRound(roundId: $r, objective: $o, first: 0) {
        objective
        metricsBefore { matched totalScore blockingPairs }
        metricsAfter { matched totalScore blockingPairs }
        metricsDelta { blockingPairs }
      }
    }`;
    type Comparison = {
      compareMatchingRound: {
        objective: string;
        metricsBefore: MetricsAnswer;
        metricsAfter: MetricsAnswer;
        metricsDelta: { blockingPairs: number };
      };
    };
    const asStable = await stack.gql<Comparison>(manager, compare, { r: bestRound.id, o: 'STABLE' });
    expect(asStable.errors).toBeUndefined();
    const s = asStable.data!.compareMatchingRound;
    expect(s.objective).toBe('stable');
    expect(s.metricsBefore).toMatchObject({ matched: 2, blockingPairs: 1 });
    expect(s.metricsAfter).toMatchObject({ matched: 2, blockingPairs: 0 });
    expect(s.metricsDelta.blockingPairs).toBe(-1);
    expect(s.metricsAfter.totalScore).toBeLessThan(s.metricsBefore.totalScore);

    const asBest = await stack.gql<Comparison>(manager, compare, { r: stableRound.id, o: 'BEST_TOTAL' });
    expect(asBest.errors).toBeUndefined();
    expect(asBest.data!.compareMatchingRound.metricsBefore.blockingPairs).toBe(0);
    expect(asBest.data!.compareMatchingRound.metricsAfter.blockingPairs).toBe(1);
  }, 180_000);
});
