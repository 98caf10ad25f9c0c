export * from './browser';
export * from './local-balancer';
export * from './replicated-stack';
export * from './stack';
