import { specFor } from './decider-spec.fixture';
import { organizationDecider, type OrganizationEvent } from './organization.decider';

const spec = specFor(organizationDecider);
const registered: OrganizationEvent = {
  type: 'OrganizationRegistered',
  organizationId: 'o1',
  name: 'Northwind University',
};

describe('Organization decider', () => {
  it('registers an organization once', () => {
    spec([])
      .when({ type: 'RegisterOrganization', organizationId: 'o1', name: ' Northwind University ' })
      .then([registered]);
    spec([registered])
      .when({ type: 'RegisterOrganization', organizationId: 'o1', name: 'Again' })
      .thenFails('CONFLICT');
  });

  it('renames, ignoring a rename to the same name, and refuses a blank name', () => {
    spec([registered])
      .when({ type: 'RenameOrganization', name: 'Northwind Univ.' })
      .then([{ type: 'OrganizationRenamed', organizationId: 'o1', name: 'Northwind Univ.' }]);
    spec([registered]).when({ type: 'RenameOrganization', name: 'Northwind University' }).then([]);
    spec([registered]).when({ type: 'RenameOrganization', name: ' ' }).thenFails('BAD_USER_INPUT');
    spec([]).when({ type: 'RenameOrganization', name: 'Anything' }).thenFails('NOT_FOUND');
  });
});
