import { useQuery } from '@apollo/client/react';
import { Alert, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import { getFragmentData } from '../../../gql';
import { SurveyQuestionFields } from '../api/survey-fields';
import { SURVEY_PREVIEW } from '../api/survey-queries';
import { SurveyAnswerForm, useAnswerDrafts } from './survey-answer-form';

export interface PreviewProblem {
  problem: string;
  message: string;
  field: string;
  questionId?: string | null;
}

/**
 * The survey as participants will see it (the answer page's own form, which the manager may try out; sending does
 * nothing), with what still keeps the draft from being published, in the API's words.
 */
export function SurveyPreview(props: {
  surveyId: string;
  /** Changes whenever the draft does, so the preview is asked again. */
  version: string;
  onProblems: (problems: readonly PreviewProblem[]) => void;
}) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(SURVEY_PREVIEW, {
    variables: { surveyId: props.surveyId },
    fetchPolicy: 'network-only',
  });
  const form = useAnswerDrafts();
  const { onProblems } = props;
  useEffect(() => {
    void refetch().catch(() => undefined);
  }, [props.version, refetch]);
  useEffect(() => {
    if (data) onProblems(data.surveyPreview.problems);
  }, [data, onProblems]);
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data) return <LoadingState label={t('surveys.preview.loading')} />;
  const preview = data.surveyPreview;
  const questions = getFragmentData(SurveyQuestionFields, preview.questions);
  return (
    <Stack gap="md">
      {/* Mantine's orange titles fall short of 4.5:1 on white; this darker one reads at about 6:1. */}
      {preview.problems.length > 0 ? (
        <Alert color="#a33c06" variant="outline" title={t('surveys.preview.problemsTitle')}>
          <List size="sm">
            {preview.problems.map((p) => (
              <List.Item key={`${p.problem}-${p.questionId ?? ''}`}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert color="teal" variant="light">
          {t('surveys.preview.ready')}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md" aria-label={t('surveys.preview.frame')} component="section">
        <Stack gap="md">
          <Title order={3}>{preview.title}</Title>
          <Text size="sm" c="dimmed">
            {t('surveys.answer.requiredHint')}
          </Text>
          {questions.length === 0 ? (
            <Text>{t('surveys.preview.empty')}</Text>
          ) : (
            <SurveyAnswerForm
              questions={questions}
              drafts={form.drafts}
              onChange={form.change}
              touched={form.touched}
              onTouch={form.touch}
              submitLabel={t('surveys.answer.submit')}
              disabledSubmit
              onSubmit={() => undefined}
            />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
