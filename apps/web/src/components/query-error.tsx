import { Alert, Button, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/graphql-errors';

/**
 * A failed query, in words the person understands. When the gateway says a service is briefly unavailable, the
 * query is retried after the wait it asks for; every error the person may fix by retrying gets a button.
 */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const described = describeError(error);
  const { retryAfterMs } = described;

  useEffect(() => {
    if (retryAfterMs === undefined) return;
    const timer = window.setTimeout(onRetry, retryAfterMs);
    return () => window.clearTimeout(timer);
  }, [error, retryAfterMs, onRetry]);

  const retryable = described.kind === 'unavailable' || described.kind === 'network' || described.kind === 'unknown';
  return (
    <Alert color="red" role="alert" variant="light">
      <Stack gap="xs" align="flex-start">
        <Text>{t(`errors.${described.kind}`)}</Text>
        {described.detail && <Text size="sm">{described.detail}</Text>}
        {retryable && (
          <Button variant="light" color="red" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
