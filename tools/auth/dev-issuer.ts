// The development OpenID provider `npm start` runs (TRELLIS_AUTH_ISSUER's default, http://127.0.0.1:4010): the web
// app signs in through it, picking a demo person on its sign-in page, and the apps verify its tokens against its
// JWKS. `npm run token` signs with the same key file, so its tokens verify here too. Never for production.
import { DEFAULT_WEB_ORIGIN, defaultDevKeyFile, startDevIssuer } from '@trellis/shared/auth';
import { DEMO_USERS } from '@trellis/shared/demo';

async function main(): Promise<void> {
  // The web app is served by the gateway, on the same origin as /graphql.
  const webOrigin = (process.env['TRELLIS_WEB_ORIGIN'] ?? DEFAULT_WEB_ORIGIN).replace(/\/+$/, '');
  // A browser may be pointed at localhost as well as at 127.0.0.1: both are the same gateway.
  const webOrigins = [webOrigin, webOrigin.replace('//127.0.0.1:', '//localhost:')];
  const issuer = await startDevIssuer({ keyFile: defaultDevKeyFile(), people: DEMO_USERS, webOrigins });
  console.log(
    `development OpenID provider on ${issuer.issuer} (discovery ${issuer.issuer}/.well-known/openid-configuration, ` +
      `JWKS ${issuer.jwksUrl}, client ${issuer.clientId})`,
  );
  console.log(`sign in: open ${webOrigin}/ — the web app sends you to the provider's sign-in page to pick a person`);
  const stop = () => void issuer.stop().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`development OpenID provider failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
