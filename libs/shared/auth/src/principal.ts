/** Who is calling, as the verified token says. Program roles come from each service's memberships read model. */
export interface Principal {
  /** The token's `sub`: the person's id everywhere in Trellis. */
  personId: string;
  /** The token's `org`: the organization, i.e. the tenant every read and write is scoped to. */
  tenantId: string;
  /** The token's `roles` contains `org_admin`. */
  orgAdmin: boolean;
}

export const ORG_ADMIN_ROLE = 'org_admin';
