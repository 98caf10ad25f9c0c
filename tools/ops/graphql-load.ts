// A steady GraphQL load through the gateway, as a mentorship program's people produce it: mentees enroll, look at
// their recommended mentors, ask mentors, edit their profiles; mentors read their requests and inbox; the manager
// reads the program. Every mutation carries a `commandId`, so sending it again is idempotent.
//
// The client retries only when the server tells it to, and then with the same operation and `commandId`:
//   - a GraphQL error with `extensions.retryable === true` (code SERVICE_UNAVAILABLE): wait `extensions.retryAfterMs`;
//   - HTTP 503 with a `Retry-After` header (a gateway or balancer with nowhere to send the request): wait that long.
// Anything else that is not a success is a failure (network errors included). After the run, `verify()` queries
// back everything an acknowledged mutation created and checks the read models downstream of Kafka: every enrollment
// reached matching, every mentorship request is listed once for its mentor and mentee, and every mentor's inbox
// holds exactly one "mentor requested" notification per acknowledged request — none lost, none twice.
//
// Alone: node tools/run/ts.mjs tools/ops/graphql-load.ts --gateway http://127.0.0.1:4000/graphql [--seconds 60]
//        [--rate 8] [--mentors 4] [--key .infra/dev-issuer/signing-key.json]
// It plays many people of a new organization, so it mints their tokens with the development issuer's key (the one
// `npm start` serves; the gateway must trust that issuer). Last line: RESULT ok=… failed=… retries=… p50_ms=… …
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { defaultDevKeyFile, loadAuthConfig, loadOrCreateDevSigningKey, mintToken } from '@trellis/shared/auth';
import type { Principal } from '@trellis/shared/auth';

export type Mint = (principal: Principal) => Promise<string>;

interface GraphqlError {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface LoadOptions {
  gatewayUrl: string;
  mint: Mint;
  /** Operations started per second (an open model: a slow answer does not slow the rate). */
  ratePerSecond?: number;
  mentors?: number;
  /** Attempts per operation, retries included, before it counts as failed. */
  maxAttempts?: number;
  requestTimeoutMs?: number;
  tenantId?: string;
  /** How long setup waits for matching to know the first mentee. */
  setupTimeoutMs?: number;
  /** The share of plain reads in the mix (0.5: about half); the rest keeps its proportions. */
  readShare?: number;
  /** Mailpit's HTTP API: when given, verify() also counts the "mentor requested" emails each mentor received. */
  mailpitUrl?: string;
  log?: (line: string) => void;
}

export interface OperationStats {
  ok: number;
  failed: number;
}

export interface LoadReport {
  seconds: number;
  operations: number;
  ok: number;
  failed: number;
  /** Attempts the server told the client to repeat. */
  retries: number;
  /** Operations that needed at least one retry. */
  retriedOperations: number;
  retryReasons: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  byOperation: Record<string, OperationStats>;
  failures: Array<{ operation: string; reason: string; at: string }>;
  acknowledged: { enrollments: number; requests: number; profileUpdates: number };
}

export interface VerifyReport {
  ok: boolean;
  problems: string[];
  /** Acknowledged effects missing from a read model, an inbox or a mailbox once the wait is over. */
  lost: number;
  /** Effects found more often than they were acknowledged, or without an operation that could have caused them. */
  doubled: number;
  /** Requests applied once although the client never got the answer (its connection broke): neither lost nor twice. */
  appliedUnanswered: number;
  checked: {
    participants: number;
    requests: number;
    notifications: number;
    profileUpdates: number;
    /** Emails counted in Mailpit (0 without `mailpitUrl`). */
    emails: number;
  };
  settleMs: number;
}

interface Mentee {
  principal: Principal;
  participantId: string;
  recommended: string[];
  requested: Set<string>;
  visibleAt?: number;
  lastCheck: number;
  busy: boolean;
  /** The last acknowledged time zone. */
  timezone?: string;
  /** Time zones of later updates whose answer never came: each may have been applied after the acknowledged one. */
  unsureTimezones: string[];
}

interface Mentor {
  principal: Principal;
  participantId: string;
  email: string;
}

interface AckedRequest {
  requestId: string;
  menteePersonId: string;
  mentorPersonId: string;
}

// The subject of the email a "mentor requested" notification sends (libs/notifications/domain templates).
const MENTOR_REQUESTED_SUBJECT = 'Someone asked you to be their mentor';
// The highest daily email budget a person may set (libs/notifications/domain preferences).
const MAX_EMAIL_BUDGET = 100;
const TIMEZONES = ['Europe/Berlin', 'Europe/Paris', 'Asia/Tokyo', 'America/New_York', 'Africa/Nairobi'];

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function participantProfile(displayName: string, mentor: boolean, timezone = 'Europe/Berlin') {
  return {
    displayName,
    email: `${displayName.toLowerCase()}@example.org`,
    timezone,
    languages: ['en'],
    skillsSought: mentor ? [] : ['system design', 'leadership'],
    skillsOffered: mentor
      ? [
          { skill: 'system design', level: 4 },
          { skill: 'leadership', level: 4 },
        ]
      : [],
    availability: [
      { day: 2, startMinute: 480, endMinute: 720 },
      { day: 4, startMinute: 480, endMinute: 720 },
    ],
    formats: ['VIRTUAL'],
  };
}

export class OperationFailed extends Error {
  constructor(
    readonly operation: string,
    readonly reason: string,
  ) {
    super(`${operation}: ${reason}`);
  }
}

/** One GraphQL client with the retry rule above; counts what happens. */
export class RetryingClient {
  private readonly tokens = new Map<string, Promise<string>>();
  readonly latencies: number[] = [];
  retries = 0;
  retriedOperations = 0;
  readonly retryReasons: Record<string, number> = {};
  readonly byOperation: Record<string, OperationStats> = {};
  readonly failures: LoadReport['failures'] = [];

  constructor(
    private readonly gatewayUrl: string,
    private readonly mint: Mint,
    private readonly maxAttempts = 10,
    private readonly requestTimeoutMs = 30_000,
  ) {}

  private token(principal: Principal): Promise<string> {
    const key = `${principal.tenantId}/${principal.personId}/${principal.orgAdmin}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = this.mint(principal);
      this.tokens.set(key, token);
    }
    return token;
  }

  /** Sends one operation, retrying when told to; throws OperationFailed otherwise. */
  async run<T>(operation: string, as: Principal, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const started = performance.now();
    const stats = (this.byOperation[operation] ??= { ok: 0, failed: 0 });
    let retried = false;
    try {
      for (let attempt = 1; ; attempt += 1) {
        const outcome = await this.attempt<T>(as, query, variables);
        if (outcome.kind === 'ok') {
          stats.ok += 1;
          this.latencies.push(performance.now() - started);
          return outcome.data;
        }
        if (outcome.kind === 'fail' || attempt >= this.maxAttempts) {
          const reason = outcome.kind === 'fail' ? outcome.reason : `still told to retry after ${attempt} attempts`;
          throw new OperationFailed(operation, reason);
        }
        this.retries += 1;
        retried = true;
        this.retryReasons[outcome.reason] = (this.retryReasons[outcome.reason] ?? 0) + 1;
        await sleep(outcome.waitMs);
      }
    } catch (error) {
      stats.failed += 1;
      const reason = error instanceof OperationFailed ? error.reason : String(error);
      this.failures.push({ operation, reason, at: new Date().toISOString() });
      throw error instanceof OperationFailed ? error : new OperationFailed(operation, reason);
    } finally {
      if (retried) this.retriedOperations += 1;
    }
  }

  private async attempt<T>(
    as: Principal,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<
    { kind: 'ok'; data: T } | { kind: 'retry'; waitMs: number; reason: string } | { kind: 'fail'; reason: string }
  > {
    let response: Response;
    try {
      response = await fetch(this.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.token(as)}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { kind: 'fail', reason: `network: ${cause ?? (error as Error).message}` };
    }
    const text = await response.text().catch(() => '');
    const retryAfter = response.headers.get('retry-after');
    let body: { data?: T | null; errors?: GraphqlError[] } | undefined;
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = undefined;
    }
    const retryable = body?.errors?.find((e) => e.extensions?.['retryable'] === true);
    if (retryable) {
      const waitMs = Number(retryable.extensions?.['retryAfterMs']);
      const subgraph = typeof retryable.extensions?.['subgraph'] === 'string' ? retryable.extensions['subgraph'] : '?';
      return {
        kind: 'retry',
        waitMs: Number.isFinite(waitMs) ? waitMs : 1000,
        reason: `${String(retryable.extensions?.['code'])}:${subgraph}`,
      };
    }
    if (response.status === 503 && retryAfter !== null) {
      const seconds = Number(retryAfter);
      return { kind: 'retry', waitMs: Number.isFinite(seconds) ? seconds * 1000 : 1000, reason: 'HTTP 503' };
    }
    if (!body) return { kind: 'fail', reason: `HTTP ${response.status}: ${text.slice(0, 120)}` };
    if (body.errors?.length) {
      const first = body.errors[0]!;
      const code = first.extensions?.['code'];
      return { kind: 'fail', reason: `${typeof code === 'string' ? code : 'NO_CODE'}: ${first.message}` };
    }
    if (response.status !== 200 || body.data == null) return { kind: 'fail', reason: `HTTP ${response.status}` };
    return { kind: 'ok', data: body.data };
  }
}

/**
 * The load: `setup()` creates an organization, a program with a manager and mentors; `start()` begins the steady
 * mix; `stop()` waits for operations in flight and reports; `verify()` checks every acknowledged effect.
 */
export class GraphqlLoad {
  readonly client: RetryingClient;
  readonly tenantId: string;
  private readonly rate: number;
  private readonly mentorCount: number;
  private readonly log: (line: string) => void;
  private readonly run = randomUUID().slice(0, 8);
  private programId = '';
  private maxOpen = 3;
  private admin!: Principal;
  private manager!: Principal;
  private readonly mentors: Mentor[] = [];
  private readonly mentees: Mentee[] = [];
  private readonly requests: AckedRequest[] = [];
  /** Per mentor: requests whose answer never came (the connection broke): each may or may not have been applied. */
  private readonly unanswered = new Map<string, number>();
  private profileUpdates = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  private startedAt = 0;
  private stoppedAt = 0;
  private operations = 0;
  private sequence = 0;

  constructor(private readonly options: LoadOptions) {
    this.client = new RetryingClient(
      options.gatewayUrl,
      options.mint,
      options.maxAttempts ?? 10,
      options.requestTimeoutMs ?? 30_000,
    );
    this.tenantId = options.tenantId ?? `load_${Date.now().toString(36)}_${this.run}`;
    this.rate = options.ratePerSecond ?? 8;
    this.mentorCount = options.mentors ?? 4;
    this.log = options.log ?? (() => undefined);
  }

  private person(role: string, orgAdmin = false): Principal {
    return { personId: `${role}-${this.tenantId}`, tenantId: this.tenantId, orgAdmin };
  }

  private commandId(what: string): string {
    return `load:${this.run}:${what}`;
  }

  async setup(): Promise<void> {
    const c = this.client;
    this.admin = this.person('admin', true);
    this.manager = this.person('manager');
    const created = await c.run<{ createProgram: { id: string; settings: { maxOpenRequestsPerMentee: number } } }>(
      'createProgram',
      this.admin,
      `mutation($name: String!, $commandId: ID) {
        createProgram(name: $name, settings: { defaultMentorCapacity: 20, maxOpenRequestsPerMentee: 3 },
          commandId: $commandId) { id settings { maxOpenRequestsPerMentee } } }`,
      { name: `Load ${this.run}`, commandId: this.commandId('program') },
    );
    this.programId = created.createProgram.id;
    this.maxOpen = created.createProgram.settings.maxOpenRequestsPerMentee;
    await c.run(
      'assignProgramManager',
      this.admin,
      `mutation($p: ID!, $m: ID!, $commandId: ID) { assignProgramManager(programId: $p, personId: $m, commandId: $commandId) { id } }`,
      { p: this.programId, m: this.manager.personId, commandId: this.commandId('manager') },
    );
    await c.run(
      'openEnrollment',
      this.manager,
      `mutation($p: ID!, $commandId: ID) { openEnrollment(programId: $p, commandId: $commandId) { status } }`,
      { p: this.programId, commandId: this.commandId('open') },
    );
    for (let i = 0; i < this.mentorCount; i += 1) {
      const principal = this.person(`mentor${i}`);
      const profile = participantProfile(`Mentor${i}${this.run}`, true);
      const enrolled = await c.run<{ enroll: { id: string } }>(
        'enroll',
        principal,
        `mutation($p: ID!, $profile: ProfileInput!, $commandId: ID) {
          enroll(programId: $p, roles: [MENTOR], profile: $profile, mentorCapacity: 20, commandId: $commandId) { id } }`,
        { p: this.programId, profile, commandId: this.commandId(`mentor${i}`) },
      );
      this.mentors.push({ principal, participantId: enrolled.enroll.id, email: profile.email });
    }
    // A first mentee, and wait until matching recommends a mentor to them: the pipeline from profiles through Kafka
    // to matching's read models works (on a loaded machine that can take a minute).
    const canary = await this.enrollMentee();
    const deadline = Date.now() + (this.options.setupTimeoutMs ?? 240_000);
    for (;;) {
      await this.checkVisible(canary);
      if (canary.recommended.length > 0) break;
      if (Date.now() > deadline) throw new Error('setup: matching recommends no mentor to the first mentee in time');
      await sleep(1000);
    }
    this.log(`setup: organization ${this.tenantId}, program ${this.programId}, ${this.mentorCount} mentors`);
  }

  /** Lets every mentor receive up to 100 emails a day (the most a person may choose) instead of the default ten. */
  async raiseEmailBudgets(): Promise<void> {
    for (const mentor of this.mentors) {
      await this.client.run(
        'updateNotificationPreferences',
        mentor.principal,
        `mutation { updateNotificationPreferences(input: { dailyEmailBudget: ${MAX_EMAIL_BUDGET} }) { dailyEmailBudget } }`,
      );
    }
  }

  start(): void {
    this.startedAt = Date.now();
    const interval = 1000 / this.rate;
    let next = performance.now();
    const tick = () => {
      next += interval;
      this.launch();
      this.timer = setTimeout(tick, Math.max(0, next - performance.now()));
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<LoadReport> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
    this.stoppedAt = Date.now();
    return this.report();
  }

  report(): LoadReport {
    const c = this.client;
    const sorted = [...c.latencies].sort((a, b) => a - b);
    const failed = Object.values(c.byOperation).reduce((n, s) => n + s.failed, 0);
    const ok = Object.values(c.byOperation).reduce((n, s) => n + s.ok, 0);
    return {
      seconds: ((this.stoppedAt || Date.now()) - this.startedAt) / 1000,
      operations: ok + failed,
      ok,
      failed,
      retries: c.retries,
      retriedOperations: c.retriedOperations,
      retryReasons: { ...c.retryReasons },
      p50Ms: Math.round(percentile(sorted, 50)),
      p99Ms: Math.round(percentile(sorted, 99)),
      maxMs: Math.round(sorted[sorted.length - 1] ?? 0),
      byOperation: structuredClone(c.byOperation),
      failures: [...c.failures],
      acknowledged: {
        enrollments: this.mentees.length,
        requests: this.requests.length,
        profileUpdates: this.profileUpdates,
      },
    };
  }

  private launch(): void {
    this.operations += 1;
    const work = this.next().catch(() => undefined); // counted by the client
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** The mix: enrollments, recommendation checks, requests, profile edits and reads (about half). */
  private next(): Promise<unknown> {
    // Rolls from 50 up are reads: stretching the range to 50 / (1 − share) makes that part `share` of it.
    const roll = (Math.random() * 50) / (1 - Math.min(0.9, Math.max(0, this.options.readShare ?? 0.5)));
    const pending = this.mentees.find((m) => !m.visibleAt && !m.busy && Date.now() - m.lastCheck > 1000);
    const asking = this.mentees.find(
      (m) =>
        m.visibleAt && !m.busy && m.requested.size < this.maxOpen && m.recommended.some((r) => !m.requested.has(r)),
    );
    if (roll < 12) return this.enrollMentee();
    if (roll < 24 && pending) return this.guard(pending, () => this.checkVisible(pending));
    if (roll < 40 && asking) return this.guard(asking, () => this.requestMentor(asking));
    if (roll < 50) {
      const idle = this.mentees.filter((m) => !m.busy);
      const mentee = idle[Math.floor(Math.random() * idle.length)];
      if (mentee) return this.guard(mentee, () => this.updateProfile(mentee));
    }
    return this.read();
  }

  private async guard(mentee: Mentee, work: () => Promise<unknown>): Promise<unknown> {
    mentee.busy = true;
    try {
      return await work();
    } finally {
      mentee.busy = false;
    }
  }

  private async enrollMentee(): Promise<Mentee> {
    const n = (this.sequence += 1);
    const principal = this.person(`mentee${n}`);
    const enrolled = await this.client.run<{ enroll: { id: string } }>(
      'enroll',
      principal,
      `mutation($p: ID!, $profile: ProfileInput!, $commandId: ID) {
        enroll(programId: $p, roles: [MENTEE], profile: $profile, commandId: $commandId) { id } }`,
      {
        p: this.programId,
        profile: participantProfile(`Mentee${n}${this.run}`, false),
        commandId: this.commandId(`mentee${n}`),
      },
    );
    const mentee: Mentee = {
      principal,
      participantId: enrolled.enroll.id,
      recommended: [],
      requested: new Set(),
      lastCheck: 0,
      busy: false,
      unsureTimezones: [],
    };
    this.mentees.push(mentee);
    return mentee;
  }

  /** The mentee opens "find a mentor": an empty list until matching has seen the enrollment. */
  private async checkVisible(mentee: Mentee): Promise<void> {
    mentee.lastCheck = Date.now();
    const result = await this.client.run<{ participant: { recommendedMentors: Array<{ mentorPersonId: string }> } }>(
      'recommendedMentors',
      mentee.principal,
      `query($id: ID!) { participant(id: $id) { id recommendedMentors(first: 10) { mentorPersonId freeSeats } } }`,
      { id: mentee.participantId },
    );
    const mentors = result.participant.recommendedMentors.map((r) => r.mentorPersonId);
    if (mentors.length) {
      mentee.visibleAt ??= Date.now();
      mentee.recommended = [...new Set([...mentee.recommended, ...mentors])];
    }
  }

  private async requestMentor(mentee: Mentee): Promise<void> {
    const mentor = mentee.recommended.find((r) => !mentee.requested.has(r))!;
    mentee.requested.add(mentor);
    const result = await this.client
      .run<{ requestMentor: { requestId: string } }>(
        'requestMentor',
        mentee.principal,
        `mutation($p: ID!, $mentor: ID!, $message: String, $commandId: ID) {
        requestMentor(programId: $p, mentorPersonId: $mentor, message: $message, commandId: $commandId) {
          requestId expiresAt } }`,
        {
          p: this.programId,
          mentor,
          message: 'Would you mentor me on system design?',
          commandId: this.commandId(`request:${mentee.principal.personId}:${mentor}`),
        },
      )
      .catch((error: unknown) => {
        this.unanswered.set(mentor, (this.unanswered.get(mentor) ?? 0) + 1);
        throw error;
      });
    this.requests.push({
      requestId: result.requestMentor.requestId,
      menteePersonId: mentee.principal.personId,
      mentorPersonId: mentor,
    });
  }

  private async updateProfile(mentee: Mentee): Promise<void> {
    const timezone = TIMEZONES[Math.floor(Math.random() * TIMEZONES.length)]!;
    mentee.unsureTimezones.push(timezone);
    await this.client.run(
      'updateProfile',
      mentee.principal,
      `mutation($id: ID!, $p: ProfileInput!, $commandId: ID) {
        updateProfile(participantId: $id, profile: $p, commandId: $commandId) { id timezone } }`,
      { id: mentee.participantId, p: { timezone }, commandId: this.commandId(`profile:${randomUUID()}`) },
    );
    mentee.timezone = timezone;
    mentee.unsureTimezones = [];
    this.profileUpdates += 1;
  }

  private read(): Promise<unknown> {
    const mentee = this.mentees[Math.floor(Math.random() * this.mentees.length)];
    const mentor = this.mentors[Math.floor(Math.random() * this.mentors.length)]!;
    const pick = Math.floor(Math.random() * 5);
    if (pick === 0 && mentee) {
      return this.client.run('me', mentee.principal, `{ me { personId participations { id programId displayName } } }`);
    }
    if (pick === 1) {
      return this.client.run(
        'program',
        this.manager,
        `query($id: ID!) { program(id: $id) { id name status settings { maxOpenRequestsPerMentee } } }`,
        { id: this.programId },
      );
    }
    if (pick === 2) {
      return this.client.run(
        'notifications',
        mentor.principal,
        `{ notifications(first: 10) { edges { node { id template subjectId } } } unreadNotificationCount }`,
      );
    }
    if (pick === 3) {
      return this.client.run('myMentorshipRequests', mentor.principal, `{ myMentorshipRequests { id status } }`);
    }
    if (mentee) {
      return this.client.run(
        'participant',
        mentee.principal,
        `query($id: ID!) { participant(id: $id) { id displayName timezone mentorshipRequests { id status } } }`,
        { id: mentee.participantId },
      );
    }
    return this.client.run('myMentorshipRequests', mentor.principal, `{ myMentorshipRequests { id status } }`);
  }

  /**
   * Queries back everything acknowledged. Effects that travel through Kafka are awaited up to `settleTimeoutMs`;
   * a duplicate is reported at once (it cannot go away).
   */
  async verify(settleTimeoutMs = 90_000): Promise<VerifyReport> {
    const started = Date.now();
    const deadline = started + settleTimeoutMs;
    const c = new RetryingClient(this.options.gatewayUrl, this.options.mint, 10);
    const problems: string[] = [];
    let lost = 0;
    let doubled = 0;
    let appliedUnanswered = 0;
    // Profiles: every enrollment, with its last acknowledged profile change.
    for (const mentee of this.mentees) {
      const got = await c.run<{ participant: { id: string; personId: string; timezone: string } | null }>(
        'verify:participant',
        mentee.principal,
        `query($id: ID!) { participant(id: $id) { id personId timezone } }`,
        { id: mentee.participantId },
      );
      if (got.participant?.personId !== mentee.principal.personId) {
        problems.push(`participant ${mentee.participantId} of ${mentee.principal.personId} not found`);
        lost += 1;
      } else if (
        mentee.timezone &&
        got.participant.timezone !== mentee.timezone &&
        !mentee.unsureTimezones.includes(got.participant.timezone)
      ) {
        // A lost acknowledged update; an update that failed on the client side may still have been applied later.
        problems.push(
          `participant ${mentee.participantId}: timezone ${got.participant.timezone}, acked ${mentee.timezone}`,
        );
        lost += 1;
      }
    }
    // Matching saw every enrollment (ParticipantEnrolled consumed): the mentee gets recommendations.
    const unseen = new Set(this.mentees.filter((m) => !m.visibleAt));
    while (unseen.size && Date.now() < deadline) {
      for (const mentee of [...unseen]) {
        const got = await c.run<{ participant: { recommendedMentors: unknown[] } }>(
          'verify:recommendedMentors',
          mentee.principal,
          `query($id: ID!) { participant(id: $id) { recommendedMentors(first: 3) { mentorPersonId } } }`,
          { id: mentee.participantId },
        );
        if (got.participant.recommendedMentors.length) unseen.delete(mentee);
      }
      if (unseen.size) await sleep(1000);
    }
    for (const mentee of unseen) problems.push(`matching never saw the enrollment of ${mentee.principal.personId}`);
    lost += unseen.size;

    // Matching: each request listed once, for its mentor and for its mentee.
    const byMentor = new Map<string, Set<string>>();
    for (const r of this.requests) {
      const set = byMentor.get(r.mentorPersonId) ?? new Set<string>();
      if (set.has(r.requestId)) {
        problems.push(`request ${r.requestId} acknowledged twice with the same id`);
        doubled += 1;
      }
      set.add(r.requestId);
      byMentor.set(r.mentorPersonId, set);
    }
    const mentorOf = new Map(this.mentors.map((m) => [m.principal.personId, m]));
    // Per mentor, the requests that exist: the acknowledged ones and those applied although their answer was lost.
    const settled = new Map<string, Set<string>>();
    for (const [mentorPersonId, expected] of byMentor) {
      const mentor = mentorOf.get(mentorPersonId);
      if (!mentor) {
        problems.push(`request to unknown mentor ${mentorPersonId}`);
        continue;
      }
      const got = await c.run<{ myMentorshipRequests: Array<{ id: string; programId: string }> }>(
        'verify:myMentorshipRequests',
        mentor.principal,
        `{ myMentorshipRequests { id programId } }`,
      );
      const ids = got.myMentorshipRequests.filter((r) => r.programId === this.programId).map((r) => r.id);
      const listedTwice = ids.length - new Set(ids).size;
      if (listedTwice) problems.push(`mentor ${mentorPersonId}: ${listedTwice} requests listed twice`);
      const missing = [...expected].filter((id) => !ids.includes(id));
      const extra = ids.filter((id) => !expected.has(id));
      const answerLost = extra.slice(0, this.unanswered.get(mentorPersonId) ?? 0);
      const unexplained = extra.length - answerLost.length;
      if (missing.length) problems.push(`mentor ${mentorPersonId}: ${missing.length} acknowledged requests missing`);
      if (unexplained) problems.push(`mentor ${mentorPersonId}: ${unexplained} requests nobody asked for`);
      lost += missing.length;
      doubled += listedTwice + unexplained;
      appliedUnanswered += answerLost.length;
      settled.set(mentorPersonId, new Set([...expected, ...answerLost]));
    }
    const menteesByPerson = new Map(this.mentees.map((m) => [m.principal.personId, m]));
    for (const [personId, mentee] of menteesByPerson) {
      const expected = this.requests.filter((r) => r.menteePersonId === personId).map((r) => r.requestId);
      if (!expected.length) continue;
      const got = await c.run<{ myMentorshipRequests: Array<{ id: string }> }>(
        'verify:myMentorshipRequests',
        mentee.principal,
        `{ myMentorshipRequests { id } }`,
      );
      const ids = got.myMentorshipRequests.map((r) => r.id);
      const missing = expected.filter((id) => !ids.includes(id));
      if (missing.length) problems.push(`mentee ${personId}: ${missing.length} acknowledged requests missing`);
      lost += missing.length;
    }

    // Notifications (two Kafka hops from the mutation): exactly one "mentor requested" item per request.
    let notifications = 0;
    for (const [mentorPersonId, acked] of byMentor) {
      const mentor = mentorOf.get(mentorPersonId);
      if (!mentor) continue;
      const expected = settled.get(mentorPersonId) ?? acked;
      for (;;) {
        const seen = await this.inboxSubjects(c, mentor.principal);
        const counts = new Map<string, number>();
        for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
        const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
        const missing = [...expected].filter((id) => !counts.has(id));
        const extra = [...counts.keys()].filter((id) => !expected.has(id));
        if (twice.length) problems.push(`mentor ${mentorPersonId}: ${twice.length} requests notified twice`);
        if (extra.length) problems.push(`mentor ${mentorPersonId}: ${extra.length} notifications for unknown requests`);
        if (twice.length || extra.length) {
          doubled += twice.length + extra.length;
          break;
        }
        if (!missing.length) {
          notifications += seen.length;
          break;
        }
        if (Date.now() > deadline) {
          problems.push(`mentor ${mentorPersonId}: ${missing.length} of ${expected.size} requests never notified`);
          lost += missing.length;
          break;
        }
        await sleep(1000);
      }
    }
    // Emails (after the inbox: the same event, one more hop through SMTP): one per acknowledged request.
    let emails = 0;
    const mailpitUrl = this.options.mailpitUrl;
    if (mailpitUrl) {
      for (const [mentorPersonId, acked] of byMentor) {
        const mentor = mentorOf.get(mentorPersonId);
        if (!mentor) continue;
        // Past the day's budget the rest waits for tomorrow's digest (raiseEmailBudgets() makes that rare).
        const expected = Math.min((settled.get(mentorPersonId) ?? acked).size, MAX_EMAIL_BUDGET);
        for (;;) {
          const got = await countEmails(mailpitUrl, mentor.email, MENTOR_REQUESTED_SUBJECT);
          if (got > expected) {
            problems.push(`mentor ${mentorPersonId}: ${got} "mentor requested" emails for ${expected} requests`);
            doubled += got - expected;
            emails += got;
            break;
          }
          if (got === expected) {
            emails += got;
            break;
          }
          if (Date.now() > deadline) {
            problems.push(`mentor ${mentorPersonId}: ${expected - got} of ${expected} emails never sent`);
            lost += expected - got;
            emails += got;
            break;
          }
          await sleep(1000);
        }
      }
    }
    return {
      ok: problems.length === 0,
      problems,
      lost,
      doubled,
      appliedUnanswered,
      checked: {
        participants: this.mentees.length,
        requests: this.requests.length,
        notifications,
        profileUpdates: this.profileUpdates,
        emails,
      },
      settleMs: Date.now() - started,
    };
  }

  private async inboxSubjects(c: RetryingClient, mentor: Principal): Promise<string[]> {
    const subjects: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        notifications: {
          edges: Array<{ node: { template: string; subjectId: string } }>;
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      } = await c.run(
        'verify:notifications',
        mentor,
        `query($after: String) { notifications(first: 50, after: $after) {
          edges { node { template subjectId } } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      for (const edge of page.notifications.edges) {
        if (edge.node.template === 'mentor-requested') subjects.push(edge.node.subjectId);
      }
      if (!page.notifications.pageInfo.hasNextPage || !page.notifications.pageInfo.endCursor) return subjects;
      after = page.notifications.pageInfo.endCursor;
    }
  }
}

/** How many emails with this subject Mailpit holds for the address. */
export async function countEmails(mailpitUrl: string, address: string, subject: string): Promise<number> {
  const query = encodeURIComponent(`to:"${address}" subject:"${subject}"`);
  const response = await fetch(`${mailpitUrl}/api/v1/search?limit=1&query=${query}`, {
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`mailpit search answered ${response.status}`);
  return ((await response.json()) as { messages_count: number }).messages_count;
}

export function formatReport(report: LoadReport): string {
  const reasons = Object.entries(report.retryReasons)
    .map(([reason, n]) => `${reason}=${n}`)
    .join(' ');
  return (
    `RESULT ok=${report.ok} failed=${report.failed} retries=${report.retries} retried_ops=${report.retriedOperations} ` +
    `ops_per_s=${(report.operations / Math.max(1, report.seconds)).toFixed(1)} p50_ms=${report.p50Ms} ` +
    `p99_ms=${report.p99Ms} max_ms=${report.maxMs} enrollments=${report.acknowledged.enrollments} ` +
    `requests=${report.acknowledged.requests} profile_updates=${report.acknowledged.profileUpdates}` +
    (reasons ? ` retry_reasons: ${reasons}` : '')
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      gateway: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
      seconds: { type: 'string', default: '60' },
      rate: { type: 'string', default: '8' },
      mentors: { type: 'string', default: '4' },
      key: { type: 'string' },
      verify: { type: 'boolean', default: true },
    },
  });
  const key = await loadOrCreateDevSigningKey(values.key ?? defaultDevKeyFile());
  const auth = loadAuthConfig();
  const load = new GraphqlLoad({
    gatewayUrl: values.gateway,
    mint: (principal) => mintToken(key, principal, auth, { expiresInSeconds: 3600 }),
    ratePerSecond: Number(values.rate),
    mentors: Number(values.mentors),
    log: (line) => console.log(line),
  });
  await load.setup();
  load.start();
  await sleep(Number(values.seconds) * 1000);
  const report = await load.stop();
  for (const failure of report.failures.slice(0, 20)) console.log(`failed ${failure.operation}: ${failure.reason}`);
  if (values.verify) {
    const verified = await load.verify();
    for (const problem of verified.problems) console.log(`verify: ${problem}`);
    console.log(
      `verified ${JSON.stringify(verified.checked)} in ${verified.settleMs} ms: ${verified.ok ? 'ok' : 'PROBLEMS'}`,
    );
    if (!verified.ok) process.exitCode = 1;
  }
  console.log(formatReport(report));
  if (report.failed) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
