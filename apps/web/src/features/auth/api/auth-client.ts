import type { User, UserManager, UserManagerSettings } from 'oidc-client-ts';
import { readStoredUser, type StoredUser } from './stored-user';

/** The signed-in person as the rest of the app sees them; nothing outside features/auth knows about OIDC. */
export interface SignedInUser {
  /**
   * The person's name as the provider tells it; absent when it tells none, or only repeats the person's id (the
   * development provider's "someone else" form does): the header then asks the API for the name.
   */
  name?: string | undefined;
  /** When the provider tells it: the join form starts from it. */
  email?: string | undefined;
  accessToken: string;
}

/** Sign-in as the app uses it; createOidcAuthClient is the real one, tests pass their own. */
export interface AuthClient {
  currentUser(): Promise<SignedInUser | null>;
  /** Leaves the page for the issuer's sign-in; comes back to /auth/callback, then to `returnTo`. */
  signIn(returnTo: string): Promise<void>;
  /** On /auth/callback: exchanges the code for tokens and answers where to go next. */
  completeSignIn(): Promise<{ user: SignedInUser; returnTo: string }>;
  signOut(): Promise<void>;
  /** Called when tokens are renewed, or the session ends; returns the unsubscribe function. */
  onChange(listener: (user: SignedInUser | null) => void): () => void;
}

export interface OidcOptions {
  issuer: string;
  clientId: string;
  scope: string;
  /** The page's origin: where the issuer sends the browser back. */
  origin: string;
}

/** Authorization Code with PKCE (oidc-client-ts' only flow for `code`), refresh tokens renewing in the background. */
export function oidcSettings({ issuer, clientId, scope, origin }: OidcOptions): UserManagerSettings {
  return {
    authority: issuer,
    client_id: clientId,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope,
    automaticSilentRenew: true,
  };
}

/** A token is renewed a minute before it expires (oidc-client-ts' default); the library is fetched before that. */
export const RENEWAL_LEAD_SECONDS = 120;

export function toSignedInUser(user: User | StoredUser | null): SignedInUser | null {
  if (!user || (user.expires_at !== undefined && user.expires_at * 1000 <= Date.now())) return null;
  const { name, preferred_username, email, sub } = user.profile;
  const named = [name, preferred_username].find((value) => value?.trim() && value !== sub);
  return { name: named, email, accessToken: user.access_token };
}

const isSafeReturnPath = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');

/**
 * oidc-client-ts is 17 kB (gzip) of JavaScript, and a page with a session needs none of it until the token is about
 * to expire: until then the session is read from where the library stored it (stored-user.ts). The
 * library is fetched when there is work for it — signing in or out, the callback, or renewing the token
 * RENEWAL_LEAD_SECONDS before it expires — and from then on renews and reports changes itself.
 */
export function createOidcAuthClient(options: OidcOptions): AuthClient {
  const settings = oidcSettings(options);
  // Per tab and gone with it: tokens are not left behind in localStorage.
  const store = window.sessionStorage;
  const listeners = new Set<(user: SignedInUser | null) => void>();
  const emit = (user: SignedInUser | null) => listeners.forEach((listener) => listener(user));
  let manager: Promise<UserManager> | undefined;
  const userManager = () =>
    (manager ??= import('./user-manager').then(
      ({ createUserManager }) => {
        const created = createUserManager(settings, store);
        created.events.addUserLoaded((user) => emit(toSignedInUser(user)));
        created.events.addUserUnloaded(() => emit(null));
        created.events.addAccessTokenExpired(() => emit(null));
        return created;
      },
      (error: unknown) => {
        manager = undefined; // the next attempt fetches it again
        throw error;
      },
    ));
  let renewal: number | undefined;
  const renewBeforeExpiry = (expiresAt: number | undefined) => {
    window.clearTimeout(renewal);
    if (expiresAt === undefined) return;
    const delay = Math.max(0, (expiresAt - RENEWAL_LEAD_SECONDS) * 1000 - Date.now());
    // getUser() hands the stored user to the library, which starts its own timers and renews with the refresh token.
    renewal = window.setTimeout(() => void userManager().then((loaded) => loaded.getUser()), delay);
  };
  return {
    currentUser: () => {
      const stored = readStoredUser(store, settings);
      const user = toSignedInUser(stored);
      if (user) renewBeforeExpiry(stored?.expires_at);
      return Promise.resolve(user);
    },
    signIn: async (returnTo) => (await userManager()).signinRedirect({ state: { returnTo } }),
    completeSignIn: async () => {
      const user = await (await userManager()).signinCallback();
      const signedIn = toSignedInUser(user ?? null);
      if (!user || !signedIn) throw new Error('the issuer returned no usable session');
      const returnTo = (user.state as { returnTo?: unknown } | undefined)?.returnTo;
      return { user: signedIn, returnTo: isSafeReturnPath(returnTo) ? returnTo : '/' };
    },
    signOut: async () => {
      window.clearTimeout(renewal);
      const loaded = await userManager();
      await loaded.removeUser();
      await loaded.signoutRedirect();
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
