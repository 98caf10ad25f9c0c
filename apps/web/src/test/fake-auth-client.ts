import type { AuthClient, SignedInUser } from '../features/auth';

/** An AuthClient without an issuer: starts signed in as `user` (or signed out) and records sign-in requests. */
export function fakeAuthClient(user: SignedInUser | null): AuthClient & { signIns: string[] } {
  const signIns: string[] = [];
  return {
    signIns,
    currentUser: () => Promise.resolve(user),
    signIn: (returnTo) => {
      signIns.push(returnTo);
      return Promise.resolve();
    },
    completeSignIn: () => Promise.reject(new Error('not in this test')),
    signOut: () => Promise.resolve(),
    onChange: () => () => undefined,
  };
}
