// `npm run drill:faults`: the fault drills. Starts its OWN infrastructure (tools/infra/infra.mjs in a temporary data
// directory, on ports apart from the shared one), the replicated stack (@trellis/shared/stack) on it, and per drill a
// GraphQL load (tools/ops/graphql-load.ts) during which it injects one fault:
//   broker   — kill -9 of the Kafka broker for 30 s, then started again on its data;
//   mongo    — FerretDB (the MongoDB endpoint) stopped for 30 s, then started again;
//   smtp     — Mailpit (the SMTP server) stopped for 60 s while the load's requests send emails to mentors;
//   services — kill -9 of each app in turn (one instance of every subgraph and a gateway), started again at once.
// Then it waits (bounded) for every acknowledged effect — read models, inboxes, emails — and checks each is there once,
// counts the messages in every dead-letter topic and the error codes clients were answered with, prints one DRILL line
// per drill and `RESULT acknowledged=… lost=0 doubled=0 dead_lettered=0 max_recovery_s=…`. Exit code 1 otherwise.
// Options: --only broker|mongo|smtp|services (comma-separated), --commands 1000 (acknowledged mutations per drill),
// --rate 12 (operations/s), --replicas 2, --gateways 2, --mentors 12, --outage-s 30, --smtp-outage-s 60.
// It only ever stops processes it started (by the pid it or infra.mjs recorded); the shared infrastructure on the
// default ports is never touched.
// The drill's infrastructure first: it sets where the infrastructure is before the stack's modules read that.
import { type DrillInfrastructure, drillInfrastructure, ports } from './fault-drill-infrastructure';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { type AppInstance, type ReplicatedStack, startReplicatedStack } from '@trellis/shared/stack';
import {
  acknowledgedCommands,
  type DrillOutcome,
  type Fault,
  formatOutcome,
  formatResult,
  parseFaults,
  passed,
  summarize,
} from './fault-drill';
import { GraphqlLoad } from './graphql-load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Options {
  commands: number;
  rate: number;
  mentors: number;
  outageMs: number;
  smtpOutageMs: number;
}

class FaultDrills {
  private readonly admin: ReturnType<Kafka['admin']>;
  private load: GraphqlLoad | undefined;

  constructor(
    private readonly infra: DrillInfrastructure,
    private readonly stack: ReplicatedStack,
    private readonly options: Options,
  ) {
    const kafka = new Kafka({
      clientId: 'fault-drills',
      brokers: [infra.env['TRELLIS_KAFKA_BROKERS']!],
      logLevel: logLevel.NOTHING,
      retry: { retries: 10, initialRetryTime: 300 },
    });
    this.admin = kafka.admin();
  }

  /** Messages ever written to any dead-letter topic (nothing expires on the drill's broker). */
  async deadLetters(): Promise<number> {
    await this.admin.connect();
    const topics = (await this.admin.listTopics()).filter((t) => t.endsWith('.dlq'));
    let total = 0;
    for (const topic of topics) {
      for (const p of await this.admin.fetchTopicOffsets(topic)) total += Number(p.high) - Number(p.low);
    }
    return total;
  }

  /**
   * Until the gateways serve every subgraph: a gateway composes what answered when it started and the rest as it
   * comes, so right after start-up on a busy machine a field may be missing for a few seconds.
   */
  async awaitComposed(timeoutMs = 120_000): Promise<void> {
    const token = await this.stack.issuer.mint({ personId: 'drill-probe', tenantId: 'drill_probe', orgAdmin: false });
    const deadline = Date.now() + timeoutMs;
    let inARow = 0;
    let last = '';
    while (inARow < 10) {
      if (Date.now() > deadline) throw new Error(`the gateways do not serve every subgraph: ${last}`);
      const body = await fetch(this.stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { personId } myMentorshipRequests { id } unreadNotificationCount }' }),
        signal: AbortSignal.timeout(10_000),
      }).then(
        (r) => r.text(),
        (error: unknown) => String(error),
      );
      const ok = body.includes('"unreadNotificationCount"') && !body.includes('"errors"');
      inARow = ok ? inARow + 1 : 0;
      if (!ok) {
        last = body.slice(0, 300);
        await sleep(1000);
      }
    }
  }

  /** The readiness status (no answer within 3 s: 0) and, when it is red, the checks that failed with their message. */
  private async readiness(instance: AppInstance): Promise<{ status: number; failed: string }> {
    try {
      const response = await fetch(`${instance.base}/health/ready`, { signal: AbortSignal.timeout(3000) });
      if (response.ok) return { status: response.status, failed: '' };
      const body = (await response.json().catch(() => ({}))) as { error?: Record<string, { message?: string }> };
      const failed = Object.entries(body.error ?? {})
        .map(([check, detail]) => `${check}: ${detail.message ?? 'down'}`)
        .join('; ');
      return { status: response.status, failed };
    } catch {
      return { status: 0, failed: '' };
    }
  }

  /** Which instances answer readiness with something other than 200 now, and why (no answer within 3 s: 0). */
  private async notReady(): Promise<string[]> {
    const answers = await Promise.all(this.stack.instances.map((i) => this.readiness(i)));
    return this.stack.instances
      .map((i, n) => ({ name: `${i.app}#${i.index}`, answer: answers[n] ?? { status: 0, failed: '' } }))
      .filter((r) => r.answer.status !== 200)
      .map((r) => `${r.name}=${r.answer.status || 'no answer'}${r.answer.failed ? ` (${r.answer.failed})` : ''}`);
  }

  /** Seconds until every instance is ready again; an instance that died meanwhile is started again (and reported). */
  private async recovered(since: number, errors: string[], timeoutMs = 240_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const i of this.stack.instances.filter((x) => !x.running)) {
        const name = `${i.app}#${i.index}`;
        const exit = await i.stop();
        const said = this.stack.logs.filter((l) => l.startsWith(`[${name}]`)).slice(-15);
        errors.push(`${name} exited (${exit.code ?? exit.signal}) during the fault; started again`);
        log(`${name} exited with ${exit.code ?? exit.signal}; its last stderr:\n${said.join('')}`);
        await i.start();
      }
      const red = await this.notReady();
      if (!red.length) return (Date.now() - since) / 1000;
      if (Date.now() > deadline) {
        errors.push(`not ready ${timeoutMs / 1000} s after the fault ended: ${red.join(', ')}`);
        for (const name of red.map((r) => r.slice(0, r.indexOf('=')))) {
          const said = this.stack.logs.filter((l) => l.startsWith(`[${name}]`)).slice(-15);
          log(`${name} is still not ready; its last warnings and stderr:\n${said.join('')}`);
        }
        return (Date.now() - since) / 1000;
      }
      await sleep(500);
    }
  }

  /** Holds the fault for `ms`, noting halfway through which instances report not ready. */
  private async outage(ms: number, what: string): Promise<void> {
    const ends = Date.now() + ms;
    await sleep(ms / 2);
    const red = await this.notReady();
    log(`${what}: halfway through the outage, not ready: ${red.length ? red.join(', ') : 'none'}`);
    await sleep(ends - Date.now());
  }

  private async inject(fault: Fault, errors: string[]): Promise<number[]> {
    const { outageMs, smtpOutageMs } = this.options;
    if (fault === 'broker') {
      const pid = this.infra.pid('kafka');
      process.kill(pid, 'SIGKILL');
      log(`broker: kill -9 ${pid}`);
      await this.outage(outageMs, 'broker');
      const restored = Date.now();
      await this.infra.run('up', 'kafka');
      log(`broker: started again in ${((Date.now() - restored) / 1000).toFixed(1)} s`);
      return [await this.recovered(restored, errors)];
    }
    if (fault === 'mongo') {
      await this.infra.run('down', 'ferretdb');
      log('mongo: FerretDB stopped');
      await this.outage(outageMs, 'mongo');
      const restored = Date.now();
      await this.infra.run('up', 'ferretdb');
      log(`mongo: FerretDB started again in ${((Date.now() - restored) / 1000).toFixed(1)} s`);
      return [await this.recovered(restored, errors)];
    }
    if (fault === 'smtp') {
      await this.infra.run('down', 'mailpit');
      log('smtp: Mailpit stopped');
      await this.outage(smtpOutageMs, 'smtp');
      const restored = Date.now();
      await this.infra.run('up', 'mailpit');
      log(`smtp: Mailpit started again in ${((Date.now() - restored) / 1000).toFixed(1)} s`);
      return [await this.recovered(restored, errors)];
    }
    const recoveries: number[] = [];
    for (const app of [...this.stack.subgraphs, 'gateway']) {
      const instance = this.stack.instances.find((i) => i.app === app && i.index === 0)!;
      const exit = await instance.kill();
      const restarted = Date.now();
      await instance.start();
      const seconds = await this.recovered(restarted, errors);
      recoveries.push(seconds);
      const so = this.load?.report();
      log(
        `services: kill -9 ${app}#0 (${exit.signal ?? exit.code}), ready again after ${seconds.toFixed(1)} s; ` +
          `load so far ${so?.ok ?? 0} ok, ${so?.failed ?? 0} failed, ${so?.retries ?? 0} retries`,
      );
      await sleep(3000);
    }
    return recoveries;
  }

  async run(fault: Fault): Promise<DrillOutcome> {
    const { commands, rate, mentors } = this.options;
    const errors: string[] = [];
    const load = new GraphqlLoad({
      gatewayUrl: this.stack.gatewayUrl,
      mint: (principal) => this.stack.issuer.mint(principal),
      ratePerSecond: rate,
      mentors,
      // An outage lasts up to a minute and the server asks for a retry every 0.5–1 s: a client that keeps trying.
      maxAttempts: 400,
      // Mostly commands (enrollments, requests, profile edits), with enough reads to see what readers are told.
      readShare: 0.2,
      mailpitUrl: this.infra.env['TRELLIS_MAILPIT_URL'],
      log,
    });
    this.load = load;
    await load.setup();
    // The mentors are asked by many mentees at once: every "mentor requested" email is to go out now, none wait for
    // the daily digest, so each one can be counted.
    await load.raiseEmailBudgets();
    const deadLettersBefore = await this.deadLetters();
    log(`${fault}: load at ${rate} operations/s until ${commands} commands are acknowledged`);
    load.start();
    let recoveriesS: number[] = [];
    try {
      await sleep(5000);
      recoveriesS = await this.inject(fault, errors);
      const deadline = Date.now() + Math.max(300, (commands / rate) * 5) * 1000;
      while (acknowledgedCommands(load.report()) < commands && Date.now() < deadline) await sleep(500);
      const acknowledged = acknowledgedCommands(load.report());
      if (acknowledged < commands) errors.push(`only ${acknowledged} of ${commands} commands acknowledged in time`);
    } catch (error) {
      errors.push(`drill: ${error instanceof Error ? error.message : String(error)}`);
    }
    const report = await load.stop();
    log(
      `${fault}: load stopped after ${report.operations} operations, ${acknowledgedCommands(report)} commands ` +
        'acknowledged; waiting for every effect (at most 240 s)',
    );
    const verify = await load.verify(240_000);
    if (!verify.ok) log(`${fault}: did not converge: ${verify.problems.slice(0, 10).join('; ')}`);
    const deadLettered = (await this.deadLetters()) - deadLettersBefore;
    for (const f of report.failures.slice(0, 10)) log(`${fault}: failed ${f.operation} at ${f.at}: ${f.reason}`);
    for (const e of errors) log(`${fault}: ${e}`);
    return { fault, load: report, verify, deadLettered, recoveriesS, errors };
  }

  async close(): Promise<void> {
    await this.admin.disconnect().catch(() => undefined);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      commands: { type: 'string', default: '1000' },
      rate: { type: 'string', default: '12' },
      replicas: { type: 'string', default: '2' },
      gateways: { type: 'string', default: '2' },
      // Enough that no mentor is asked more than a hundred times (the most emails a day a person may allow).
      mentors: { type: 'string', default: '12' },
      'outage-s': { type: 'string', default: '30' },
      'smtp-outage-s': { type: 'string', default: '60' },
    },
  });
  const options: Options = {
    commands: Number(values.commands),
    rate: Number(values.rate),
    mentors: Number(values.mentors),
    outageMs: Number(values['outage-s']) * 1000,
    smtpOutageMs: Number(values['smtp-outage-s']) * 1000,
  };
  const infra = drillInfrastructure;
  process.env['TRELLIS_E2E_LOG_LEVEL'] ??= 'warn';
  const started = Date.now();
  let stack: ReplicatedStack | undefined;
  let drills: FaultDrills | undefined;
  const cleanUp = async () => {
    await drills?.close();
    await stack?.close().catch((error: unknown) => log(`stack close: ${String(error)}`));
    await infra.removeAll();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    const faults = parseFaults(values.only);
    await infra.assertPortsFree();
    log(`infrastructure in ${infra.dir}: kafka :${ports.TRELLIS_KAFKA_PORT}, ferretdb :${ports.TRELLIS_MONGO_PORT}`);
    await infra.run('up');
    stack = await startReplicatedStack({ replicas: Number(values.replicas), gateways: Number(values.gateways) });
    log(`stack ready after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    drills = new FaultDrills(infra, stack, options);
    await drills.awaitComposed();
    const outcomes: DrillOutcome[] = [];
    for (const fault of faults) {
      const outcome = await drills.run(fault);
      outcomes.push(outcome);
      console.log(formatOutcome(outcome));
    }
    for (const o of outcomes) console.log(formatOutcome(o));
    const summary = summarize(outcomes);
    console.log(`drills took ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(formatResult(summary));
    return passed(summary) ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
