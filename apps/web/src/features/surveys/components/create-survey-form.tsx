import { useMutation } from '@apollo/client/react';
import { Button, Group, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal } from '../../../lib/field-refusals';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { DRAFT_SURVEY } from '../api/survey-mutations';

/** Drafts a survey under a title and opens its builder. */
export function CreateSurveyForm({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [commandId, setCommandId] = useState(newCommandId);
  const [draft, drafting] = useMutation(DRAFT_SURVEY);
  const submit = async () => {
    setFailure(null);
    try {
      const { data } = await draft({ variables: { programId, title, commandId } });
      setCommandId(newCommandId());
      const surveyId = data?.draftSurvey.id;
      if (surveyId) {
        await navigate({ to: '/manage/programs/$programId/surveys/$surveyId', params: { programId, surveyId } });
      }
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  const refusal = placeRefusal(failure, { title: ['title'] });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FailureAlert failure={refusal.unplaced} />
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('surveys.create.title')}
          description={t('surveys.create.hint')}
          required
          maxLength={120}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={refusal.errorOn('title')}
          style={{ flex: '1 1 16rem' }}
        />
        <Button type="submit" loading={drafting.loading}>
          {t('surveys.create.submit')}
        </Button>
      </Group>
    </form>
  );
}
