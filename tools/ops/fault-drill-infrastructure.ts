// The fault drills' own infrastructure: tools/infra/infra.mjs with a temporary data directory and ports apart from the
// shared infrastructure's. Importing this module sets the TRELLIS_* variables that say where the infrastructure is, so
// it must be imported before anything that reads them when it is loaded (@trellis/shared/testing, hence the stack).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

// Not the shared infrastructure's ports (9092/9093, 27017, 54329, 1025/8025).
export const ports = {
  TRELLIS_KAFKA_PORT: 19092,
  TRELLIS_KAFKA_CONTROLLER_PORT: 19093,
  TRELLIS_MONGO_PORT: 37017,
  TRELLIS_POSTGRES_PORT: 54339,
  TRELLIS_SMTP_PORT: 11025,
  TRELLIS_MAILPIT_HTTP_PORT: 18025,
};

function canConnect(port: number): Promise<boolean> {
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

/** The drill's own infrastructure: infra.mjs with the drill's data directory and ports. */
export class DrillInfrastructure {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-fault-drills-'));
  readonly env: Record<string, string> = {
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    TRELLIS_INFRA_DIR: this.dir,
    TRELLIS_MONGO_URL: `mongodb://127.0.0.1:${ports.TRELLIS_MONGO_PORT}`,
    TRELLIS_KAFKA_BROKERS: `127.0.0.1:${ports.TRELLIS_KAFKA_PORT}`,
    TRELLIS_SMTP_URL: `smtp://127.0.0.1:${ports.TRELLIS_SMTP_PORT}`,
    TRELLIS_MAILPIT_URL: `http://127.0.0.1:${ports.TRELLIS_MAILPIT_HTTP_PORT}`,
  };

  constructor() {
    // As root, infra.mjs runs PostgreSQL as the `postgres` user, which must reach its data directory inside this one.
    fs.chmodSync(this.dir, 0o755);
  }

  async assertPortsFree(): Promise<void> {
    for (const [name, port] of Object.entries(ports)) {
      // infra.mjs would reuse whatever answers there; the drill must own what it kills.
      if (await canConnect(port)) throw new Error(`port ${port} (${name}) is in use: the drill needs it for itself`);
    }
  }

  run(command: 'up' | 'down', ...components: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(repoRoot, 'tools/infra/infra.mjs'), command, ...components], {
        cwd: repoRoot,
        env: { ...process.env, ...this.env },
        stdio: ['ignore', 'inherit', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('exit', (code) =>
        code === 0
          ? resolve()
          : reject(new Error(`infra ${command} ${components.join(' ')}: exit ${code}\n${stderr.slice(-2000)}`)),
      );
    });
  }

  /** The pid infra.mjs recorded for a component it started. */
  pid(component: string): number {
    const pid = Number(fs.readFileSync(path.join(this.dir, 'run', `${component}.pid`), 'utf8').trim());
    if (!(pid > 0)) throw new Error(`no pid recorded for ${component}`);
    return pid;
  }

  async removeAll(): Promise<void> {
    await this.run('down').catch((error: unknown) => log(`infra down: ${String(error)}`));
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export const drillInfrastructure = new DrillInfrastructure();
Object.assign(process.env, drillInfrastructure.env);
