export * from './enums';
export * from './events';
export * from './primitives';
