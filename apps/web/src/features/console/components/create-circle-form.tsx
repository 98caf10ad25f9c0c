import { useMutation } from '@apollo/client/react';
import { Button, Card, Checkbox, Group, NumberInput, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { CREATE_CIRCLE } from '../api/circles-mutations';
import { CONSOLE_CIRCLES } from '../api/circles-queries';
import { useCircleCandidates } from '../hooks/use-circle-candidates';
import { useConsoleAction } from '../hooks/use-console-action';
import {
  circleDraftProblems,
  circleRefusalField,
  emptyCircleDraft,
  type CircleDraftProblem,
  type CircleField,
} from '../lib/circle-draft';

/**
 * A new circle: its lead (an active mentor of the program), how many mentees it holds (up to the program's circle
 * size) and whether mentees may join on their own. Mistakes show on their field before anything is sent.
 */
export function CreateCircleForm(props: { programId: string; maxCircleSize: number }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => emptyCircleDraft(props.maxCircleSize));
  const [problems, setProblems] = useState<CircleDraftProblem[]>([]);
  const mentors = useCircleCandidates(props.programId, 'MENTOR');
  const [create, creating] = useMutation(CREATE_CIRCLE, {
    // The list is read from a projection that may not have the new circle yet: the command's answer goes in now.
    update(cache, { data }) {
      const created = data?.createCircle;
      if (!created) return;
      cache.updateQuery({ query: CONSOLE_CIRCLES, variables: { programId: props.programId } }, (current) => {
        if (!current || current.circles.some((c) => c.id === created.id)) return current;
        return { circles: [...current.circles, created] };
      });
    },
  });
  const { failure, run } = useConsoleAction();
  const refused = circleRefusalField(failure);
  const errorOn = (field: CircleField): string | undefined => {
    const problem = problems.find((p) => p.field === field);
    if (problem) return t(problem.key, problem.field === 'maxSize' ? { min: problem.min, max: problem.max } : {});
    return refused === field ? failure?.detail : undefined;
  };
  const options = mentors.people.map((m) => ({ value: m.personId, label: m.displayName }));
  const save = async () => {
    const found = circleDraftProblems(draft, props.maxCircleSize);
    setProblems(found);
    if (found.length > 0 || !draft.mentorPersonId) return;
    const mentorPersonId = draft.mentorPersonId;
    const ok = await run(() =>
      create({
        variables: {
          programId: props.programId,
          mentorPersonId,
          maxSize: Number(draft.maxSize),
          selfJoin: draft.selfJoin,
          commandId: newCommandId(),
        },
      }),
    );
    if (ok) setDraft(emptyCircleDraft(props.maxCircleSize));
  };
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
      <Stack gap="sm">
        <Title order={3}>{t('console.circles.create.heading')}</Title>
        <FailureAlert failure={refused ? null : failure} />
        <Group grow align="flex-start">
          <Select
            label={t('console.circles.create.mentor')}
            description={t('console.circles.create.mentorHint')}
            placeholder={mentors.state === 'loading' ? t('console.circles.create.mentorsLoading') : undefined}
            required
            searchable
            nothingFoundMessage={t(
              mentors.state === 'failed' ? 'console.circles.candidatesFailed' : 'console.circles.create.noMentors',
            )}
            data={options}
            value={draft.mentorPersonId}
            error={errorOn('mentor')}
            onChange={(value) => setDraft({ ...draft, mentorPersonId: value })}
          />
          <NumberInput
            label={t('console.circles.create.maxSize')}
            description={t('console.circles.create.maxSizeHint', { max: props.maxCircleSize })}
            required
            allowDecimal={false}
            // Out-of-range sizes are named on the field rather than changed silently.
            clampBehavior="none"
            value={draft.maxSize}
            error={errorOn('maxSize')}
            onChange={(value) => setDraft({ ...draft, maxSize: value })}
          />
        </Group>
        <Checkbox
          label={t('console.circles.create.selfJoin')}
          checked={draft.selfJoin}
          onChange={(e) => setDraft({ ...draft, selfJoin: e.currentTarget.checked })}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={creating.loading}>
            {t('console.circles.create.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
