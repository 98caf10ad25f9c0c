// The development token issuer `npm start` runs: serves the JWKS and OIDC discovery document the apps verify tokens
// against (TRELLIS_AUTH_ISSUER's default, http://127.0.0.1:4010) until it is stopped. `npm run token` signs with the
// same key file, so its tokens verify here.
import { defaultDevKeyFile, startDevIssuer } from '@trellis/shared/auth';

async function main(): Promise<void> {
  const issuer = await startDevIssuer({ keyFile: defaultDevKeyFile() });
  console.log(`development token issuer on ${issuer.issuer} (JWKS ${issuer.jwksUrl})`);
  const stop = () => void issuer.stop().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`development token issuer failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
