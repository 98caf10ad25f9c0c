export * from './consumer-status';
export * from './kafka-client';
