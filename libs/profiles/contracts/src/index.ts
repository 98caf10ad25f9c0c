export * from './profiles-events';
