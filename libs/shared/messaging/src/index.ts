export * from './consumer-runner';
export * from './consumer-status';
export * from './envelope';
export * from './kafka-client';
export * from './publisher';
export * from './topics';
export * from './transient-failure';
export * from './instance-group';
