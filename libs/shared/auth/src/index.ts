export * from './auth-config';
export * from './authentication-error';
export * from './dev-issuer';
export * from './principal';
export * from './token-verifier';
