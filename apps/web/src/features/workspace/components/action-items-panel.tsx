import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { useNow } from '../../../hooks/use-now';
import { calendarDayIn } from '../../../lib/time-zones';
import { orderActionItems } from '../lib/action-items';
import { ActionItemCard } from './action-item-card';
import { ActionItemForm } from './action-item-form';

export const ActionItemsPanelEngagement = graphql(`
  fragment ActionItemsPanel_engagement on Engagement {
    mentorshipId
    status
    viewerRole
    mentorPersonId
    menteePersonId
    goals {
      id
      title
      status
    }
    actionItems {
      id
      title
      dueDate
      done
      completedAt
      goalId
      ...ActionItemCard_actionItem
    }
  }
`);

/** What each side of the pair has said they will do, and by when: open items soonest due first, then done ones. */
export function ActionItemsPanel(props: {
  engagement: FragmentType<typeof ActionItemsPanelEngagement>;
  viewerPersonId: string;
  viewerTimeZone: string;
  nameOf: (personId: string) => string;
}) {
  const { t } = useTranslation();
  const engagement = getFragmentData(ActionItemsPanelEngagement, props.engagement);
  const [adding, setAdding] = useState(false);
  // Renewed while the page is open, so an item turns overdue at the viewer's midnight without a reload.
  const today = calendarDayIn(new Date(useNow()), props.viewerTimeZone);
  const party = engagement.viewerRole !== 'MANAGER' && engagement.status === 'OPEN';
  const otherPersonId = engagement.viewerRole === 'MENTOR' ? engagement.menteePersonId : engagement.mentorPersonId;
  const goalTitles = new Map(engagement.goals.map((g) => [g.id, g.title]));
  const items = orderActionItems(engagement.actionItems);
  return (
    <Stack>
      {items.length === 0 ? (
        <Text>{t('actionItems.none')}</Text>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <ActionItemCard
              key={item.id}
              item={item}
              mentorshipId={engagement.mentorshipId}
              today={today}
              goalTitle={item.goalId ? goalTitles.get(item.goalId) : undefined}
              completable={party}
              nameOf={props.nameOf}
            />
          ))}
        </Stack>
      )}
      {party &&
        (adding ? (
          <ActionItemForm
            mentorshipId={engagement.mentorshipId}
            viewerPersonId={props.viewerPersonId}
            otherPersonId={otherPersonId}
            otherName={props.nameOf(otherPersonId)}
            goals={engagement.goals.filter((g) => g.status === 'ACTIVE')}
            today={today}
            viewerTimeZone={props.viewerTimeZone}
            onClose={() => setAdding(false)}
          />
        ) : (
          <Group>
            <Button onClick={() => setAdding(true)}>{t('actionItems.add')}</Button>
          </Group>
        ))}
    </Stack>
  );
}
