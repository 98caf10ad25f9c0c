import { ID } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import type { Actor } from './actor';

/** The `commandId` argument of every mutation: a retry with the same id gets the first attempt's answer. */
export const commandIdArg = {
  name: 'commandId',
  type: () => ID,
  nullable: true,
  description: 'Idempotency key for retries',
} as const;

/** The actor of a call, from the verified token. */
export const actorOfPrincipal = (principal: Principal, commandId?: string | null): Actor => ({
  tenantId: principal.tenantId,
  personId: principal.personId,
  orgAdmin: principal.orgAdmin === true,
  ...(commandId ? { commandId } : {}),
});
