export * from './preferences';
export * from './reminders';
export * from './rules';
export * from './templates';
export * from './time-zone';
export * from './unread-message-reminders';
export * from './unsubscribe';
export * from './webhooks';
