import type { DevIssuer } from '@trellis/shared/auth';

/** Who calls: any person of a tenant; an organization admin only when said so. */
export interface TestPerson {
  tenantId: string;
  personId: string;
  orgAdmin?: boolean;
}

export interface GqlResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
}

/** The first error of a refused call, as the specs compare it. */
export interface GqlRefusal {
  message: string;
  code: string | undefined;
  extensions: Record<string, unknown>;
}

/** Each root field's answer, for calls that name no type of their own. */
export type RootFields = Record<string, Record<string, unknown>>;

/** One GraphQL call over HTTP with a token the test issuer signed for `as`; `null` calls without a token. */
export async function postGraphql<T = RootFields>(
  issuer: DevIssuer,
  url: string,
  as: TestPerson | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as) headers['authorization'] = `Bearer ${await issuer.mint({ ...as, orgAdmin: as.orgAdmin === true })}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as GqlResult<T>;
}

/** The data of a call that must succeed; the test fails on any error. */
export function expectData<T>(result: GqlResult<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

/** The first error of a call that must be refused; the test fails if it was not. */
export function expectRefusal(result: GqlResult<unknown>): GqlRefusal {
  expect(result.errors?.length).toBeGreaterThan(0);
  const [error] = result.errors ?? [];
  return { message: error?.message ?? '', code: error?.extensions?.code, extensions: error?.extensions ?? {} };
}
