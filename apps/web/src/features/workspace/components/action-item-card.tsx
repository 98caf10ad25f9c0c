import { useMutation } from '@apollo/client/react';
import { Badge, Card, Checkbox, type CheckboxProps, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { newCommandId } from '../../../lib/command-id';
import { formatCalendarDate, formatDate } from '../../../lib/format';
import { COMPLETE_ACTION_ITEM } from '../api/action-item-mutations';
import { useAction } from '../hooks/use-action';
import { isOverdue } from '../lib/action-items';

export const ActionItemCardActionItem = graphql(`
  fragment ActionItemCard_actionItem on ActionItem {
    id
    title
    ownerPersonId
    dueDate
    done
    completedAt
    goalId
  }
`);

// Mantine greys out a disabled checkbox's label (about 2:1 on white): a locked item must stay readable.
const READABLE: CheckboxProps['styles'] = { label: { color: 'var(--mantine-color-text)' } };
// A done item is locked, and still plainly ticked rather than a grey box.
const TICKED: CheckboxProps['styles'] = {
  ...READABLE,
  input: { backgroundColor: 'var(--checkbox-color)', borderColor: 'var(--checkbox-color)' },
  icon: { color: 'var(--mantine-color-white)' },
};

/** One action item: who does it by when; either side of the pair ticks it off, and once done it stays done. */
export function ActionItemCard(props: {
  item: FragmentType<typeof ActionItemCardActionItem>;
  mentorshipId: string;
  /** The viewer's calendar day, `YYYY-MM-DD`, for the overdue rule. */
  today: string;
  /** The goal it serves, when it is linked to one. */
  goalTitle: string | undefined;
  /** Whether the viewer may tick it off: one of the pair, while the mentorship is open. */
  completable: boolean;
  nameOf: (personId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const item = getFragmentData(ActionItemCardActionItem, props.item);
  const [complete, completing] = useMutation(COMPLETE_ACTION_ITEM);
  const { failure, run } = useAction();
  const overdue = isOverdue(item, props.today);
  const due = t('actionItems.ownerAndDue', {
    name: props.nameOf(item.ownerPersonId),
    date: formatCalendarDate(item.dueDate, i18n.language),
  });
  const when =
    item.done && item.completedAt
      ? `${due} · ${t('actionItems.doneOn', { date: formatDate(item.completedAt, i18n.language) })}`
      : due;
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Checkbox
            size="md"
            checked={item.done}
            disabled={item.done || !props.completable || completing.loading}
            label={item.title}
            // Read out with the checkbox: whose it is, by when, and what it is for.
            description={
              <>
                <span style={{ display: 'block' }}>{when}</span>
                {props.goalTitle && (
                  <span style={{ display: 'block' }}>{t('actionItems.forGoal', { title: props.goalTitle })}</span>
                )}
              </>
            }
            styles={item.done ? TICKED : READABLE}
            onChange={() =>
              void run(() =>
                complete({
                  variables: { mentorshipId: props.mentorshipId, actionItemId: item.id, commandId: newCommandId() },
                }),
              )
            }
          />
          {overdue && (
            <Badge variant="outline" color="red" style={{ flexShrink: 0 }}>
              {t('actionItems.overdue')}
            </Badge>
          )}
        </Group>
        <FailureAlert failure={failure} />
      </Stack>
    </Card>
  );
}
