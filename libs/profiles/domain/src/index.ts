export * from './participant.decider';
export * from './program.decider';
export * from './reference-data';
export * from './identifiers';
export * from './integration-events';
export * from './organization.decider';
