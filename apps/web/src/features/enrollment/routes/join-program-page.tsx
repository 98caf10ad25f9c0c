import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Radio,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { Navigate, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PAGE_HEADING_ID, PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { getFragmentData } from '../../../gql';
import type { JoinProgramQuery } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { timeZoneOptions } from '../../../lib/time-zones';
import { useAuth } from '../../auth';
import { ENROLL } from '../api/enroll-mutation';
import { JOIN_PROGRAM } from '../api/join-program-query';
import { QuestionField, QuestionFieldQuestion } from '../../../components/question-field';
import { languageOptions } from '../lib/language-options';
import { formFieldOfApiField, initialDraft, type ProfileDraft, toProfileInput } from '../lib/profile-draft';

const FORMATS = ['VIRTUAL', 'IN_PERSON', 'GROUP'] as const;

type LoadedProgram = NonNullable<JoinProgramQuery['program']>;

function JoinForm({ program }: { program: LoadedProgram }) {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const questions = useMemo(
    () => program.questionnaire.map((q) => getFragmentData(QuestionFieldQuestion, q)),
    [program.questionnaire],
  );
  const form = useForm<ProfileDraft>({
    initialValues: initialDraft({ name: auth.user?.name ?? '', email: auth.user?.email }, i18n.language, questions),
    validate: {
      displayName: (value) => (value.trim() ? null : t('join.errors.displayNameRequired')),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('join.errors.emailInvalid')),
      languages: (value) => (value.length ? null : t('join.errors.languagesRequired')),
    },
  });
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [enroll, { loading }] = useMutation(ENROLL, {
    refetchQueries: ['MyPrograms', 'JoinProgram', 'SignedInPerson'],
    awaitRefetchQueries: true,
  });
  const languages = useMemo(() => languageOptions(i18n.language), [i18n.language]);
  const zones = useMemo(() => timeZoneOptions(form.values.timezone), [form.values.timezone]);
  const shownFields = useMemo(
    () =>
      new Set([
        'displayName',
        'email',
        'headline',
        'bio',
        'languages',
        'timezone',
        'formats',
        'skillsSought',
        'skillsOffered',
        'roles',
        ...questions.map((q) => `answers.${q.questionId}`),
      ]),
    [questions],
  );

  const submit = form.onSubmit(async (draft) => {
    setFailure(null);
    try {
      await enroll({
        variables: {
          programId: program.id,
          roles: [draft.role],
          profile: toProfileInput(draft, questions),
          commandId: newCommandId(),
        },
      });
      await navigate({ to: '/programs/$programId', params: { programId: program.id } });
    } catch (error) {
      const described = describeError(error);
      const field = described.kind === 'badUserInput' ? formFieldOfApiField(described.field, shownFields) : null;
      if (field && described.detail) {
        form.setFieldError(field === 'roles' ? 'role' : field, described.detail);
        form.getInputNode(field)?.focus();
      } else setFailure(described);
    }
  });

  const isMentee = form.values.role === 'MENTEE';
  return (
    <form onSubmit={submit} noValidate aria-labelledby={PAGE_HEADING_ID}>
      <Stack gap="lg" maw={640}>
        {failure && (
          <Alert color="red" role="alert" title={t(`errors.${failure.kind}`)}>
            {failure.detail}
          </Alert>
        )}
        <Radio.Group label={t('join.role')} {...form.getInputProps('role')}>
          <Group mt="xs">
            <Radio value="MENTEE" label={t('join.asMentee')} />
            <Radio value="MENTOR" label={t('join.asMentor')} />
          </Group>
        </Radio.Group>
        <TextInput label={t('join.displayName')} required maxLength={80} {...form.getInputProps('displayName')} />
        <TextInput
          type="email"
          label={t('join.email')}
          description={t('join.emailHint')}
          required
          autoComplete="email"
          maxLength={254}
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('join.headline')}
          description={t('join.headlineHint')}
          maxLength={120}
          {...form.getInputProps('headline')}
        />
        <Textarea label={t('join.bio')} autosize minRows={3} maxLength={2000} {...form.getInputProps('bio')} />
        <MultiSelect
          label={t('join.languages')}
          description={t('join.languagesHint')}
          data={languages}
          searchable
          required
          {...form.getInputProps('languages')}
        />
        <Select
          label={t('join.timezone')}
          description={t('join.timezoneHint')}
          data={zones}
          searchable
          allowDeselect={false}
          {...form.getInputProps('timezone')}
        />
        {isMentee ? (
          <TagsInput
            label={t('join.skillsSought')}
            description={t('join.skillsHint')}
            {...form.getInputProps('skillsSought')}
          />
        ) : (
          <TagsInput
            label={t('join.skillsOffered')}
            description={t('join.skillsHint')}
            {...form.getInputProps('skillsOffered')}
          />
        )}
        <Checkbox.Group label={t('join.formats')} {...form.getInputProps('formats')}>
          <Group mt="xs">
            {FORMATS.map((format) => (
              <Checkbox key={format} value={format} label={t(`join.format.${format}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        {program.questionnaire.length > 0 && (
          <Stack gap="md">
            <Title order={2} size="h3">
              {t('join.questionnaire')}
            </Title>
            {program.questionnaire.map((question, index) => {
              const questionId = questions[index]?.questionId ?? '';
              const path = `answers.${questionId}`;
              return (
                <QuestionField
                  key={questionId}
                  question={question}
                  value={form.values.answers[questionId] ?? { optionIds: [], value: null, text: '' }}
                  onChange={(answer) => {
                    form.setFieldValue(path, answer);
                    form.clearFieldError(path);
                  }}
                  error={form.errors[path]}
                />
              );
            })}
          </Stack>
        )}
        <Group>
          <Button type="submit" loading={loading}>
            {t('join.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Joining a program whose enrollment is open: profile and the program's own questionnaire. */
export function JoinProgramPage({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(JOIN_PROGRAM, { variables: { programId } });
  let content;
  if (error) content = <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  else if (loading || !data?.program) content = <LoadingState label={t('join.loading')} />;
  else if (data.me.participations.some((p) => p.programId === programId)) {
    return <Navigate to="/programs/$programId" params={{ programId }} replace />;
  } else if (data.program.status !== 'ENROLLMENT_OPEN') content = <Text>{t('join.closed')}</Text>;
  else content = <JoinForm program={data.program} />;
  return (
    <>
      <PageHeading>
        {data?.program ? t('join.heading', { program: data.program.name }) : t('join.headingPlain')}
      </PageHeading>
      {data?.program?.description && (
        <Text c="dimmed" mb="lg">
          {data.program.description}
        </Text>
      )}
      {content}
    </>
  );
}
