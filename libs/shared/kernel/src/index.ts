export * from './contract-projection';
export * from './decider';
export * from './domain-error';
export * from './sealed-text';
export * from './time-zone';
