export * from './memberships.projection';
