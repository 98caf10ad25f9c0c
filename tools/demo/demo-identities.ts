// The demo organization's ids live with the profiles app that seeds them; tools (e.g. `npm run token`) read them here.
export * from '../../apps/profiles/src/seed/demo-identities';
