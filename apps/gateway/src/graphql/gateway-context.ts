import type { Principal } from '@trellis/shared/auth';

export interface GatewayContext {
  req: unknown;
  principal: Principal;
  /** The caller's own Authorization header, forwarded to every subgraph (they verify it again). */
  authorization: string;
  correlationId: string;
}
