import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import { mayUseConsole, useConsoleAccess } from '../hooks/use-console-access';
import { ConsoleRefusal } from './console-refusal';

/**
 * A console page of one program, shown only to its managers and the organization's admins. Everyone else is refused
 * before the page asks the API for anything of the program, so a participant never sees a half-loaded console.
 */
export function ProgramConsoleGate({ programId, children }: { programId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const access = useConsoleAccess();
  if (access.state === 'loading') return <LoadingState label={t('console.loading')} />;
  if (access.state === 'failed') return <QueryError error={access.error} onRetry={access.retry} />;
  if (!mayUseConsole(access, programId)) return <ConsoleRefusal />;
  return children;
}
