import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DescribedError } from '../lib/graphql-errors';

/**
 * A refused change, in the API's own words when it gave some (they name the value or the clash), else by kind. The
 * generic words of a kind ("changed in the meantime") would mislead above a specific explanation, so they give way.
 */
export function FailureAlert({ failure }: { failure: DescribedError | null }) {
  const { t } = useTranslation();
  if (!failure) return null;
  return (
    <Alert
      color="red"
      role="alert"
      variant="light"
      title={t(failure.detail ? 'errors.notDone' : `errors.${failure.kind}`)}
    >
      {failure.detail}
    </Alert>
  );
}
