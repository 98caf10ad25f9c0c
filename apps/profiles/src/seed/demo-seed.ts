import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { ParticipantRole } from '@trellis/profiles/contracts';
import { participantIdFor } from '@trellis/profiles/domain';
import type { Principal } from '@trellis/shared/auth';
import { type Logger } from '@trellis/shared/observability';
import { ROOT_LOGGER } from '@trellis/shared/platform';
import { ProfilesReadModels } from '../core/read-models';
import { ProfilesStore } from '../core/profiles-store';
import { BulkEnrollment } from '../profiles/bulk-enrollment';
import type { ProfileInput } from '../graphql/profiles.types';
import {
  DEMO_MENTEE_COUNT,
  DEMO_MENTOR_COUNT,
  DEMO_PROGRAM_ID,
  DEMO_TENANT_ID,
  DEMO_USERS,
  demoMenteeId,
  demoMentorId,
  demoProfileRandom,
  drawDemoName,
  pick,
} from '@trellis/shared/demo';

const DEPARTMENTS = [
  'engineering',
  'product',
  'design',
  'sales',
  'marketing',
  'finance',
  'people',
  'operations',
  'research',
  'legal',
];
const FIELDS = [
  'software',
  'data science',
  'ux research',
  'enterprise sales',
  'brand marketing',
  'accounting',
  'talent',
  'supply chain',
  'biotech',
  'compliance',
];
const SKILLS = [
  'leadership',
  'public speaking',
  'system design',
  'negotiation',
  'career planning',
  'python',
  'data analysis',
  'product strategy',
  'people management',
  'stakeholder management',
  'writing',
  'ux design',
  'financial modeling',
  'machine learning',
  'go',
  'typescript',
  'sales strategy',
  'hiring',
  'time management',
  'cloud architecture',
];
const INTERESTS = [
  'climbing',
  'chess',
  'cooking',
  'running',
  'photography',
  'music',
  'volunteering',
  'gardening',
  'reading',
  'travel',
  'board games',
  'cycling',
];
const ZONES: Array<[string, string[]]> = [
  ['Europe/Berlin', ['de', 'en']],
  ['Europe/London', ['en']],
  ['America/New_York', ['en', 'es']],
  ['America/Los_Angeles', ['en']],
  ['America/Sao_Paulo', ['pt', 'en']],
  ['Asia/Kolkata', ['hi', 'en']],
  ['Asia/Tokyo', ['ja', 'en']],
  ['Europe/Paris', ['fr', 'en']],
  ['Australia/Sydney', ['en']],
];
const STYLES = ['structured', 'conversational', 'hands-on', 'reflective'] as const;
const GOALS = [
  'Grow into a team lead role within a year',
  'Get better at presenting to senior leadership',
  'Move from individual work into product strategy',
  'Build confidence negotiating salary and scope',
  'Learn how to design systems that scale',
  'Find a path from support into engineering',
];

function sample<T>(rand: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length) chosen.push(pool.splice(Math.floor(rand() * pool.length), 1)[0] as T);
  return chosen;
}

function availability(rand: () => number): ProfileInput['availability'] {
  const days = sample(rand, [1, 2, 3, 4, 5], 1 + Math.floor(rand() * 3)).sort();
  return days.map((day) => {
    const start = (8 + Math.floor(rand() * 9)) * 60;
    return { day, startMinute: start, endMinute: start + 60 + 30 * Math.floor(rand() * 3) };
  });
}

export function demoProfile(kind: 'mentor' | 'mentee', index: number, mentorPersonIds: string[]): ProfileInput {
  const rand = demoProfileRandom(kind, index);
  const { first, last } = drawDemoName(rand);
  const [timezone, languages] = pick(rand, ZONES);
  const department = pick(rand, DEPARTMENTS);
  const mentor = kind === 'mentor';
  return {
    displayName: `${first} ${last}`,
    email: `${first}.${last}.${kind}${index}@demo.trellis.local`.toLowerCase(),
    headline: mentor
      ? `${10 + Math.floor(rand() * 15)} years in ${pick(rand, FIELDS)}`
      : `Early-career ${department} specialist`,
    bio: mentor
      ? `Happy to help with ${pick(rand, SKILLS)} and ${pick(rand, SKILLS)}.`
      : `Curious, working in ${department}.`,
    goals: mentor ? null : pick(rand, GOALS),
    department,
    seniority: mentor ? 4 + Math.floor(rand() * 6) : Math.floor(rand() * 4),
    field: pick(rand, FIELDS),
    skillsOffered: mentor
      ? sample(rand, SKILLS, 3 + Math.floor(rand() * 3)).map((skill) => ({ skill, level: 3 + Math.floor(rand() * 3) }))
      : [],
    skillsSought: mentor ? [] : sample(rand, SKILLS, 2 + Math.floor(rand() * 3)),
    interests: sample(rand, INTERESTS, 1 + Math.floor(rand() * 3)),
    languages: rand() < 0.8 ? languages : [languages[0] ?? 'en'],
    timezone,
    availability: availability(rand),
    formats: rand() < 0.3 ? ['virtual', 'in-person'] : ['virtual'],
    communicationStyle: pick(rand, STYLES),
    // Some mentees report to a mentor, so the reporting-line rule has something to exclude.
    managerPersonId: !mentor && rand() < 0.1 ? pick(rand, mentorPersonIds) : null,
    answers: [
      { questionId: 'focus', optionIds: [pick(rand, ['career', 'skills', 'leadership', 'network'])] },
      { questionId: 'pace', value: 1 + Math.floor(rand() * 5) },
    ],
  };
}

/**
 * Seeds the demo organization once (TRELLIS_SEED_DEMO=1, set by `npm start`): a program with 80 mentors and 300
 * mentees, enrolled in bulk (each person enrolls themselves, as they would in the app). Deterministic ids and command
 * ids make it idempotent: a second start changes nothing, and a start that crashed half-way is completed.
 */
@Injectable()
export class DemoSeed implements OnApplicationBootstrap {
  constructor(
    private readonly bulk: BulkEnrollment,
    private readonly store: ProfilesStore,
    private readonly readModels: ProfilesReadModels,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (process.env['TRELLIS_SEED_DEMO'] !== '1') return;
    const started = Date.now();
    const enrolled = await this.seed();
    this.logger.info({ enrolled, ms: Date.now() - started }, 'demo organization seeded');
  }

  async seed(): Promise<number> {
    const admin = DEMO_USERS.find((u) => u.alias === 'admin');
    const manager = DEMO_USERS.find((u) => u.alias === 'manager');
    if (!admin || !manager) throw new Error('demo identities are incomplete');
    const adminPrincipal: Principal = { personId: admin.personId, tenantId: DEMO_TENANT_ID, orgAdmin: true };
    if (!(await this.readModels.organizationOf(DEMO_TENANT_ID))) {
      await this.store.executeOrganization(
        adminPrincipal,
        { type: 'RegisterOrganization', organizationId: DEMO_TENANT_ID, name: 'Northwind University' },
        { commandId: `demo:organization:${DEMO_TENANT_ID}` },
      );
    }
    const programs = this.readModels.programsOf(DEMO_TENANT_ID);
    if (!(await programs.findOne({ _id: DEMO_PROGRAM_ID }))) {
      await this.store.executeProgram(
        adminPrincipal,
        DEMO_PROGRAM_ID,
        {
          type: 'CreateProgram',
          programId: DEMO_PROGRAM_ID,
          details: {
            name: 'Spring Mentoring 2027',
            description: 'Cross-functional mentoring for early-career staff: one mentor, six months, every two weeks.',
          },
          questions: [
            {
              questionId: 'focus',
              kind: 'single-choice',
              text: 'What should this mentorship focus on?',
              options: [
                { optionId: 'career', label: 'Career direction' },
                { optionId: 'skills', label: 'A specific skill' },
                { optionId: 'leadership', label: 'Leadership' },
                { optionId: 'network', label: 'Growing my network' },
              ],
              optionIds: ['career', 'skills', 'leadership', 'network'],
              usedForMatching: true,
              weight: 2,
            },
            {
              questionId: 'pace',
              kind: 'scale',
              text: 'How structured do you like your meetings (1 = free-flowing, 5 = agenda-driven)?',
              options: [],
              optionIds: [],
              scaleMin: 1,
              scaleMax: 5,
              usedForMatching: true,
              weight: 1,
            },
          ],
        },
        { commandId: `demo:create:${DEMO_PROGRAM_ID}` },
      );
    }
    await this.store.executeProgram(
      adminPrincipal,
      DEMO_PROGRAM_ID,
      { type: 'AssignProgramManager', personId: manager.personId },
      { commandId: `demo:manager:${DEMO_PROGRAM_ID}` },
    );
    await this.store.executeProgram(
      adminPrincipal,
      DEMO_PROGRAM_ID,
      { type: 'OpenEnrollment' },
      { commandId: `demo:open:${DEMO_PROGRAM_ID}` },
    );
    const mentorIds = Array.from({ length: DEMO_MENTOR_COUNT }, (_, i) => demoMentorId(i));
    const people: Array<{ personId: string; role: ParticipantRole; profile: ProfileInput; capacity: number | null }> = [
      ...mentorIds.map((personId, i) => ({
        personId,
        role: 'mentor' as const,
        profile: demoProfile('mentor', i, mentorIds),
        capacity: 1 + (i % 4),
      })),
      ...Array.from({ length: DEMO_MENTEE_COUNT }, (_, i) => ({
        personId: demoMenteeId(i),
        role: 'mentee' as const,
        profile: demoProfile('mentee', i, mentorIds),
        capacity: null,
      })),
    ];
    const participants = this.readModels.participantsOf(DEMO_TENANT_ID);
    const seeded = new Set(
      (
        await participants.find({
          _id: { $in: people.map((person) => participantIdFor(DEMO_PROGRAM_ID, person.personId)) },
        })
      ).map((row) => row._id),
    );
    const missing = people.filter((person) => !seeded.has(participantIdFor(DEMO_PROGRAM_ID, person.personId)));
    const program = await this.store.programFacts(DEMO_TENANT_ID, DEMO_PROGRAM_ID);
    const outcomes = await this.bulk.enroll(
      adminPrincipal,
      program,
      missing.map((person) => ({
        personId: person.personId,
        roles: [person.role],
        cohortId: null,
        mentorCapacity: person.capacity,
        profile: person.profile,
        commandId: `demo:enroll:${DEMO_PROGRAM_ID}:${person.personId}`,
      })),
      { selfEnrolled: true },
    );
    const failure = outcomes.find((error) => error !== null);
    if (failure) throw failure;
    const enrolled = outcomes.length;
    return enrolled;
  }
}
