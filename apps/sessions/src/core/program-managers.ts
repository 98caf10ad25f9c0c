import { DomainError } from '@trellis/shared/event-store';
import type { MembershipDirectory } from '@trellis/shared/memberships';

/** Who asks: a person of a tenant, an organization admin when said so. */
interface Caller {
  tenantId: string;
  personId: string;
  orgAdmin?: boolean;
}

/**
 * What only a program's managers (and the organization's admins) may do. Another organization's program, or one the
 * caller has no part in, reads as missing; a participant of the program is refused with `refusal`.
 */
export async function requireProgramManager(
  memberships: MembershipDirectory,
  caller: Caller,
  programId: string,
  refusal: string,
): Promise<void> {
  if (!(await memberships.programExists(caller.tenantId, programId))) {
    throw new DomainError('NOT_FOUND', 'No such program.');
  }
  if (caller.orgAdmin) return;
  const membership = await memberships.membership(caller.tenantId, programId, caller.personId);
  if (!membership) throw new DomainError('NOT_FOUND', 'No such program.');
  if (!membership.roles.includes('manager')) throw new DomainError('FORBIDDEN', refusal);
}
