import { Anchor, Box, Button, Container, Group } from '@mantine/core';
import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../features/auth';
import { ManageLink } from '../features/console/components/manage-link';
import { InboxLink } from '../features/inbox/components/inbox-link';
import { LanguageSwitch } from './language-switch';
import { SignedInName } from './signed-in-name';
import { useFocusOnNavigation } from './use-focus-on-navigation';

export const MAIN_ID = 'main';

/**
 * Every page: a skip link, the header (home, person, language, sign-out) and the <main> landmark. Plain landmarks
 * styled in app.css rather than Mantine's AppShell, whose navbar, aside and resizing machinery (15 kB gzip with
 * react-remove-scroll) the app does not use and the first page would download (ADR 0009).
 */
export function AppShellLayout() {
  const { t } = useTranslation();
  const auth = useAuth();
  useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t('shell.skipLink')}
      </a>
      <Box component="header" className="app-header">
        <Container size="lg" h="100%">
          {/* Tight gaps and compact buttons: at 390 px the German header (Posteingang, EN/DE, Abmelden) just fits. */}
          <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to="/" fw={700} size="lg" aria-label={t('shell.home')} underline="never">
              {t('app.name')}
            </Anchor>
            <Group gap="xs" wrap="nowrap">
              {auth.user && <SignedInName user={auth.user} />}
              {auth.status === 'signedIn' && <ManageLink />}
              {auth.status === 'signedIn' && <InboxLink />}
              <LanguageSwitch />
              {auth.status === 'signedIn' && (
                <Button variant="subtle" size="compact-sm" onClick={() => void auth.signOut()}>
                  {t('shell.signOut')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <Box component="main" className="app-main" id={MAIN_ID} tabIndex={-1}>
        <Container size="lg">
          <Outlet />
        </Container>
      </Box>
    </>
  );
}
