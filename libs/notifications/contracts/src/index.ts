export * from './notifications-events';
