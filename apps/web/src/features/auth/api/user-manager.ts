import { UserManager, type UserManagerSettings, WebStorageStateStore } from 'oidc-client-ts';

/** oidc-client-ts itself, in a chunk of its own: auth-client.ts fetches it only when it has work for it. */
export function createUserManager(settings: UserManagerSettings, store: Storage): UserManager {
  return new UserManager({ ...settings, userStore: new WebStorageStateStore({ store }) });
}
