// Writes apps/web/schema.graphql, the composed supergraph's API schema the web app's code generation reads (ADR 0009),
// from running subgraphs:
//   node tools/run/ts.mjs apps/gateway/src/supergraph/write-web-schema.ts [--subgraph profiles=http://127.0.0.1:5001 …] [--check]
// Without --subgraph the addresses are the gateway's own (TRELLIS_<SUBGRAPH>_PORT / _URL, see ../gateway.config.ts).
// --check writes nothing and exits 1 when the checked-in file differs.
import fs from 'node:fs';
import path from 'node:path';
import { apiSchemaSdl, composeSupergraph, fetchSubgraphSdl } from '@trellis/gateway/supergraph';
import { loadGatewayConfig } from '../gateway.config';

export const WEB_SCHEMA_FILE = path.resolve(__dirname, '../../../web/schema.graphql');

function subgraphsFromArgs(args: readonly string[]): Array<{ name: string; base: string }> {
  const chosen: Array<{ name: string; base: string }> = [];
  args.forEach((arg, index) => {
    if (arg !== '--subgraph') return;
    const [name, base] = (args[index + 1] ?? '').split(/=(.*)/s);
    if (!name || !base) throw new Error(`--subgraph wants name=url, got "${args[index + 1] ?? ''}"`);
    chosen.push({ name, base: base.replace(/\/+$/, '') });
  });
  if (chosen.length) return chosen;
  return loadGatewayConfig().subgraphs.map((s) => ({ name: s.name, base: s.url.replace(/\/graphql$/, '') }));
}

async function main(args: readonly string[]): Promise<number> {
  const subgraphs = subgraphsFromArgs(args);
  const sdls = await Promise.all(
    subgraphs.map(async ({ name, base }) => ({
      name,
      url: `${base}/graphql`,
      sdl: await fetchSubgraphSdl(`${base}/subgraph/sdl`, 10_000),
    })),
  );
  const missing = sdls.filter((s) => s.sdl === undefined).map((s) => `${s.name} (${s.url})`);
  if (missing.length) {
    console.error(`no SDL from: ${missing.join(', ')}; are the subgraphs running?`);
    return 1;
  }
  const composed = composeSupergraph(sdls.map((s) => ({ ...s, sdl: s.sdl ?? '' })));
  if (!composed.ok) {
    console.error(`composition failed:\n${composed.errors.join('\n')}`);
    return 1;
  }
  const schema = apiSchemaSdl(composed.supergraphSdl);
  const relative = path.relative(process.cwd(), WEB_SCHEMA_FILE);
  if (args.includes('--check')) {
    const current = fs.existsSync(WEB_SCHEMA_FILE) ? fs.readFileSync(WEB_SCHEMA_FILE, 'utf8') : '';
    if (current === schema) {
      console.log(`${relative} is up to date`);
      return 0;
    }
    console.error(`${relative} differs from the composed API schema; run this script without --check`);
    return 1;
  }
  fs.writeFileSync(WEB_SCHEMA_FILE, schema);
  console.log(`wrote ${relative} from ${subgraphs.map((s) => s.name).join(', ')}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
