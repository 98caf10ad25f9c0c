import { useMutation } from '@apollo/client/react';
import { Button, Group, Input, Rating, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal } from '../../../lib/field-refusals';
import { SUBMIT_FEEDBACK } from '../api/session-mutations';
import { useAction } from '../hooks/use-action';

/** Feedback after a session: a rating from 1 to 5 and, if the person wants, what went well and what to improve. */
export function SessionFeedbackForm(props: { sessionId: string; viewerTimeZone: string }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [wentWell, setWentWell] = useState('');
  const [toImprove, setToImprove] = useState('');
  const [submit, { loading }] = useMutation(SUBMIT_FEEDBACK);
  const { failure, run } = useAction();
  const [ratingMissing, setRatingMissing] = useState(false);
  const refusal = placeRefusal(failure, { rating: ['rating'] });
  const ratingError = ratingMissing ? t('sessions.feedback.ratingRequired') : refusal.errorOn('rating');
  const send = () => {
    setRatingMissing(rating === 0);
    if (rating === 0) return;
    void run(() =>
      submit({
        variables: {
          id: props.sessionId,
          rating,
          wentWell: wentWell.trim() || null,
          toImprove: toImprove.trim() || null,
          viewerTimeZone: props.viewerTimeZone,
          commandId: newCommandId(),
        },
      }),
    );
  };
  return (
    <Stack>
      <FailureAlert failure={refusal.unplaced} />
      <Input.Wrapper label={t('sessions.feedback.rating')} required error={ratingError}>
        <Rating
          value={rating}
          onChange={(value) => {
            setRating(value);
            setRatingMissing(false);
          }}
          aria-label={t('sessions.feedback.rating')}
          getSymbolLabel={(stars) => t('sessions.feedback.stars', { count: stars })}
          mt={4}
        />
      </Input.Wrapper>
      <Textarea
        label={t('sessions.feedback.wentWell')}
        autosize
        minRows={2}
        value={wentWell}
        onChange={(e) => setWentWell(e.currentTarget.value)}
      />
      <Textarea
        label={t('sessions.feedback.toImprove')}
        autosize
        minRows={2}
        value={toImprove}
        onChange={(e) => setToImprove(e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button loading={loading} onClick={send}>
          {t('sessions.feedback.send')}
        </Button>
      </Group>
    </Stack>
  );
}
