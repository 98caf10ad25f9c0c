import { createContext, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AuthClient, SignedInUser } from '../api/auth-client';

export interface AuthState {
  status: 'loading' | 'signedOut' | 'signedIn';
  user: SignedInUser | null;
  signIn: (returnTo?: string) => Promise<void>;
  completeSignIn: () => Promise<string>;
  signOut: () => Promise<void>;
  /** For the API client: read at request time, so it is never a stale token captured at render. */
  getAccessToken: () => string | undefined;
}

export const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ client, children }: { client: AuthClient; children: ReactNode }) {
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [loading, setLoading] = useState(true);
  const userRef = useRef<SignedInUser | null>(null);
  const update = useCallback((next: SignedInUser | null) => {
    userRef.current = next;
    setUser(next);
  }, []);

  useEffect(() => {
    let active = true;
    const unsubscribe = client.onChange(update);
    client.currentUser().then(
      (current) => {
        if (!active) return;
        update(current);
        setLoading(false);
      },
      () => active && setLoading(false),
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [client, update]);

  // A page behind sign-in asks for it whenever it mounts, and the router may mount it again before the browser has
  // left: a second redirect would abort the first navigation and leave two PKCE states behind, so one redirect runs.
  const redirect = useRef<Promise<void> | null>(null);
  // The callback page mounts twice under StrictMode; the authorization code can be redeemed once only.
  const completion = useRef<Promise<string> | null>(null);
  const value = useMemo<AuthState>(
    () => ({
      status: loading ? 'loading' : user ? 'signedIn' : 'signedOut',
      user,
      signIn: (returnTo = window.location.pathname + window.location.search) => {
        // Settled when the redirect fails or the person comes back to this page from the browser's history: from
        // then on a sign-in starts afresh.
        redirect.current ??= client.signIn(returnTo).finally(() => {
          redirect.current = null;
        });
        return redirect.current;
      },
      completeSignIn: () => {
        completion.current ??= client.completeSignIn().then(({ user: signedIn, returnTo }) => {
          update(signedIn);
          setLoading(false);
          return returnTo;
        });
        return completion.current;
      },
      signOut: async () => {
        update(null);
        await client.signOut();
      },
      getAccessToken: () => userRef.current?.accessToken,
    }),
    [client, loading, user, update],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}
