export * from './composition';
export * from './feed-event';
export * from './subscription-schema';
