import { DomainError, type Decider } from '@trellis/shared/kernel';

export type OrganizationEvent =
  | { type: 'OrganizationRegistered'; organizationId: string; name: string }
  | { type: 'OrganizationRenamed'; organizationId: string; name: string };

export type OrganizationCommand =
  | { type: 'RegisterOrganization'; organizationId: string; name: string }
  | { type: 'RenameOrganization'; name: string };

export interface OrganizationState {
  exists: boolean;
  organizationId: string;
  name: string;
}

export const initialOrganizationState = (): OrganizationState => ({ exists: false, organizationId: '', name: '' });

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 2 || trimmed.length > 120) {
    throw new DomainError('BAD_USER_INPUT', 'An organization name has 2 to 120 characters.', { field: 'name' });
  }
  return trimmed;
}

/** The tenant itself: its id comes from the identity provider's `org` claim, its name from its admins. */
export function decideOrganization(command: OrganizationCommand, state: OrganizationState): OrganizationEvent[] {
  switch (command.type) {
    case 'RegisterOrganization':
      if (state.exists) throw new DomainError('CONFLICT', 'This organization is already registered.');
      return [
        { type: 'OrganizationRegistered', organizationId: command.organizationId, name: validName(command.name) },
      ];
    case 'RenameOrganization': {
      if (!state.exists) throw new DomainError('NOT_FOUND', 'This organization is not registered yet.');
      const name = validName(command.name);
      return name === state.name ? [] : [{ type: 'OrganizationRenamed', organizationId: state.organizationId, name }];
    }
  }
}

export function evolveOrganization(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  switch (event.type) {
    case 'OrganizationRegistered':
      return { exists: true, organizationId: event.organizationId, name: event.name };
    case 'OrganizationRenamed':
      return { ...state, name: event.name };
  }
}

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  initialState: initialOrganizationState,
  decide: decideOrganization,
  evolve: evolveOrganization,
};
