import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgramStatus } from '../../../gql/graphql';

// Filled badges with white text of at least 4.5:1 at the badge's small bold size: the light variant's tinted text
// falls short, and so does Mantine's darkest green (#2b8a3e, 4.36:1).
const COLORS: Record<ProgramStatus, string> = {
  DRAFT: '#495057',
  ENROLLMENT_OPEN: '#1e6b30',
  ENROLLMENT_CLOSED: '#1864ab',
  ARCHIVED: '#343a40',
};

export function StatusBadge({ status }: { status: ProgramStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={COLORS[status]}>
      {t(`console.status.${status}`)}
    </Badge>
  );
}
