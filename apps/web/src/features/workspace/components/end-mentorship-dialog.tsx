import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { MentorshipEndReason } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal } from '../../../lib/field-refusals';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { END_MENTORSHIP, REQUEST_REMATCH } from '../api/mentorship-mutations';

const END_REASONS: MentorshipEndReason[] = [
  'GOALS_MET',
  'COMPLETED',
  'NO_TIME',
  'NOT_A_GOOD_FIT',
  'LEFT_PROGRAM',
  'OTHER',
];

type Ending = 'end' | 'rematch';

/**
 * Ending the mentorship with a reason, or (for the mentee) asking for another mentor, which ends it too and puts the
 * mentee back among those looking. The reflection is the person's own and is kept private to them.
 */
export function EndMentorshipDialog(props: {
  opened: boolean;
  mentorshipId: string;
  canRematch: boolean;
  onClose: () => void;
  onEnded: () => void;
}) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState<Ending>('end');
  const [reason, setReason] = useState<MentorshipEndReason | null>(null);
  const [reflection, setReflection] = useState('');
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [end, ended] = useMutation(END_MENTORSHIP);
  const [rematch, rematching] = useMutation(REQUEST_REMATCH);
  const submit = async () => {
    setFailure(null);
    const variables = {
      mentorshipId: props.mentorshipId,
      reflection: reflection.trim() || null,
      // One id per click: Apollo's retries of this send keep it, so a retry is answered instead of refused.
      commandId: newCommandId(),
    };
    try {
      if (ending === 'rematch') await rematch({ variables });
      else if (reason) await end({ variables: { ...variables, reason } });
      else {
        setFailure({ kind: 'badUserInput', field: 'reason', detail: t('workspace.end.reasonRequired') });
        return;
      }
      props.onEnded();
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  const refusal = placeRefusal(failure, { reason: ['reason'] });
  const reasonError = refusal.errorOn('reason');
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('workspace.end.title')} centered>
      <Stack>
        <FailureAlert failure={refusal.unplaced} />
        {props.canRematch && (
          <Radio.Group value={ending} onChange={(value) => setEnding(value as Ending)} label={t('workspace.end.how')}>
            <Stack gap="xs" mt="xs">
              <Radio value="end" label={t('workspace.end.endOnly')} />
              <Radio value="rematch" label={t('workspace.end.rematch')} />
            </Stack>
          </Radio.Group>
        )}
        {ending === 'end' ? (
          <Select
            label={t('workspace.end.reason')}
            required
            data={END_REASONS.map((value) => ({ value, label: t(`workspace.end.reasons.${value}`) }))}
            value={reason}
            onChange={(value) => setReason(value)}
            error={reasonError}
            allowDeselect={false}
          />
        ) : (
          <Text size="sm">{t('workspace.end.rematchHint')}</Text>
        )}
        <Textarea
          label={t('workspace.end.reflection')}
          description={t('workspace.end.reflectionHint')}
          autosize
          minRows={3}
          value={reflection}
          onChange={(e) => setReflection(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('workspace.cancel')}
          </Button>
          <Button color="red" loading={ended.loading || rematching.loading} onClick={() => void submit()}>
            {t(ending === 'rematch' ? 'workspace.end.confirmRematch' : 'workspace.end.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
