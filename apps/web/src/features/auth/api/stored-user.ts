import type { UserManagerSettings } from 'oidc-client-ts';

/** The fields of oidc-client-ts' stored `User` the app reads (`User.toStorageString`). */
export interface StoredUser {
  access_token: string;
  /** Seconds since the epoch; absent when the issuer did not say. */
  expires_at?: number | undefined;
  profile: {
    sub: string;
    name?: string | undefined;
    preferred_username?: string | undefined;
    email?: string | undefined;
  };
}

/**
 * Where oidc-client-ts keeps the signed-in user: `WebStorageStateStore`'s `oidc.` prefix and `UserManager`'s
 * `user:<authority>:<client id>` key. auth-client.spec.ts stores a user with the library itself and reads it back
 * here, so an upgrade that moves it fails a test rather than signing everyone out.
 */
export const storedUserKey = ({ authority, client_id }: UserManagerSettings) => `oidc.user:${authority}:${client_id}`;

/** The user oidc-client-ts stored, read without loading the library; null when there is none or it is unreadable. */
export function readStoredUser(store: Storage, settings: UserManagerSettings): StoredUser | null {
  const text = store.getItem(storedUserKey(settings));
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<StoredUser> | null;
    if (typeof value?.access_token !== 'string' || typeof value.profile?.sub !== 'string') return null;
    const expiresAt = typeof value.expires_at === 'number' ? value.expires_at : undefined;
    return { access_token: value.access_token, expires_at: expiresAt, profile: value.profile };
  } catch {
    return null;
  }
}
