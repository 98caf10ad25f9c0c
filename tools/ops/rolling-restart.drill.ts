// `npm run drill:rolling-restart`: starts the whole stack with two instances of every subgraph and two gateways
// behind a local balancer (@trellis/shared/stack), runs the GraphQL load (tools/ops/graphql-load.ts) and
// restarts every instance of every app, one after another, while it runs. Then it queries back everything the load
// created and checks the read models for lost or doubled events. Needs the infrastructure (`npm run infra -- up`).
// Options: --rate 4 (operations/s), --first-only (one instance per app instead of all), --mentors 4.
// Exit code 1 when an operation failed after the retries it was told to make, or an effect is missing or doubled.
import { parseArgs } from 'node:util';
import { startReplicatedStack } from '@trellis/shared/stack';
import { formatReport, GraphqlLoad } from './graphql-load';
import { formatDrill, runRollingRestart } from './rolling-restart';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string', default: '4' },
      mentors: { type: 'string', default: '4' },
      'first-only': { type: 'boolean', default: false },
    },
  });
  // Info level: each app's "drained" line (its drain steps and their durations) is part of the report.
  process.env['TRELLIS_E2E_LOG_LEVEL'] ??= 'info';
  const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  log('starting the stack: 2 instances of each subgraph, 2 gateways');
  const started = Date.now();
  const stack = await startReplicatedStack({ replicas: 2, gateways: 2 });
  log(`stack ready in ${((Date.now() - started) / 1000).toFixed(0)} s; gateway balancer at ${stack.gatewayUrl}`);
  let failed = true;
  try {
    const load = new GraphqlLoad({
      gatewayUrl: stack.gatewayUrl,
      mint: (principal) => stack.issuer.mint(principal),
      ratePerSecond: Number(values.rate),
      mentors: Number(values.mentors),
      log,
    });
    await load.setup();
    const result = await runRollingRestart({
      load,
      instances: stack.instances,
      order: [...stack.subgraphs, 'gateway'],
      everyInstance: !values['first-only'],
      log,
    });
    for (const line of formatDrill(result)) console.log(line);
    console.log(
      `balancers: gateway ${stack.balancers['gateway']?.failovers ?? 0} failovers, ` +
        `${stack.balancers['gateway']?.unavailable ?? 0} answered 503`,
    );
    console.log(formatReport(result.load));
    failed = result.load.failed > 0 || !result.verify.ok || result.restarts.some((r) => !r.clean);
  } finally {
    await stack.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
