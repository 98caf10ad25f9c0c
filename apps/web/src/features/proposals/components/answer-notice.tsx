import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DescribedError } from '../../../lib/graphql-errors';
import type { ProposalAnswer } from './proposal-card';

export type AnswerNoticeState = { answer: ProposalAnswer; name: string } | { error: DescribedError };

/** What became of the person's answer to a proposal: a confirmation, or the refusal naming the clash. */
export function AnswerNotice({ notice, onClose }: { notice: AnswerNoticeState | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!notice) return null;
  if ('error' in notice) {
    return (
      <Alert
        color="red"
        role="alert"
        title={t(`errors.${notice.error.kind}`)}
        withCloseButton
        closeButtonLabel={t('needsYou.dismiss')}
        onClose={onClose}
      >
        {notice.error.detail}
      </Alert>
    );
  }
  return (
    <Alert color="teal" role="status" withCloseButton closeButtonLabel={t('needsYou.dismiss')} onClose={onClose}>
      {t(`proposals.answered.${notice.answer}`, { name: notice.name })}
    </Alert>
  );
}
