import { Anchor, AppShell, Button, Container, Group, Text } from '@mantine/core';
import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../features/auth';
import { InboxLink } from '../features/inbox/components/inbox-link';
import { LanguageSwitch } from './language-switch';
import { useFocusOnNavigation } from './use-focus-on-navigation';

export const MAIN_ID = 'main';

/** Every page: a skip link, the header (home, person, language, sign-out) and the <main> landmark. */
export function AppShellLayout() {
  const { t } = useTranslation();
  const auth = useAuth();
  useFocusOnNavigation();
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t('shell.skipLink')}
      </a>
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/" fw={700} size="lg" aria-label={t('shell.home')} underline="never">
              {t('app.name')}
            </Anchor>
            <Group gap="sm" wrap="nowrap">
              {auth.user && (
                <Text size="sm" visibleFrom="sm" aria-label={t('shell.signedInAs', { name: auth.user.name })}>
                  {auth.user.name}
                </Text>
              )}
              {auth.status === 'signedIn' && <InboxLink />}
              <LanguageSwitch />
              {auth.status === 'signedIn' && (
                <Button variant="subtle" onClick={() => void auth.signOut()}>
                  {t('shell.signOut')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Container size="lg">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
