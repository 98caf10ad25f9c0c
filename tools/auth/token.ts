// `npm run token -- --as <alias>` prints a bearer token for a demo user (@trellis/shared/demo);
// `npm run token -- --sub <personId> --org <organizationId> [--org-admin]` for anyone. Signed with the development
// issuer's key (the one `npm start` serves), so the apps accept it while that issuer is their TRELLIS_AUTH_ISSUER.
import { parseArgs } from 'node:util';
import {
  defaultDevKeyFile,
  loadAuthConfig,
  loadOrCreateDevSigningKey,
  mintToken,
  type Principal,
} from '@trellis/shared/auth';
import { DEMO_USERS, findDemoUser } from '@trellis/shared/demo';

const usage = `usage: npm run token -- --as <${DEMO_USERS.map((u) => u.alias).join('|')}> [--ttl <seconds>] [--header]
       npm run token -- --sub <personId> --org <organizationId> [--org-admin] [--ttl <seconds>] [--header]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      as: { type: 'string' },
      sub: { type: 'string' },
      org: { type: 'string' },
      'org-admin': { type: 'boolean', default: false },
      ttl: { type: 'string', default: '43200' },
      header: { type: 'boolean', default: false },
      demo: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const ttl = Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl <= 0) throw new Error('--ttl must be a positive number of seconds');
  const config = loadAuthConfig();
  const key = await loadOrCreateDevSigningKey(defaultDevKeyFile());
  if (values.demo !== undefined) {
    // `--demo manager,mentor,mentee`: one line per demo user, for `npm start` to print.
    const aliases = values.demo ? values.demo.split(',') : DEMO_USERS.map((u) => u.alias);
    for (const user of DEMO_USERS.filter((u) => aliases.includes(u.alias))) {
      const principal = { personId: user.personId, tenantId: user.tenantId, orgAdmin: user.orgAdmin };
      const token = await mintToken(key, principal, config, { expiresInSeconds: ttl });
      console.log(`  ${user.alias.padEnd(8)} (${user.description}):\n    Authorization: Bearer ${token}`);
    }
    return;
  }
  let principal: Principal;
  if (values.as) {
    const user = findDemoUser(values.as);
    if (!user) throw new Error(`No demo user "${values.as}". Known: ${DEMO_USERS.map((u) => u.alias).join(', ')}`);
    principal = { personId: user.personId, tenantId: user.tenantId, orgAdmin: user.orgAdmin };
  } else if (values.sub && values.org) {
    principal = { personId: values.sub, tenantId: values.org, orgAdmin: values['org-admin'] };
  } else {
    throw new Error(`Say who the token is for.\n${usage}`);
  }
  const token = await mintToken(key, principal, config, { expiresInSeconds: ttl });
  console.log(values.header ? `Authorization: Bearer ${token}` : token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
