import { loadAuthConfig } from './auth-config';
import { AuthenticationError } from './authentication-error';
import { principalFromClaims } from './token-verifier';

describe('principalFromClaims with configurable claim names', () => {
  it('reads org and roles by default', () => {
    expect(principalFromClaims({ sub: 'p1', org: 'o1', roles: ['org_admin'] })).toEqual({
      personId: 'p1',
      tenantId: 'o1',
      orgAdmin: true,
    });
  });

  it('reads Microsoft Entra ID tokens when told the organization is `tid` (app roles stay in `roles`)', () => {
    const names = loadAuthConfig({ TRELLIS_AUTH_ORG_CLAIM: 'tid' });
    expect(principalFromClaims({ sub: 'p1', tid: 'directory-1', roles: ['org_admin'] }, names)).toEqual({
      personId: 'p1',
      tenantId: 'directory-1',
      orgAdmin: true,
    });
  });

  it('follows a dotted path into nested claims (Keycloak realm roles), but prefers a claim by the exact name', () => {
    const nested = { orgClaim: 'org', rolesClaim: 'realm_access.roles' };
    expect(principalFromClaims({ sub: 'p1', org: 'o1', realm_access: { roles: ['org_admin'] } }, nested).orgAdmin).toBe(
      true,
    );
    const namespaced = { orgClaim: 'https://trellis.example/org', rolesClaim: 'roles' };
    expect(principalFromClaims({ sub: 'p1', 'https://trellis.example/org': 'o2' }, namespaced).tenantId).toBe('o2');
  });

  it('names the configured claim when it is missing or malformed', () => {
    expect(() => principalFromClaims({ sub: 'p1', org: 'o1' }, { orgClaim: 'tid' })).toThrow(/claim "tid"/);
    expect(() => principalFromClaims({ sub: 'p1', org: 'o1', groups: 'admins' }, { rolesClaim: 'groups' })).toThrow(
      AuthenticationError,
    );
    expect(() => principalFromClaims({ sub: 'p1', org: 'o1', roles: 'x' })).toThrow(/"roles" claim/);
  });

  it('defaults the claim names and refuses an empty one', () => {
    expect(loadAuthConfig({})).toMatchObject({ orgClaim: 'org', rolesClaim: 'roles' });
    expect(() => loadAuthConfig({ TRELLIS_AUTH_ROLES_CLAIM: '' })).toThrow(/TRELLIS_AUTH_ROLES_CLAIM/);
  });
});
