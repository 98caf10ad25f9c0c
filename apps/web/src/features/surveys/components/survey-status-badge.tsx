import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyStatus } from '../../../gql/graphql';

// Filled badges with white text of at least 4.5:1 (as the console's program status badge).
const COLORS: Record<SurveyStatus, string> = {
  DRAFT: '#495057',
  PUBLISHED: '#1e6b30',
  CLOSED: '#1864ab',
  ARCHIVED: '#343a40',
};

export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={COLORS[status]}>
      {t(`surveys.status.${status}`)}
    </Badge>
  );
}
