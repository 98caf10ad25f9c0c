export * from './memberships.projection';
export * from './participant-lifecycle';
