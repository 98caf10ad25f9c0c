import path from 'node:path';
import { loadAuthConfig } from '@trellis/shared/auth';

export const WEB_APP_CONFIG = Symbol('WEB_APP_CONFIG');

export interface WebAppConfig {
  /** The OIDC issuer the web app signs in with: the same one whose tokens the gateway accepts. */
  issuer: string;
  clientId: string;
  /** The scopes the web app asks for (TRELLIS_WEB_SCOPE): Entra ID, for one, needs the Trellis API's own scope. */
  scope: string;
  /** The web app's production build (vite build of apps/web); not served when it holds no index.html. */
  root: string;
}

// The compiled gateway lives in dist/apps/gateway/src/web, the web build in dist/web, in the repo and in the image.
const defaultRoot = path.resolve(__dirname, '../../../../web');

export function loadWebAppConfig(env: NodeJS.ProcessEnv = process.env): WebAppConfig {
  return {
    issuer: loadAuthConfig(env).issuer,
    clientId: env['TRELLIS_WEB_CLIENT_ID'] || 'trellis-web',
    scope: env['TRELLIS_WEB_SCOPE'] || 'openid profile email offline_access',
    root: path.resolve(env['TRELLIS_WEB_ROOT'] || defaultRoot),
  };
}
