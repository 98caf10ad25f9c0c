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
 * Reads a person's contact details from profiles at send time (ARCHITECTURE §6: notifications keeps no copy).
 * `null` means the person is unknown or erased — the email is dropped, not retried; anything else is retried.
 */
export class ContactsClient {
  constructor(
    private readonly baseUrl: string,
    private readonly internalToken: string,
    private readonly timeoutMs = 3000,
  ) {}

  async contact(tenantId: string, programId: string, personId: string): Promise<Contact | null> {
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
