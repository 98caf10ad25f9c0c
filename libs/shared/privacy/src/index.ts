export * from './person-keys';
