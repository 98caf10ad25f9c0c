import { ID } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import type { GraphqlContext } from '@trellis/shared/graphql';
import type { CommandContext } from '../acceptance/acceptance.service';

export const commandIdArg = {
  name: 'commandId',
  type: () => ID,
  nullable: true,
  description: 'Idempotency key for retries',
};

/** Who runs a command from a GraphQL request, with a fresh idempotency key unless the caller gives one. */
export function commandContext(principal: Principal, context: GraphqlContext): CommandContext & { commandId: string } {
  return {
    tenantId: principal.tenantId,
    actorPersonId: principal.personId,
    correlationId: context.correlationId,
    orgAdmin: principal.orgAdmin,
    commandId: crypto.randomUUID(),
  };
}

export const withCommandId = (ctx: CommandContext & { commandId: string }, commandId?: string | null) =>
  commandId ? { ...ctx, commandId } : ctx;
