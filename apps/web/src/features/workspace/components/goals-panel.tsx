import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { SET_GOAL } from '../api/goal-mutations';
import { GoalCard } from './goal-card';

export const GoalsPanelEngagement = graphql(`
  fragment GoalsPanel_engagement on Engagement {
    mentorshipId
    status
    viewerRole
    goals {
      id
      ...GoalCard_goal
    }
  }
`);

interface GoalDraft {
  title: string;
  targetDate: string;
  milestoneTitle: string;
  milestoneDate: string;
}

const EMPTY: GoalDraft = { title: '', targetDate: '', milestoneTitle: '', milestoneDate: '' };

// The API names free text by its text rule and a first milestone's date by its own name.
const FIELDS: RefusalFields<'title' | 'targetDate' | 'milestones'> = {
  title: ['goalTitle', 'title'],
  targetDate: ['targetDate'],
  milestones: ['milestones', 'milestoneTitle', 'milestone targetDate'],
};

/** The mentee's goals in this mentorship, and setting a new one with a first milestone. */
export function GoalsPanel(props: {
  engagement: FragmentType<typeof GoalsPanelEngagement>;
  nameOf: (personId: string) => string;
}) {
  const { t } = useTranslation();
  const engagement = getFragmentData(GoalsPanelEngagement, props.engagement);
  const party = engagement.viewerRole !== 'MANAGER' && engagement.status === 'OPEN';
  const [draft, setDraft] = useState<GoalDraft | null>(null);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [setGoal, saving] = useMutation(SET_GOAL);
  const change = (field: keyof GoalDraft) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setDraft((d) => d && { ...d, [field]: value });
  };
  const save = async () => {
    if (!draft) return;
    setFailure(null);
    try {
      await setGoal({
        variables: {
          mentorshipId: engagement.mentorshipId,
          title: draft.title,
          targetDate: draft.targetDate,
          timezone: detectedTimeZone(),
          milestones: draft.milestoneTitle.trim()
            ? [{ title: draft.milestoneTitle, targetDate: draft.milestoneDate || null }]
            : null,
          commandId: newCommandId(),
        },
      });
      setDraft(null);
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  const refusal = placeRefusal(failure, FIELDS);
  return (
    <Stack>
      {engagement.goals.length === 0 ? (
        <Text>{t('goals.none')}</Text>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {engagement.goals.map((goal) => (
            <GoalCard
              key={goal.id}
              goal={goal}
              mentorshipId={engagement.mentorshipId}
              editable={party}
              nameOf={props.nameOf}
            />
          ))}
        </Stack>
      )}
      {party && !draft && (
        <Group>
          <Button onClick={() => setDraft(EMPTY)}>{t('goals.setGoal')}</Button>
        </Group>
      )}
      {draft && (
        <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
          <Stack>
            <FailureAlert failure={refusal.unplaced} />
            <TextInput
              label={t('goals.title')}
              required
              value={draft.title}
              error={refusal.errorOn('title')}
              onChange={change('title')}
              data-autofocus
            />
            <TextInput
              type="date"
              label={t('goals.targetDate')}
              required
              value={draft.targetDate}
              error={refusal.errorOn('targetDate')}
              onChange={change('targetDate')}
            />
            <Group grow align="flex-start">
              <TextInput
                label={t('goals.firstMilestone')}
                value={draft.milestoneTitle}
                error={refusal.errorOn('milestones')}
                onChange={change('milestoneTitle')}
              />
              <TextInput
                type="date"
                label={t('goals.milestoneDate')}
                value={draft.milestoneDate}
                onChange={change('milestoneDate')}
              />
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => (setDraft(null), setFailure(null))}>
                {t('workspace.cancel')}
              </Button>
              <Button type="submit" loading={saving.loading}>
                {t('goals.save')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
