import { useQuery } from '@apollo/client/react';
import { CONSOLE_ACCESS } from '../api/console-queries';

export type ConsoleAccess =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown; retry: () => void }
  | { state: 'ready'; personId: string; orgAdmin: boolean; managedProgramIds: ReadonlySet<string> };

/**
 * Whether the signed-in person may use the console at all (org admin, or manager of some program) and which
 * programs. The API refuses others anyway; asking first means a participant is never shown a half-loaded console.
 */
export function useConsoleAccess(): ConsoleAccess {
  const { data, error, refetch } = useQuery(CONSOLE_ACCESS);
  if (error) return { state: 'failed', error, retry: () => void refetch().catch(() => undefined) };
  if (!data) return { state: 'loading' };
  return {
    state: 'ready',
    personId: data.me.personId,
    orgAdmin: data.me.orgAdmin,
    managedProgramIds: new Set(data.me.managedPrograms.map((p) => p.id)),
  };
}

export function mayUseConsole(access: ConsoleAccess, programId?: string): boolean {
  if (access.state !== 'ready') return false;
  if (access.orgAdmin) return true;
  return programId === undefined ? access.managedProgramIds.size > 0 : access.managedProgramIds.has(programId);
}
