/** What the gateway's /config.json tells the web app, so one build signs in against any OIDC provider (ADR 0009). */
export interface RuntimeConfig {
  issuer: string;
  clientId: string;
}

export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  const { issuer, clientId } = (value ?? {}) as Record<string, unknown>;
  if (typeof issuer !== 'string' || !/^https?:\/\/\S+$/.test(issuer)) {
    throw new Error('config.json: issuer must be an http(s) URL');
  }
  if (typeof clientId !== 'string' || clientId.trim() === '') {
    throw new Error('config.json: clientId must be a non-empty string');
  }
  return { issuer: issuer.replace(/\/+$/, ''), clientId };
}

export async function fetchRuntimeConfig(fetchFn: typeof fetch = fetch): Promise<RuntimeConfig> {
  const response = await fetchFn('/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return parseRuntimeConfig(await response.json());
}
