export * from './demo-identities';
export * from './demo-names';
