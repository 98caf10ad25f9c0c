export * from './matching-events';
