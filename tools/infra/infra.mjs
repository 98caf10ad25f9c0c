#!/usr/bin/env node
// Local infrastructure without Docker: a KRaft Kafka broker from Maven Central jars, FerretDB (MongoDB
// wire protocol on SQLite) and Mailpit (SMTP sink with an HTTP API), all on loopback.
// Plain Node with no npm dependencies, because `npm start` / `npm test` call it before or right after install.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRuntime } from '../run/runtime.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;

export const config = {
  cacheDir: env.TRELLIS_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'trellis'),
  dataDir: env.TRELLIS_INFRA_DIR ?? path.join(repoRoot, '.infra'),
  kafka: {
    version: env.TRELLIS_KAFKA_VERSION ?? '4.1.1',
    port: Number(env.TRELLIS_KAFKA_PORT ?? 9092),
    controllerPort: Number(env.TRELLIS_KAFKA_CONTROLLER_PORT ?? 9093),
    heap: env.TRELLIS_KAFKA_HEAP ?? '512m',
  },
  ferretdb: {
    version: env.TRELLIS_FERRETDB_VERSION ?? 'v1.24.2',
    port: Number(env.TRELLIS_MONGO_PORT ?? 27017),
  },
  postgres: {
    port: Number(env.TRELLIS_POSTGRES_PORT ?? 54329),
  },
  mailpit: {
    version: env.TRELLIS_MAILPIT_VERSION ?? 'v1.27.11',
    smtpPort: Number(env.TRELLIS_SMTP_PORT ?? 1025),
    httpPort: Number(env.TRELLIS_MAILPIT_HTTP_PORT ?? 8025),
  },
};

const binDir = path.join(config.cacheDir, 'bin');
const log = (msg) => process.stderr.write(`[infra] ${msg}\n`);

class InfraError extends Error {
  constructor(component, message, logFile) {
    super(`${component}: ${message}`);
    this.component = component;
    this.logFile = logFile;
  }
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-30).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  return result.stdout;
}

function requireTool(component, tool, hint) {
  const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new InfraError(component, `'${tool}' is not installed (${hint})`);
}

// ---------- installation (cached outside the clone) ----------

function installKafka() {
  const home = path.join(config.cacheDir, `kafka-${config.kafka.version}`);
  const marker = path.join(home, '.complete');
  if (fs.existsSync(marker)) return home;
  requireTool('kafka', 'java', 'Java 17+ runs the broker');
  requireTool('kafka', 'mvn', 'Maven fetches the broker jars from Maven Central');
  log(`installing Kafka ${config.kafka.version} from Maven Central into ${home}`);
  fs.rmSync(home, { recursive: true, force: true });
  run('mvn', [
    '-q',
    '-B',
    '-f',
    path.join(repoRoot, 'tools/infra/kafka-pom.xml'),
    `-Dkafka.version=${config.kafka.version}`,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${path.join(home, 'lib')}`,
  ]);
  fs.writeFileSync(marker, new Date().toISOString());
  return home;
}

function goInstall(component, binaryName, version, build) {
  const target = path.join(binDir, `${binaryName}-${version}`);
  if (fs.existsSync(target)) return target;
  requireTool(component, 'go', 'Go builds it from the Go module proxy');
  log(`building ${component} ${version} with go (first run only)`);
  fs.mkdirSync(binDir, { recursive: true });
  build(target);
  return target;
}

function installFerretDb() {
  return goInstall('ferretdb', 'ferretdb', config.ferretdb.version, (target) => {
    // `go install` of FerretDB v1 panics at start-up: its release version comes from a generated
    // build/version/version.txt that the module zip does not contain. Build from a copy with it written.
    const modulePath = `github.com/FerretDB/FerretDB@${config.ferretdb.version}`;
    const info = JSON.parse(run('go', ['mod', 'download', '-json', modulePath]));
    const src = fs.mkdtempSync(path.join(os.tmpdir(), 'ferretdb-src-'));
    try {
      fs.cpSync(info.Dir, src, { recursive: true });
      run('chmod', ['-R', 'u+w', src]);
      fs.writeFileSync(path.join(src, 'build/version/version.txt'), `${config.ferretdb.version}\n`);
      run('go', ['build', '-o', target, './cmd/ferretdb'], { cwd: src, env: { ...env, CGO_ENABLED: '0' } });
    } finally {
      fs.rmSync(src, { recursive: true, force: true });
    }
  });
}

function installMailpit() {
  return goInstall('mailpit', 'mailpit', config.mailpit.version, (target) => {
    const gobin = fs.mkdtempSync(path.join(os.tmpdir(), 'mailpit-bin-'));
    try {
      run('go', ['install', `github.com/axllent/mailpit@${config.mailpit.version}`], {
        env: { ...env, GOBIN: gobin, CGO_ENABLED: '0' },
      });
      fs.renameSync(path.join(gobin, 'mailpit'), target);
    } finally {
      fs.rmSync(gobin, { recursive: true, force: true });
    }
  });
}

function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => b - a)
    : [];
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb'))) return bin;
  }
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return onPath.status === 0 ? path.dirname(onPath.stdout.trim()) : undefined;
}

function installPostgres() {
  const existing = findPostgresBin();
  if (existing) return existing;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) throw new InfraError('postgres', 'PostgreSQL server binaries not found: install the postgresql package');
  log("installing Debian's postgresql package (first run only)");
  run('apt-get', ['update', '-qq'], { env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], {
    env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const bin = findPostgresBin();
  if (!bin) throw new InfraError('postgres', 'postgresql installed but initdb was not found');
  return bin;
}

// PostgreSQL refuses to run as root: as root, run its tools as the package's `postgres` user.
function asPostgresUser(cmd, args) {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

// ---------- process bookkeeping (pid files; never kill by name) ----------

const pidFile = (name) => path.join(config.dataDir, 'run', `${name}.pid`);
const logFile = (name) => path.join(config.dataDir, 'logs', `${name}.log`);

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function runningPid(name) {
  try {
    const pid = Number(fs.readFileSync(pidFile(name), 'utf8').trim());
    return pid > 0 && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function startDetached(name, cmd, args, cwd) {
  fs.mkdirSync(path.dirname(pidFile(name)), { recursive: true });
  fs.mkdirSync(path.dirname(logFile(name)), { recursive: true });
  const out = fs.openSync(logFile(name), 'a');
  const child = spawn(cmd, args, { cwd, detached: true, stdio: ['ignore', out, out] });
  child.unref();
  fs.writeFileSync(pidFile(name), String(child.pid));
  return child.pid;
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

// An open port is not enough for FerretDB: with its PostgreSQL pool exhausted it still accepts connections but answers
// no command. So readiness is a real `ping` when the driver is installed (it is, after `npm ci`).
async function answersPing(port) {
  if (!(await canConnect(port))) return false;
  let mongodb;
  try {
    mongodb = await import('mongodb');
  } catch {
    return true;
  }
  const client = new mongodb.MongoClient(`mongodb://127.0.0.1:${port}/?directConnection=true`, {
    serverSelectionTimeoutMS: 3000,
    socketTimeoutMS: 3000,
    connectTimeoutMS: 3000,
  });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close(true).catch(() => undefined);
  }
}

async function waitFor(name, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (!runningPid(name)) throw new InfraError(name, 'exited during start-up', logFile(name));
    await sleep(250);
  }
  throw new InfraError(name, `not ready within ${timeoutMs / 1000}s`, logFile(name));
}

// ---------- components ----------

const components = {
  kafka: {
    isReady: async () => {
      if (!(await canConnect(config.kafka.port))) return false;
      // The port opens before the broker has finished registering with its controller.
      return /Kafka Server started|\[KafkaRaftServer nodeId=1\] Kafka Server started/.test(tail(logFile('kafka'), 400));
    },
    start: async () => {
      const home = installKafka();
      const dir = path.join(config.dataDir, 'kafka');
      const logsDir = path.join(dir, 'data');
      const propsFile = path.join(dir, 'server.properties');
      const log4jFile = path.join(dir, 'log4j2.properties');
      fs.mkdirSync(dir, { recursive: true });
      const { port, controllerPort } = config.kafka;
      fs.writeFileSync(
        propsFile,
        [
          'process.roles=broker,controller',
          'node.id=1',
          `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
          `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
          `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
          'controller.listener.names=CONTROLLER',
          'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
          'inter.broker.listener.name=PLAINTEXT',
          `log.dirs=${logsDir}`,
          'num.partitions=3',
          'auto.create.topics.enable=false',
          'offsets.topic.replication.factor=1',
          'offsets.topic.num.partitions=10',
          'transaction.state.log.replication.factor=1',
          'transaction.state.log.min.isr=1',
          'share.coordinator.state.topic.replication.factor=1',
          'share.coordinator.state.topic.min.isr=1',
          'group.initial.rebalance.delay.ms=0',
          // Tests create and delete many short-lived topics.
          'delete.topic.enable=true',
          'log.retention.hours=-1',
          '',
        ].join('\n'),
      );
      fs.writeFileSync(
        log4jFile,
        [
          'status = warn',
          'appender.out.type = Console',
          'appender.out.name = STDOUT',
          'appender.out.layout.type = PatternLayout',
          'appender.out.layout.pattern = [%d] %p %m (%c)%n',
          'rootLogger.level = INFO',
          'rootLogger.appenderRef.out.ref = STDOUT',
          'logger.kafka.name = kafka',
          'logger.kafka.level = WARN',
          'logger.state.name = state.change.logger',
          'logger.state.level = WARN',
          'logger.server.name = kafka.server.KafkaRaftServer',
          'logger.server.level = INFO',
          'logger.org.name = org.apache.kafka',
          'logger.org.level = WARN',
          '',
        ].join('\n'),
      );
      const classpath = path.join(home, 'lib', '*');
      const jvm = [`-Xms${config.kafka.heap}`, `-Xmx${config.kafka.heap}`, '-XX:+UseG1GC', '-XX:TieredStopAtLevel=1'];
      jvm.push(`-Dlog4j2.configurationFile=${log4jFile}`, '-Djava.awt.headless=true');
      if (!fs.existsSync(path.join(logsDir, 'meta.properties'))) {
        run('java', [
          ...jvm,
          '-cp',
          classpath,
          'kafka.tools.StorageTool',
          'format',
          '-t',
          randomUUID().replaceAll('-', '').slice(0, 22),
          '-c',
          propsFile,
          '--standalone',
        ]);
      }
      // Readiness reads this log for the broker's "started" line: begin each start with an empty one.
      fs.mkdirSync(path.dirname(logFile('kafka')), { recursive: true });
      fs.writeFileSync(logFile('kafka'), '');
      startDetached('kafka', 'java', [...jvm, '-cp', classpath, 'kafka.Kafka', propsFile], dir);
    },
    timeoutMs: 90_000,
    describe: () => `kafka ${config.kafka.version} at 127.0.0.1:${config.kafka.port}`,
  },
  postgres: {
    isReady: () => canConnect(config.postgres.port),
    start: async () => {
      const bin = installPostgres();
      const dir = path.join(config.dataDir, 'postgres');
      const data = path.join(dir, 'data');
      fs.mkdirSync(dir, { recursive: true });
      if (process.getuid?.() === 0) run('chown', ['-R', 'postgres:postgres', dir]);
      if (!fs.existsSync(path.join(data, 'PG_VERSION'))) {
        const [cmd, args] = asPostgresUser(path.join(bin, 'initdb'), [
          '-D',
          data,
          '-U',
          'postgres',
          '--auth=trust',
          '-E',
          'UTF8',
        ]);
        run(cmd, args);
      }
      fs.mkdirSync(path.dirname(logFile('postgres')), { recursive: true });
      const pgLog = path.join(dir, 'postgres.log');
      // Local development and tests only: durability settings off for speed; production uses real MongoDB.
      const options = [
        `-p ${config.postgres.port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
        '-c shared_buffers=128MB',
      ].join(' ');
      const [cmd, args] = asPostgresUser(path.join(bin, 'pg_ctl'), [
        '-D',
        data,
        '-l',
        pgLog,
        '-o',
        options,
        '-w',
        '-t',
        '60',
        'start',
      ]);
      try {
        run(cmd, args);
      } catch (error) {
        throw new InfraError('postgres', error.message, pgLog);
      }
      const pid = fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
      fs.mkdirSync(path.dirname(pidFile('postgres')), { recursive: true });
      fs.writeFileSync(pidFile('postgres'), pid);
      const created = spawnSync(
        ...asPostgresUser(path.join(bin, 'createdb'), [
          '-h',
          '127.0.0.1',
          '-p',
          String(config.postgres.port),
          '-U',
          'postgres',
          'ferretdb',
        ]),
        { encoding: 'utf8' },
      );
      if (created.status !== 0 && !/already exists/.test(created.stderr)) {
        throw new InfraError('postgres', `createdb failed: ${created.stderr}`, pgLog);
      }
    },
    // SIGINT is PostgreSQL's fast shutdown: it rolls back open transactions instead of waiting for clients.
    stopSignal: 'SIGINT',
    timeoutMs: 60_000,
    describe: () => `postgres (FerretDB's storage) at 127.0.0.1:${config.postgres.port}`,
  },
  ferretdb: {
    isReady: () => answersPing(config.ferretdb.port),
    start: async () => {
      const bin = installFerretDb();
      const dir = path.join(config.dataDir, 'ferretdb');
      fs.mkdirSync(dir, { recursive: true });
      startDetached(
        'ferretdb',
        bin,
        [
          // The SQLite backend filters and sorts in FerretDB itself: a stream read costs O(collection size),
          // which made appends 30x slower at a few thousand commits. PostgreSQL gets the filters pushed down.
          '--handler=postgresql',
          // pgx defaults to max(4, cores) pooled connections; FerretDB deadlocks on that pool under concurrent
          // writers (its metadata registry waits for a connection while requests hold the rest).
          `--postgresql-url=postgres://postgres@127.0.0.1:${config.postgres.port}/ferretdb?pool_max_conns=80`,
          `--state-dir=${dir}`,
          `--listen-addr=127.0.0.1:${config.ferretdb.port}`,
          // The debug HTTP port would clash between two clones; nothing here reads it.
          '--debug-addr=-',
          '--telemetry=disable',
          '--log-level=warn',
        ],
        dir,
      );
    },
    timeoutMs: 30_000,
    describe: () => `ferretdb ${config.ferretdb.version} (postgresql) at mongodb://127.0.0.1:${config.ferretdb.port}`,
  },
  mailpit: {
    isReady: async () => {
      try {
        const res = await fetch(`http://127.0.0.1:${config.mailpit.httpPort}/readyz`);
        return res.ok && (await canConnect(config.mailpit.smtpPort));
      } catch {
        return false;
      }
    },
    start: async () => {
      const bin = installMailpit();
      const dir = path.join(config.dataDir, 'mailpit');
      fs.mkdirSync(dir, { recursive: true });
      startDetached(
        'mailpit',
        bin,
        [
          '--smtp',
          `127.0.0.1:${config.mailpit.smtpPort}`,
          '--listen',
          `127.0.0.1:${config.mailpit.httpPort}`,
          '--database',
          path.join(dir, 'mailpit.db'),
          '--smtp-auth-accept-any',
          '--smtp-auth-allow-insecure',
          '--disable-version-check',
          '--quiet',
        ],
        dir,
      );
    },
    timeoutMs: 20_000,
    describe: () =>
      `mailpit ${config.mailpit.version}: smtp 127.0.0.1:${config.mailpit.smtpPort}, http://127.0.0.1:${config.mailpit.httpPort}`,
  },
};

const order = ['postgres', 'ferretdb', 'mailpit', 'kafka'];
// Starting a component starts what it needs first; stopping it leaves its dependencies running.
const dependencies = { ferretdb: ['postgres'] };

function selected(names, withDependencies = false) {
  const unknown = names.filter((n) => !components[n]);
  if (unknown.length) throw new Error(`unknown component(s): ${unknown.join(', ')} (known: ${order.join(', ')})`);
  const wanted = new Set(names);
  if (withDependencies) for (const n of names) for (const d of dependencies[n] ?? []) wanted.add(d);
  return names.length ? order.filter((n) => wanted.has(n)) : order;
}

async function startOne(name) {
  const component = components[name];
  if (runningPid(name) && (await component.isReady())) return 'already running';
  if (!runningPid(name) && (await component.isReady())) {
    // Something else (an external server or another clone) already serves this port: use it as is.
    return 'external, reused';
  }
  if (runningPid(name)) {
    // Started by us but not ready yet (e.g. a concurrent `up`): wait for it instead of starting twice.
    await waitFor(name, component.isReady, component.timeoutMs);
    return 'started';
  }
  await component.start();
  await waitFor(name, component.isReady, component.timeoutMs);
  return 'started';
}

export async function up(names = []) {
  const started = [];
  for (const name of selected(names, true)) {
    const began = Date.now();
    const outcome = await startOne(name);
    if (outcome === 'started') started.push(name);
    log(`${components[name].describe()}: ${outcome} (${((Date.now() - began) / 1000).toFixed(1)}s)`);
  }
  return started;
}

export async function down(names = []) {
  for (const name of selected(names).reverse()) {
    const pid = runningPid(name);
    if (!pid) {
      fs.rmSync(pidFile(name), { force: true });
      continue;
    }
    process.kill(pid, components[name].stopSignal ?? 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (isAlive(pid) && Date.now() < deadline) await sleep(200);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    fs.rmSync(pidFile(name), { force: true });
    log(`${name}: stopped (pid ${pid})`);
  }
}

export async function status() {
  const rows = [];
  for (const name of order) {
    const pid = runningPid(name);
    const ready = await components[name].isReady();
    rows.push({ name, pid: pid ?? null, ready, describe: components[name].describe() });
  }
  return rows;
}

async function main() {
  const [command = 'status', ...rest] = process.argv.slice(2);
  try {
    switch (command) {
      case 'up':
        await up(rest);
        break;
      case 'down':
        await down(rest);
        break;
      case 'status': {
        const rows = await status();
        for (const r of rows)
          console.log(`${r.name.padEnd(9)} ${r.ready ? 'ready' : 'down '} pid=${r.pid ?? '-'}  ${r.describe}`);
        process.exitCode = rows.every((r) => r.ready) ? 0 : 1;
        break;
      }
      case 'logs':
        for (const name of selected(rest)) console.log(`==> ${logFile(name)} <==\n${tail(logFile(name), 60)}\n`);
        break;
      case 'reset':
        await down(rest);
        if (rest.length === 0) fs.rmSync(config.dataDir, { recursive: true, force: true });
        for (const name of selected(rest)) fs.rmSync(path.join(config.dataDir, name), { recursive: true, force: true });
        log('data removed; run `npm run infra -- up` to start afresh');
        break;
      default:
        throw new Error(`usage: npm run infra -- up|down|status|logs|reset [${order.join('|')} ...]`);
    }
  } catch (error) {
    console.error(`[infra] ${error.message}`);
    if (error.logFile) console.error(`[infra] last lines of ${error.logFile}:\n${tail(error.logFile)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await ensureRuntime();
  await main();
}
