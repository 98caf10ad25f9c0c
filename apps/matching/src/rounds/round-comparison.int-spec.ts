import { randomUUID } from 'node:crypto';
import { defaultRules } from '@trellis/matching/engine';
import { programStreamId } from '@trellis/profiles/contracts';
import type { Principal } from '@trellis/shared/auth';
import { uniqueName } from '@trellis/shared/testing';
import type { CommandContext } from '../acceptance/acceptance.service';
import type { MatchingHandles } from '../testing/matching-handles';
import { eventually, matchingProfile } from '../testing/matching-pipeline';
import { ROUND_SNAPSHOTS_COLLECTION, RoundSnapshots, snapshotHashOf } from './round-snapshots';
import { type MatchingGraphqlApp, startMatchingGraphqlApp } from '../testing/matching-graphql-app';

const rules = (weights: Record<string, number>) => ({
  weights,
  hardRules: {
    sameDepartmentNotAllowed: false,
    reportingLineExcluded: true,
    sharedLanguageRequired: true,
    maxTimezoneGapHours: null,
    minSeniorityGap: null,
  },
  objective: 'best-total' as const,
});
const springWeights = {
  skills: 4,
  field: 1,
  languages: 1,
  availability: 2,
  communicationStyle: 0.5,
  seniority: 1,
  questionnaire: 1,
  interests: 1,
};

describe('Comparing a round with other rules (service and GraphQL, real broker and FerretDB)', () => {
  let stack: MatchingGraphqlApp;
  const gql = <T>(as: Principal, query: string, variables: Record<string, unknown> = {}) =>
    stack.gql<T>(as, query, variables);
  let db: MatchingGraphqlApp['db'];
  let services: MatchingHandles;
  let feed: MatchingGraphqlApp['feed'];
  const tenantId = uniqueName('org');
  const programId = `program-${randomUUID()}`;
  const person = (personId: string, tenant = tenantId): Principal => ({ personId, tenantId: tenant, orgAdmin: false });
  const ctx = (personId: string, tenant = tenantId): CommandContext & { commandId: string } => ({
    tenantId: tenant,
    actorPersonId: personId,
    correlationId: randomUUID(),
    commandId: randomUUID(),
  });

  beforeAll(async () => {
    stack = await startMatchingGraphqlApp('round_compare', tenantId);
    ({ db, feed } = stack);
    services = stack.services;

    await feed.program(programId);
    await feed.manager(programId, 'manager');
    // mentee-1 wants data science (mentor-skill, never free at the same time) or shares Tuesday mornings with
    // mentor-time (no data science): skills decide under spring's weights, availability under heavy availability.
    // mentee-2 gets mentor-design either way (skill and time both fit).
    const tuesday = [{ day: 2, startMinute: 540, endMinute: 720 }];
    const wednesday = [{ day: 3, startMinute: 540, endMinute: 720 }];
    await feed.enrol(
      programId,
      'mentor-skill',
      ['mentor'],
      1,
      matchingProfile({
        skillsOffered: [{ skill: 'data science', level: 5 }],
        availability: [{ day: 5, startMinute: 1080, endMinute: 1200 }],
      }),
    );
    await feed.enrol(
      programId,
      'mentor-time',
      ['mentor'],
      1,
      matchingProfile({ skillsOffered: [{ skill: 'cooking', level: 5 }], availability: tuesday }),
    );
    await feed.enrol(
      programId,
      'mentor-design',
      ['mentor'],
      1,
      matchingProfile({ skillsOffered: [{ skill: 'design', level: 5 }], availability: wednesday }),
    );
    await feed.enrol(
      programId,
      'mentee-1',
      ['mentee'],
      0,
      matchingProfile({ skillsSought: ['data science'], availability: tuesday }),
    );
    await feed.enrol(
      programId,
      'mentee-2',
      ['mentee'],
      0,
      matchingProfile({ skillsSought: ['design'], availability: wednesday }),
    );
    await eventually(async () => {
      const people = await services.pool.activeParticipants(tenantId, programId);
      const manager = await services.memberships.membership(tenantId, programId, 'manager');
      return people.length === 5 && manager !== null;
    }, 60_000);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('keeps the input snapshot once per hash, retrievable, and compares a round after the program changed its weights', async () => {
    const round = await services.rounds.startRound(ctx('manager'), { programId, cohortId: null, objective: null });
    expect(Object.values(round.pairs).map((p) => [p.menteePersonId, p.mentorPersonId])).toEqual(
      expect.arrayContaining([
        ['mentee-1', 'mentor-skill'],
        ['mentee-2', 'mentor-design'],
      ]),
    );
    const hash = round.inputSnapshotHash!;
    const snapshots = db.connection.collection(ROUND_SNAPSHOTS_COLLECTION);
    const stored = await snapshots.countDocuments({ hash });
    expect(stored).toBe(3); // head, one chunk of mentors, one of mentees

    // The snapshot is exactly the engine's input: three mentors, two mentees, spring's weights.
    const snapshot = await new RoundSnapshots(db.connection).load(tenantId, hash);
    expect(snapshot?.problem.mentors.map((m) => m.id).sort()).toEqual(['mentor-design', 'mentor-skill', 'mentor-time']);
    expect(snapshot?.problem.mentees.map((m) => m.id).sort()).toEqual(['mentee-1', 'mentee-2']);
    expect(snapshot?.problem.rules.weights.skills).toBe(4);
    // Another tenant cannot read it by hash.
    expect(await new RoundSnapshots(db.connection).load('org-other', hash)).toBeNull();

    // A second round (or a re-solve) of the same input stores nothing new.
    const again = await services.rounds.startRound(ctx('manager'), { programId, cohortId: null, objective: null });
    expect(again.inputSnapshotHash).toBe(hash);
    expect(await snapshots.countDocuments({ hash })).toBe(stored);
    await services.rounds.discard(ctx('manager'), again.roundId);

    // Under the rules it was computed with, nothing changes.
    const same = await services.rounds.compareRound(ctx('manager'), round.roundId);
    expect(same.comparison.kept).toHaveLength(2);
    expect(same.comparison.changed).toEqual([]);
    expect(same.comparison.metrics.delta.totalScore).toBe(0);
    expect(same.settingsAfter.settingsHash).toBe(same.settingsBefore?.settingsHash);

    // The program now weighs availability far above skills (the profiles service's event).
    await feed.emit('program', programStreamId(programId), programId, 'ProgramMatchingRulesChanged', {
      programId,
      matchingRules: rules({ ...springWeights, skills: 0.5, availability: 10 }),
    });
    await eventually(
      async () => (await services.pool.program(tenantId, programId))?.rules?.weights.availability === 10,
    );

    const report = await services.rounds.compareRound(ctx('manager'), round.roundId);
    expect(report.inputSnapshotHash).toBe(hash);
    expect(report.settingsAfter.weights['availability']).toBe(10);
    expect(report.settingsAfter.settingsHash).not.toBe(report.settingsBefore?.settingsHash);
    expect(report.comparison.kept.map((k) => [k.menteePersonId, k.mentorPersonId])).toEqual([
      ['mentee-2', 'mentor-design'],
    ]);
    expect(report.comparison.changed).toEqual([
      expect.objectContaining({
        menteePersonId: 'mentee-1',
        mentorBefore: 'mentor-skill',
        mentorAfter: 'mentor-time',
        manualBefore: false,
        explanation: expect.stringMatching(/availability \+/) as string,
      }),
    ]);
    const changed = report.comparison.changed[0]!;
    expect(changed.scoreDelta).toBeCloseTo(changed.scoreAfter - changed.scoreBefore, 3);
    expect(report.comparison.newlyMatched).toEqual([]);
    expect(report.comparison.newlyUnmatched).toEqual([]);
    expect(report.comparison.metrics.delta.matched).toBe(0);

    // Explicit rules win over the program's: spring's weights again → nothing changes. The round itself is untouched.
    const explicit = await services.rounds.compareRound(ctx('manager'), round.roundId, {
      weights: { skills: 4, availability: 2 },
    });
    expect(explicit.comparison.changed).toEqual([]);
    expect((await services.rounds.round(ctx('manager'), round.roundId)).pairs['mentee-1']?.mentorPersonId).toBe(
      'mentor-skill',
    );

    await expect(
      services.rounds.compareRound(ctx('manager'), round.roundId, { weights: { skills: -1 } }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(services.rounds.compareRound(ctx('mentee-1'), round.roundId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(services.rounds.compareRound(ctx('manager', 'org-other'), round.roundId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    // The same question through GraphQL, for managers only.
    const query = `query($r: ID!, $rules: RoundComparisonRulesInput) {
      compareMatchingRound(roundId: $r, rules: $rules) {
        roundId changedCount keptCount
        changed { menteePersonId mentorBefore mentorAfter scoreDelta explanation }
        metricsDelta { matched meanScore }
      }
    }`;
    const answer = await gql<{
      compareMatchingRound: {
        changedCount: number;
        keptCount: number;
        changed: Array<{ menteePersonId: string; mentorBefore: string; mentorAfter: string }>;
      };
    }>(person('manager'), query, { r: round.roundId });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.compareMatchingRound).toMatchObject({
      changedCount: 1,
      keptCount: 1,
      changed: [{ menteePersonId: 'mentee-1', mentorBefore: 'mentor-skill', mentorAfter: 'mentor-time' }],
    });
    const withRules = await gql<{ compareMatchingRound: { changedCount: number } }>(person('manager'), query, {
      r: round.roundId,
      rules: {
        weights: [
          { factor: 'skills', weight: 4 },
          { factor: 'availability', weight: 2 },
        ],
      },
    });
    expect(withRules.data?.compareMatchingRound.changedCount).toBe(0);
    const badFactor = await gql(person('manager'), query, {
      r: round.roundId,
      rules: { weights: [{ factor: 'charisma', weight: 2 }] },
    });
    expect(badFactor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const mentee = await gql(person('mentee-1'), query, { r: round.roundId });
    expect(mentee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outsider = await gql(person('manager', uniqueName('org')), query, { r: round.roundId });
    expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }, 180_000);

  it('stores large inputs in chunks and reads them back whole', async () => {
    const snapshots = new RoundSnapshots(db.connection, 2);
    const profile = (id: string) => ({ id, languages: ['en'], timezone: 'Europe/Berlin', availability: [] });
    const input = {
      problem: {
        mentors: ['a', 'b', 'c'].map((id) => ({ ...profile(id), offers: [], capacity: 1 })),
        mentees: ['x', 'y', 'z', 'w', 'v'].map((id) => ({ ...profile(id), seeks: [] })),
        rules: defaultRules(),
      },
      locked: [],
      excluded: [],
      objective: 'best-total' as const,
    };
    // defaultRules() leaves maxTimezoneGapHours undefined: stored without it, the snapshot still matches its hash.
    const hash = await snapshots.save('org-chunks', input);
    expect(hash).toBe(snapshotHashOf(input));
    const docs = await db.connection
      .collection(ROUND_SNAPSHOTS_COLLECTION)
      .find({ hash, tenantId: 'org-chunks' })
      .toArray();
    expect(docs.map((d) => String(d['kind'])).sort()).toEqual([
      'head',
      'mentees',
      'mentees',
      'mentees',
      'mentors',
      'mentors',
    ]);
    expect(await snapshots.save('org-chunks', input)).toBe(hash);
    expect(await db.connection.collection(ROUND_SNAPSHOTS_COLLECTION).countDocuments({ hash })).toBe(6);
    expect(await snapshots.load('org-chunks', hash)).toEqual(input);
  }, 60_000);
});
