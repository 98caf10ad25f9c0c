import { DomainError } from '@trellis/shared/event-store';
import type { MembershipDirectory } from '@trellis/shared/memberships';
import type { Actor } from '../core/actor';

/**
 * Only the program's managers (and the organization's admins) build surveys and read their results. Another
 * organization's program, or one the caller has no part in, reads as missing; a participant is refused.
 */
export async function requireSurveyManager(
  memberships: MembershipDirectory,
  actor: Actor,
  programId: string,
): Promise<void> {
  if (!(await memberships.programExists(actor.tenantId, programId))) {
    throw new DomainError('NOT_FOUND', 'No such program.');
  }
  if (actor.orgAdmin) return;
  const membership = await memberships.membership(actor.tenantId, programId, actor.personId);
  if (!membership) throw new DomainError('NOT_FOUND', 'No such program.');
  if (!membership.roles.includes('manager')) {
    throw new DomainError('FORBIDDEN', 'Only the managers of this program build its surveys and read their results.');
  }
}
