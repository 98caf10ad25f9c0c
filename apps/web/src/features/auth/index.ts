// The auth feature's public surface. OIDC (oidc-client-ts) stays behind AuthClient, so replacing the provider or the
// library touches this folder only.
export { type AuthClient, createOidcAuthClient, type SignedInUser } from './api/auth-client';
export { AuthProvider, type AuthState } from './components/auth-provider';
export { RequireSignIn } from './components/require-sign-in';
export { SignInPage } from './components/sign-in-page';
export { useAuth } from './components/use-auth';
