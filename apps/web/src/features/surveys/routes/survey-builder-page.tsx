import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { getFragmentData } from '../../../gql';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal } from '../../../lib/field-refusals';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { SurveyBuilderFields, SurveyQuestionFields } from '../api/survey-fields';
import {
  ADD_SURVEY_QUESTION,
  CLOSE_SURVEY,
  EDIT_SURVEY_QUESTION,
  PUBLISH_SURVEY,
  REMOVE_SURVEY_QUESTION,
  REORDER_SURVEY_QUESTIONS,
  RETITLE_SURVEY,
  SCHEDULE_SURVEY,
} from '../api/survey-mutations';
import { SURVEY_BUILDER } from '../api/survey-queries';
import { QuestionEditor } from '../components/question-editor';
import { ScheduleForm } from '../components/schedule-form';
import { type PreviewProblem, SurveyPreview } from '../components/survey-preview';
import { SurveyStatusBadge } from '../components/survey-status-badge';
import { moved, newQuestionDraft, questionDraftOf, questionInput } from '../lib/question-draft';
import { scheduleInput } from '../lib/schedule-draft';
import { ConsolePageFailure } from '../../console/components/console-page-failure';

/** Runs one change of the survey and tells the form what the API refused, if anything. */
async function attempt(run: () => Promise<unknown>): Promise<DescribedError | null> {
  try {
    await run();
    return null;
  } catch (error) {
    return describeError(error);
  }
}

/**
 * A survey's builder: its title, questions (added, edited, moved, removed), schedule, the preview participants will
 * see with what blocks publishing, then publishing and closing. A published survey is frozen: the page shows it
 * read-only with the way to its results.
 */
export function SurveyBuilderPage({ programId, surveyId }: { programId: string; surveyId: string }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(SURVEY_BUILDER, { variables: { programId, surveyId } });
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(0);
  const [problems, setProblems] = useState<readonly PreviewProblem[]>([]);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [title, setTitle] = useState<string | null>(null);
  const [titleFailure, setTitleFailure] = useState<DescribedError | null>(null);
  const [retitle, retitling] = useMutation(RETITLE_SURVEY);
  const [add] = useMutation(ADD_SURVEY_QUESTION);
  const [edit] = useMutation(EDIT_SURVEY_QUESTION);
  const [remove] = useMutation(REMOVE_SURVEY_QUESTION);
  const [reorder] = useMutation(REORDER_SURVEY_QUESTIONS);
  const [schedule] = useMutation(SCHEDULE_SURVEY);
  const [publish, publishing] = useMutation(PUBLISH_SURVEY);
  const [close, closing] = useMutation(CLOSE_SURVEY);
  const onProblems = useCallback((next: readonly PreviewProblem[]) => setProblems(next), []);

  const survey = getFragmentData(SurveyBuilderFields, data?.survey);
  if (error && !data) {
    return (
      <ConsolePageFailure
        error={error}
        heading={t('surveys.builder.headingPlain')}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data || !survey) return <LoadingState label={t('surveys.builder.loading')} />;
  const questions = getFragmentData(SurveyQuestionFields, survey.questions);
  const draft = survey.status === 'DRAFT';
  const ids = questions.map((q) => q.questionId);
  // Every change answers a new survey; its questions and schedule tell the preview to ask again.
  const version = JSON.stringify([survey.title, questions, survey.schedule]);
  const once = () => ({ commandId: newCommandId() });
  const titleRefusal = placeRefusal(titleFailure, { title: ['title'] });
  const scheduleProblem = problems.find((p) => p.field === 'opensAt' || p.field === 'schedule');
  const change = async (run: () => Promise<unknown>) => setFailure(await attempt(run));

  return (
    <Stack gap="lg">
      <div>
        <Anchor
          size="sm"
          renderRoot={(p) => <Link {...p} to="/manage/programs/$programId/surveys" params={{ programId }} />}
        >
          {t('surveys.builder.backToSurveys', { program: data.program.name })}
        </Anchor>
        <Group align="center" gap="md">
          <PageHeading>{survey.title}</PageHeading>
          <SurveyStatusBadge status={survey.status} />
        </Group>
        <Text>{draft ? t('surveys.builder.introDraft') : t('surveys.builder.introFrozen')}</Text>
        {!draft && (
          <Anchor
            fw={500}
            renderRoot={(p) => (
              <Link
                {...p}
                to="/manage/programs/$programId/surveys/$surveyId/results"
                params={{ programId, surveyId }}
              />
            )}
          >
            {t('surveys.builder.results')}
          </Anchor>
        )}
      </div>
      <FailureAlert failure={failure} />

      {draft && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void attempt(() => retitle({ variables: { surveyId, title: title ?? survey.title, ...once() } })).then(
              setTitleFailure,
            );
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('surveys.builder.title')}
              required
              maxLength={120}
              value={title ?? survey.title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={titleRefusal.errorOn('title')}
              style={{ flex: '1 1 16rem' }}
            />
            <Button type="submit" variant="default" loading={retitling.loading}>
              {t('surveys.builder.rename')}
            </Button>
          </Group>
          <FailureAlert failure={titleRefusal.unplaced} />
        </form>
      )}

      <section aria-labelledby="survey-questions">
        <Title order={2} id="survey-questions" mb="sm">
          {t('surveys.builder.questionsHeading', { count: questions.length })}
        </Title>
        <Stack gap="sm">
          {questions.length === 0 && <Text>{t('surveys.builder.noQuestions')}</Text>}
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {questions.map((question, index) => (
              <li key={question.questionId}>
                {editing === question.questionId ? (
                  <QuestionEditor
                    initial={questionDraftOf(question)}
                    heading={t('surveys.builder.editHeading', { number: question.number })}
                    saveLabel={t('surveys.builder.saveQuestion')}
                    onCancel={() => setEditing(null)}
                    onSave={async (d) => {
                      const result = await attempt(() =>
                        edit({ variables: { surveyId, question: questionInput(d), ...once() } }),
                      );
                      if (!result) setEditing(null);
                      return result;
                    }}
                  />
                ) : (
                  <Paper withBorder p="sm" radius="md">
                    <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                      <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
                        <Text fw={600}>
                          {question.number}. {question.prompt}
                        </Text>
                        <Group gap="xs">
                          <Badge variant="outline" color="gray.8">
                            {t(`surveys.kinds.${question.kind}`)}
                          </Badge>
                          <Text size="sm" c="dimmed">
                            {question.required ? t('surveys.builder.isRequired') : t('surveys.builder.isOptional')}
                          </Text>
                        </Group>
                        {question.options.length > 0 && (
                          <Text size="sm">{question.options.map((o) => o.label).join(' · ')}</Text>
                        )}
                        {question.kind === 'SCALE' && (
                          <Text size="sm">
                            {t('surveys.answer.scaleEnds', {
                              low: question.lowLabel ?? '',
                              high: question.highLabel ?? '',
                            })}
                          </Text>
                        )}
                        {problems
                          .filter((p) => p.questionId === question.questionId)
                          .map((p) => (
                            <Text key={p.problem} size="sm" c="red.8">
                              {p.message}
                            </Text>
                          ))}
                      </Stack>
                      {draft && (
                        <Group gap={4} wrap="wrap">
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => setEditing(question.questionId)}
                            aria-label={t('surveys.builder.editQuestion', { number: question.number })}
                          >
                            {t('surveys.builder.edit')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="default"
                            disabled={index === 0}
                            aria-label={t('surveys.builder.moveUp', { number: question.number })}
                            onClick={() =>
                              void change(() =>
                                reorder({
                                  variables: { surveyId, questionIds: moved(ids, question.questionId, -1), ...once() },
                                }),
                              )
                            }
                          >
                            ↑
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="default"
                            disabled={index === questions.length - 1}
                            aria-label={t('surveys.builder.moveDown', { number: question.number })}
                            onClick={() =>
                              void change(() =>
                                reorder({
                                  variables: { surveyId, questionIds: moved(ids, question.questionId, 1), ...once() },
                                }),
                              )
                            }
                          >
                            ↓
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="red"
                            aria-label={t('surveys.builder.removeQuestion', { number: question.number })}
                            onClick={() =>
                              void change(() =>
                                remove({ variables: { surveyId, questionId: question.questionId, ...once() } }),
                              )
                            }
                          >
                            {t('surveys.builder.remove')}
                          </Button>
                        </Group>
                      )}
                    </Group>
                  </Paper>
                )}
              </li>
            ))}
          </Stack>
          {draft && (
            <QuestionEditor
              key={adding}
              initial={newQuestionDraft()}
              heading={t('surveys.builder.addHeading')}
              saveLabel={t('surveys.builder.addQuestion')}
              onSave={async (d) => {
                const result = await attempt(() =>
                  add({ variables: { surveyId, question: questionInput(d), ...once() } }),
                );
                if (!result) setAdding((n) => n + 1);
                return result;
              }}
            />
          )}
        </Stack>
      </section>

      <section aria-labelledby="survey-schedule">
        <Title order={2} id="survey-schedule" mb="sm">
          {t('surveys.schedule.heading')}
        </Title>
        <ScheduleForm
          schedule={survey.schedule}
          cohorts={data.program.cohorts}
          disabled={!draft}
          problem={
            scheduleProblem
              ? { kind: 'badUserInput', detail: scheduleProblem.message, field: scheduleProblem.field }
              : null
          }
          onSave={(d, timeZone) =>
            attempt(() => schedule({ variables: { surveyId, schedule: scheduleInput(d, timeZone), ...once() } }))
          }
        />
      </section>

      {draft && (
        <section aria-labelledby="survey-preview">
          <Title order={2} id="survey-preview" mb="sm">
            {t('surveys.preview.heading')}
          </Title>
          <SurveyPreview surveyId={surveyId} version={version} onProblems={onProblems} />
        </section>
      )}

      <section aria-labelledby="survey-publishing">
        <Title order={2} id="survey-publishing" mb="sm">
          {draft ? t('surveys.publish.heading') : t('surveys.publish.closeHeading')}
        </Title>
        {draft && (
          <Stack gap="xs" align="flex-start">
            <Text>{t('surveys.publish.explain')}</Text>
            {problems.length > 0 && (
              <Text size="sm" c="dimmed" id="publish-blocked">
                {t('surveys.publish.blocked', { count: problems.length })}
              </Text>
            )}
            <Button
              loading={publishing.loading}
              disabled={problems.length > 0}
              aria-describedby={problems.length > 0 ? 'publish-blocked' : undefined}
              onClick={() => void change(() => publish({ variables: { surveyId, ...once() } }))}
            >
              {t('surveys.publish.publish')}
            </Button>
          </Stack>
        )}
        {survey.status === 'PUBLISHED' && (
          <Stack gap="xs" align="flex-start">
            <Text>{t('surveys.publish.closeExplain')}</Text>
            <Button
              color="red"
              variant="light"
              loading={closing.loading}
              onClick={() => void change(() => close({ variables: { surveyId, ...once() } }))}
            >
              {t('surveys.publish.close')}
            </Button>
          </Stack>
        )}
        {(survey.status === 'CLOSED' || survey.status === 'ARCHIVED') && (
          <Alert color="gray" variant="light">
            {t('surveys.publish.closed')}
          </Alert>
        )}
      </section>
    </Stack>
  );
}
