export * from './bootstrap';
export * from './correlation.middleware';
export * from './managed-consumers';
export * from './mongo-connection';
export * from './platform.module';
export * from './service-config';
export * from './shutdown-state';
export * from './tokens';
