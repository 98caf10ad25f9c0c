export * from './infrastructure';
export * from './waiting';
