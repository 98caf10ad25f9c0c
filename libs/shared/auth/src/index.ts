export * from './auth-config';
export * from './authentication-error';
export * from './dev-issuer';
export type { SignInPerson } from './dev-sign-in-page';
export * from './principal';
export * from './token-verifier';
