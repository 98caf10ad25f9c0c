export * from './infrastructure';
export * from './waiting';
export * from './kafka-group-namespace';
export * from './service-process';
