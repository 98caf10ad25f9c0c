import { useMutation } from '@apollo/client/react';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { newCommandId } from '../../../lib/command-id';
import { formatCalendarDate } from '../../../lib/format';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { ACHIEVE_GOAL, ADD_MILESTONE, REACH_MILESTONE, UPDATE_GOAL_PROGRESS } from '../api/goal-mutations';

export const GoalCardGoal = graphql(`
  fragment GoalCard_goal on Goal {
    id
    title
    status
    targetDate
    progressPercent
    ownerPersonId
    milestones {
      id
      title
      targetDate
      reachedAt
    }
  }
`);

// A new milestone's title by its text rule, its date as the decider names it; progress by the mutation's argument.
const FIELDS: RefusalFields<'title' | 'targetDate' | 'progress'> = {
  title: ['milestoneTitle', 'title'],
  targetDate: ['milestone targetDate', 'targetDate'],
  progress: ['progressPercent'],
};

/** One goal: its milestones to tick off, progress to report and, when done, marking it achieved. */
export function GoalCard(props: {
  goal: FragmentType<typeof GoalCardGoal>;
  mentorshipId: string;
  editable: boolean;
  nameOf: (personId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const goal = getFragmentData(GoalCardGoal, props.goal);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [milestoneTitle, setMilestoneTitle] = useState('');
  const [milestoneDate, setMilestoneDate] = useState('');
  const [progress, setProgress] = useState<number | string>(goal.progressPercent);
  const [addMilestone, adding] = useMutation(ADD_MILESTONE);
  const [reachMilestone] = useMutation(REACH_MILESTONE);
  const [updateProgress, updating] = useMutation(UPDATE_GOAL_PROGRESS);
  const [achieve, achieving] = useMutation(ACHIEVE_GOAL);
  const ids = { mentorshipId: props.mentorshipId, goalId: goal.id };
  const active = goal.status === 'ACTIVE' && props.editable;
  const run = async (action: () => Promise<unknown>, after?: () => void) => {
    setFailure(null);
    try {
      await action();
      after?.();
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  const refusal = placeRefusal(failure, FIELDS);
  const headingId = `goal-${goal.id}`;
  return (
    <Card component="li" withBorder aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={3} size="h4" id={headingId}>
              {goal.title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('goals.ownerAndTarget', {
                name: props.nameOf(goal.ownerPersonId),
                date: formatCalendarDate(goal.targetDate, i18n.language),
              })}
            </Text>
          </Stack>
          <Badge variant={goal.status === 'ACTIVE' ? 'outline' : 'filled'}>{t(`goals.status.${goal.status}`)}</Badge>
        </Group>
        <Progress
          value={goal.progressPercent}
          aria-label={t('goals.progressLabel', { percent: goal.progressPercent })}
        />
        <Text size="sm">{t('goals.progressLabel', { percent: goal.progressPercent })}</Text>
        {goal.milestones.length > 0 && (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {goal.milestones.map((m) => (
              <li key={m.id}>
                <Checkbox
                  checked={Boolean(m.reachedAt)}
                  disabled={!active || Boolean(m.reachedAt)}
                  label={
                    m.targetDate
                      ? t('goals.milestoneWithDate', {
                          title: m.title,
                          date: formatCalendarDate(m.targetDate, i18n.language),
                        })
                      : m.title
                  }
                  onChange={() =>
                    void run(() =>
                      reachMilestone({ variables: { ...ids, milestoneId: m.id, commandId: newCommandId() } }),
                    )
                  }
                />
              </li>
            ))}
          </Stack>
        )}
        <FailureAlert failure={refusal.unplaced} />
        {active && (
          <>
            <Group align="flex-end">
              <TextInput
                label={t('goals.newMilestone')}
                value={milestoneTitle}
                error={refusal.errorOn('title')}
                onChange={(e) => setMilestoneTitle(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t('goals.milestoneDate')}
                value={milestoneDate}
                error={refusal.errorOn('targetDate')}
                onChange={(e) => setMilestoneDate(e.currentTarget.value)}
              />
              <Button
                variant="default"
                loading={adding.loading}
                onClick={() =>
                  void run(
                    () =>
                      addMilestone({
                        variables: {
                          ...ids,
                          title: milestoneTitle,
                          targetDate: milestoneDate || null,
                          timezone: detectedTimeZone(),
                          commandId: newCommandId(),
                        },
                      }),
                    () => {
                      setMilestoneTitle('');
                      setMilestoneDate('');
                    },
                  )
                }
              >
                {t('goals.addMilestone')}
              </Button>
            </Group>
            <Group align="flex-end">
              <NumberInput
                label={t('goals.progress')}
                min={0}
                max={100}
                suffix=" %"
                value={progress}
                error={refusal.errorOn('progress')}
                onChange={setProgress}
                w={140}
              />
              <Button
                variant="default"
                loading={updating.loading}
                onClick={() =>
                  void run(() =>
                    updateProgress({
                      variables: { ...ids, progressPercent: Number(progress), commandId: newCommandId() },
                    }),
                  )
                }
              >
                {t('goals.saveProgress')}
              </Button>
              <Button
                variant="default"
                loading={achieving.loading}
                onClick={() => void run(() => achieve({ variables: { ...ids, commandId: newCommandId() } }))}
              >
                {t('goals.achieve')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
