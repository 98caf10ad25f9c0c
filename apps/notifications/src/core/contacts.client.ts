export interface Contact {
  personId: string;
  displayName: string;
  email: string;
  timezone: string;
}

export class ContactUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ContactUnavailableError';
  }
}

/**
 * Reads a person's contact details from profiles at send time: notifications keeps no copy (docs/architecture.md §7).
 * `null` means the person is unknown or erased — the email is dropped, not retried; anything else is retried.
 */
export class ContactsClient {
  /**
   * Answers (and lookups in flight) kept `cacheTtlMs`: a burst of emails to one person asks profiles once. Still
   * "fetched at send time" in the sense of docs/architecture.md §7 — nothing is stored, and a change (or an erasure,
   * which also calls `forget`) is seen within the TTL. Failures are not cached.
   */
  private readonly cache = new Map<string, { at: number; value: Promise<Contact | null> }>();

  constructor(
    private readonly baseUrl: string,
    private readonly internalToken: string,
    private readonly timeoutMs = 3000,
    private readonly cacheTtlMs = 30_000,
  ) {}

  contact(tenantId: string, programId: string, personId: string): Promise<Contact | null> {
    const key = `${tenantId}|${programId}|${personId}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < this.cacheTtlMs) return cached.value;
    if (this.cache.size > 10_000) this.cache.clear();
    const value = this.fetchContact(tenantId, programId, personId);
    this.cache.set(key, { at: Date.now(), value });
    value.catch(() => {
      if (this.cache.get(key)?.value === value) this.cache.delete(key);
    });
    return value;
  }

  /** The person was erased: no cached answer may outlive that here. */
  forget(tenantId: string, personId: string): void {
    for (const key of this.cache.keys()) {
      if (key.startsWith(`${tenantId}|`) && key.endsWith(`|${personId}`)) this.cache.delete(key);
    }
  }

  private async fetchContact(tenantId: string, programId: string, personId: string): Promise<Contact | null> {
    const url = `${this.baseUrl.replace(/\/$/, '')}/internal/contacts/${[tenantId, programId, personId].map(encodeURIComponent).join('/')}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${this.internalToken}` },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ContactUnavailableError(`profiles unreachable: ${String(error)}`);
    }
    if (response.status === 404) return null;
    if (!response.ok) throw new ContactUnavailableError(`profiles answered ${response.status}`);
    const body = (await response.json()) as Partial<Contact>;
    if (typeof body.email !== 'string' || typeof body.timezone !== 'string') {
      throw new ContactUnavailableError('profiles answered without email or timezone');
    }
    return { personId, displayName: body.displayName ?? '', email: body.email, timezone: body.timezone };
  }
}
