/** Who runs a use case, as the resolvers read it from the verified token. */
export interface Actor {
  tenantId: string;
  personId: string;
  /** Org admins read like the managers of every program of their organization. */
  orgAdmin?: boolean;
  /** The client's idempotency key of the mutation: a retry with it gets the stream's answer instead of a refusal. */
  commandId?: string;
}

export const withCommandId = (commandId: string | undefined) => (commandId ? { commandId } : {});

/** The event store's command context of an actor (a retry with the same command id gets the same answer). */
export const commandContext = (actor: Actor) => ({
  tenantId: actor.tenantId,
  actor: actor.personId,
  ...withCommandId(actor.commandId),
});
