import { use } from 'react';
import { AuthContext, type AuthState } from './auth-provider';

export function useAuth(): AuthState {
  const auth = use(AuthContext);
  if (!auth) throw new Error('useAuth needs an <AuthProvider> above it');
  return auth;
}
