import { type User, UserManager, type UserManagerSettings, WebStorageStateStore } from 'oidc-client-ts';

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
export function oidcSettings({ issuer, clientId, scope, origin }: OidcOptions, store?: Storage): UserManagerSettings {
  return {
    authority: issuer,
    client_id: clientId,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope,
    automaticSilentRenew: true,
    // Per tab and gone with it: tokens are not left behind in localStorage.
    ...(store && { userStore: new WebStorageStateStore({ store }) }),
  };
}

export function toSignedInUser(user: Pick<User, 'expired' | 'profile' | 'access_token'> | null): SignedInUser | null {
  if (!user || user.expired) return null;
  const { name, preferred_username, email, sub } = user.profile;
  const named = [name, preferred_username].find((value) => value?.trim() && value !== sub);
  return { name: named, email, accessToken: user.access_token };
}

const isSafeReturnPath = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');

export function createOidcAuthClient(options: OidcOptions): AuthClient {
  const manager = new UserManager(oidcSettings(options, window.sessionStorage));
  return {
    currentUser: async () => toSignedInUser(await manager.getUser()),
    signIn: (returnTo) => manager.signinRedirect({ state: { returnTo } }),
    completeSignIn: async () => {
      const user = await manager.signinCallback();
      const signedIn = toSignedInUser(user ?? null);
      if (!user || !signedIn) throw new Error('the issuer returned no usable session');
      const returnTo = (user.state as { returnTo?: unknown } | undefined)?.returnTo;
      return { user: signedIn, returnTo: isSafeReturnPath(returnTo) ? returnTo : '/' };
    },
    signOut: async () => {
      await manager.removeUser();
      await manager.signoutRedirect();
    },
    onChange: (listener) => {
      const loaded = (user: User) => listener(toSignedInUser(user));
      const unloaded = () => listener(null);
      manager.events.addUserLoaded(loaded);
      manager.events.addUserUnloaded(unloaded);
      manager.events.addAccessTokenExpired(unloaded);
      return () => {
        manager.events.removeUserLoaded(loaded);
        manager.events.removeUserUnloaded(unloaded);
        manager.events.removeAccessTokenExpired(unloaded);
      };
    },
  };
}
