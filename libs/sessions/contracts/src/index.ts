export * from './enums';
export * from './events';
export * from './primitives';
export * from './calendar-uid';
export * from './survey-enums';
