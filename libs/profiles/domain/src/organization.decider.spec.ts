import { given } from '@trellis/shared/kernel/testing';
import { organizationDecider, type OrganizationEvent } from './organization.decider';

const registered: OrganizationEvent = {
  type: 'OrganizationRegistered',
  organizationId: 'o1',
  name: 'Northwind University',
};

describe('Organization decider', () => {
  it('registers an organization once', () => {
    given(organizationDecider, [])
      .when({ type: 'RegisterOrganization', organizationId: 'o1', name: ' Northwind University ' })
      .then([registered]);
    given(organizationDecider, [registered])
      .when({ type: 'RegisterOrganization', organizationId: 'o1', name: 'Again' })
      .thenFails('CONFLICT');
  });

  it('renames, ignoring a rename to the same name, and refuses a blank name', () => {
    given(organizationDecider, [registered])
      .when({ type: 'RenameOrganization', name: 'Northwind Univ.' })
      .then([{ type: 'OrganizationRenamed', organizationId: 'o1', name: 'Northwind Univ.' }]);
    given(organizationDecider, [registered])
      .when({ type: 'RenameOrganization', name: 'Northwind University' })
      .then([]);
    given(organizationDecider, [registered])
      .when({ type: 'RenameOrganization', name: ' ' })
      .thenFails('BAD_USER_INPUT');
    given(organizationDecider, []).when({ type: 'RenameOrganization', name: 'Anything' }).thenFails('NOT_FOUND');
  });
});
