// Rolling restart under load (issue 11): two instances of every subgraph, two gateways behind a balancer that routes
// by readiness; a steady GraphQL load runs while one instance of each app after another is stopped with SIGTERM and
// started again. No operation may fail beyond the retries the server told the client to make, and everything an
// acknowledged mutation did must be visible afterwards, with no event lost or applied twice downstream.
// (`npm run drill:rolling-restart` restarts every instance, not only the first of each app.)
// The load and the drill live with the operations tools; apps have no import alias for them, hence the paths.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { formatReport, GraphqlLoad } from '../../../tools/ops/graphql-load';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { formatDrill, runRollingRestart } from '../../../tools/ops/rolling-restart';
import { type ReplicatedStack, startReplicatedStack } from './support/replicated-stack';

jest.setTimeout(900_000);

describe('rolling restart of every app while a GraphQL load runs', () => {
  let stack: ReplicatedStack;

  beforeAll(async () => {
    stack = await startReplicatedStack({ replicas: 2, gateways: 2 });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('fails no request beyond told retries, loses no effect and applies none twice', async () => {
    const load = new GraphqlLoad({
      gatewayUrl: stack.gatewayUrl,
      mint: (principal) => stack.issuer.mint(principal),
      ratePerSecond: 6,
      mentors: 3,
    });
    await load.setup();
    const result = await runRollingRestart({
      load,
      instances: stack.instances,
      order: [...stack.subgraphs, 'gateway'],
      everyInstance: false,
      warmupMs: 3000,
      settleMs: 1500,
      verifyTimeoutMs: 240_000,
    });
    process.stdout.write(`${[...formatDrill(result), formatReport(result.load)].join('\n')}\n`);

    expect(result.restarts.map((r) => r.instance)).toEqual([...stack.subgraphs, 'gateway'].map((app) => `${app}#0`));
    expect(result.restarts.filter((r) => !r.clean)).toEqual([]);
    expect(result.load.failures).toEqual([]);
    expect(result.load.failed).toBe(0);
    // The load did real work across the restarts: people enrolled, asked mentors, edited profiles.
    expect(result.load.acknowledged.enrollments).toBeGreaterThan(5);
    expect(result.load.acknowledged.requests).toBeGreaterThan(3);
    expect(result.verify.problems).toEqual([]);
    expect(result.verify.checked.notifications).toBe(result.load.acknowledged.requests);
  });
});
