import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { getFragmentData } from '../../../gql';
import { useNow } from '../../../hooks/use-now';
import { newCommandId } from '../../../lib/command-id';
import { formatDateTime } from '../../../lib/format';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { ANSWER_SURVEY, SURVEY_INVITATION } from '../api/answer-queries';
import { SurveyQuestionFields } from '../api/survey-fields';
import { SurveyAnswerForm, useAnswerDrafts } from '../components/survey-answer-form';
import { answerProblems, answersInput } from '../lib/survey-answers';

/**
 * One survey occurrence to answer, at a URL a notification can link to. An answer is final, so once given (here or
 * elsewhere) the page says so instead of showing the form again.
 */
export function SurveyAnswerPage({ occurrenceId }: { occurrenceId: string }) {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(SURVEY_INVITATION, { variables: { occurrenceId } });
  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  const form = useAnswerDrafts();
  const [failure, setFailure] = useState<DescribedError | null>(null);
  // One id per attempt: a retried send of the same attempt is answered with its first result.
  const [commandId, setCommandId] = useState(newCommandId);
  const [answer, answering] = useMutation(ANSWER_SURVEY);
  const now = useNow();

  if (error && !data) {
    return (
      <>
        <PageHeading>{t('surveys.answer.headingPlain')}</PageHeading>
        <QueryError error={error} onRetry={retry} />
      </>
    );
  }
  if (!data) return <LoadingState label={t('surveys.answer.loading')} />;
  const invitation = data.surveyInvitation;
  const questions = getFragmentData(SurveyQuestionFields, invitation.questions);
  const home = (
    <Anchor component={Link} to="/">
      {t('surveys.answer.backHome')}
    </Anchor>
  );

  if (invitation.answeredAt) {
    return (
      <Stack>
        <PageHeading>{invitation.title}</PageHeading>
        <Alert color="teal" variant="light" title={t('surveys.answer.answeredTitle')}>
          {t('surveys.answer.answered', { date: formatDateTime(invitation.answeredAt, i18n.language) })}
        </Alert>
        {home}
      </Stack>
    );
  }
  const closed = Date.parse(invitation.closesAt) <= now;
  const notYet = Date.parse(invitation.opensAt) > now;

  const submit = async () => {
    setFailure(null);
    form.touchAll();
    if (answerProblems(questions, form.drafts).size > 0) {
      // Focus the first field with a problem, so keyboard and screen reader users land where to fix it.
      window.requestAnimationFrame(() => {
        document.querySelector<HTMLElement>('[aria-invalid="true"], [data-error] input')?.focus();
      });
      return;
    }
    try {
      await answer({ variables: { occurrenceId, answers: answersInput(questions, form.drafts), commandId } });
      setCommandId(newCommandId());
      await refetch();
    } catch (e) {
      const described = describeError(e);
      // Answered meanwhile (another tab): the page shows the answered state rather than an error.
      if (described.kind === 'conflict') await refetch().catch(() => undefined);
      setFailure(described);
    }
  };
  const serverErrors =
    failure?.questionId && failure.detail ? new Map([[failure.questionId, failure.detail]]) : undefined;

  return (
    <Stack maw={720}>
      <PageHeading>{invitation.title}</PageHeading>
      <Text>{t('surveys.answer.intro', { date: formatDateTime(invitation.closesAt, i18n.language) })}</Text>
      <Text size="sm" c="dimmed">
        {t('surveys.answer.requiredHint')}
      </Text>
      {closed || notYet ? (
        <Alert color="gray" variant="light">
          {closed
            ? t('surveys.answer.closed')
            : t('surveys.answer.notYet', {
                date: formatDateTime(invitation.opensAt, i18n.language),
              })}
        </Alert>
      ) : (
        <>
          <FailureAlert failure={serverErrors ? null : failure} />
          <SurveyAnswerForm
            questions={questions}
            drafts={form.drafts}
            onChange={(id, value) => {
              form.change(id, value);
              if (failure?.questionId === id) setFailure(null);
            }}
            touched={form.touched}
            onTouch={form.touch}
            serverErrors={serverErrors}
            submitLabel={t('surveys.answer.submit')}
            submitting={answering.loading}
            onSubmit={() => void submit()}
          />
          <Text size="sm" c="dimmed">
            {t('surveys.answer.final')}
          </Text>
        </>
      )}
      {home}
    </Stack>
  );
}
