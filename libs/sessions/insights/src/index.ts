export * from './program-insights';
export * from './insights-csv';
