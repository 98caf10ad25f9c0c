import { useMutation } from '@apollo/client/react';
import { Button, Group, NativeSelect } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { COPY_SURVEY } from '../api/survey-mutations';

export interface EarlierSurveys {
  programName: string;
  surveys: ReadonlyArray<{ id: string; title: string }>;
}

/**
 * Drafts a new version of an earlier survey (this program's, or last term's) and opens its builder. The copy keeps the
 * questions and their ids, which is what lets its results be compared with the earlier survey's.
 */
export function CopySurveyForm({ programId, earlier }: { programId: string; earlier: EarlierSurveys[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [fromSurveyId, setFromSurveyId] = useState('');
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [commandId, setCommandId] = useState(newCommandId);
  const [copy, copying] = useMutation(COPY_SURVEY);
  const submit = async () => {
    setFailure(null);
    try {
      const { data } = await copy({ variables: { programId, fromSurveyId, commandId } });
      setCommandId(newCommandId());
      const surveyId = data?.copySurvey.id;
      if (surveyId) {
        await navigate({ to: '/manage/programs/$programId/surveys/$surveyId', params: { programId, surveyId } });
      }
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  const data = [
    { value: '', label: t('surveys.copy.choose'), disabled: true },
    ...earlier
      .filter((group) => group.surveys.length > 0)
      .map((group) => ({
        group: group.programName,
        items: group.surveys.map((s) => ({ value: s.id, label: s.title })),
      })),
  ];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FailureAlert failure={failure} />
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('surveys.copy.from')}
          description={t('surveys.copy.hint')}
          required
          value={fromSurveyId}
          data={data}
          onChange={(e) => setFromSurveyId(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        <Button type="submit" variant="default" loading={copying.loading} disabled={fromSurveyId === ''}>
          {t('surveys.copy.submit')}
        </Button>
      </Group>
    </form>
  );
}
