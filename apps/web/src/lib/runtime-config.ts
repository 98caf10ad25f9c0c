/** What the gateway's /config.json tells the web app, so one build signs in against any OIDC provider (ADR 0009). */
export interface RuntimeConfig {
  issuer: string;
  clientId: string;
  /** The scopes to ask for: a provider may need its API's own scope for Trellis access tokens (Entra ID does). */
  scope: string;
}

export const DEFAULT_SCOPE = 'openid profile email offline_access';

export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  const { issuer, clientId, scope } = (value ?? {}) as Record<string, unknown>;
  if (typeof issuer !== 'string' || !/^https?:\/\/\S+$/.test(issuer)) {
    throw new Error('config.json: issuer must be an http(s) URL');
  }
  if (typeof clientId !== 'string' || clientId.trim() === '') {
    throw new Error('config.json: clientId must be a non-empty string');
  }
  if (scope !== undefined && (typeof scope !== 'string' || !scope.split(' ').includes('openid'))) {
    throw new Error('config.json: scope must be a space-separated list that includes openid');
  }
  return { issuer: issuer.replace(/\/+$/, ''), clientId, scope: scope ?? DEFAULT_SCOPE };
}

export async function fetchRuntimeConfig(fetchFn: typeof fetch = fetch): Promise<RuntimeConfig> {
  const response = await fetchFn('/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return parseRuntimeConfig(await response.json());
}
