import { Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export const PAGE_HEADING_ID = 'page-heading';

/**
 * The page's one <h1>, also its document title. Focusable (not in the tab order) so navigation can move focus here
 * and screen readers announce the new page (see use-focus-on-navigation.ts).
 */
export function PageHeading({ children }: { children: string }) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = children === appName ? appName : `${children} · ${appName}`;
  }, [children, appName]);
  return (
    <Title order={1} id={PAGE_HEADING_ID} tabIndex={-1} mb="lg">
      {children}
    </Title>
  );
}
