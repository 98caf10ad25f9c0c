import type { MembershipDirectory } from '@trellis/shared/memberships';

/** Who may run a program's rounds and circles and see its people: its managers, from the memberships read model. */
export class ProgramManagerDirectory {
  constructor(private readonly memberships: MembershipDirectory) {}

  async canManage(tenantId: string, programId: string, personId: string): Promise<boolean> {
    return (await this.memberships.membership(tenantId, programId, personId))?.roles.includes('manager') ?? false;
  }
}
