import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { mayUseConsole, useConsoleAccess } from '../hooks/use-console-access';

/** The header's way into the console, only for org admins and people who manage a program. */
export function ManageLink() {
  const { t } = useTranslation();
  const access = useConsoleAccess();
  if (!mayUseConsole(access)) return null;
  return (
    <Anchor component={Link} to="/manage/programs" underline="hover">
      {t('shell.manage')}
    </Anchor>
  );
}
