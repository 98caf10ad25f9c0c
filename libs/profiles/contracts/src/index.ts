export * from './profiles-events';
export * from './identifiers';
