export * from './event-sourcing.module';
export * from './outbox';
export * from './event-sourcing-feature.module';
