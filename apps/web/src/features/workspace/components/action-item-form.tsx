import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, NativeSelect, Radio, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { ADD_ACTION_ITEM } from '../api/action-item-mutations';
import { useAction } from '../hooks/use-action';

interface ActionItemDraft {
  title: string;
  owner: 'me' | 'other';
  dueDate: string;
  goalId: string;
}

const EMPTY: ActionItemDraft = { title: '', owner: 'me', dueDate: '', goalId: '' };

// The API names the title by its text rule, the rest by the mutation's arguments.
const FIELDS: RefusalFields<keyof ActionItemDraft> = {
  title: ['actionItemTitle', 'title'],
  owner: ['ownerPersonId'],
  dueDate: ['dueDate'],
  goalId: ['goalId'],
};

/**
 * A new action item: what, who of the pair does it, by when, and the goal it serves. The API decides what is accepted
 * (a due date not before the viewer's today, an owner from the pair) and its refusal shows on the field concerned; the
 * date picker only offers days from today on.
 */
export function ActionItemForm(props: {
  mentorshipId: string;
  viewerPersonId: string;
  otherPersonId: string;
  otherName: string;
  goals: ReadonlyArray<{ id: string; title: string }>;
  /** The viewer's calendar day, `YYYY-MM-DD`. */
  today: string;
  viewerTimeZone: string;
  /** After saving, or on cancel. */
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ActionItemDraft>(EMPTY);
  const [add, adding] = useMutation(ADD_ACTION_ITEM);
  const { failure, run } = useAction();
  const refusal = placeRefusal(failure, FIELDS);
  const set = <K extends keyof ActionItemDraft>(field: K, value: ActionItemDraft[K]) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const save = async () => {
    const added = await run(() =>
      add({
        variables: {
          mentorshipId: props.mentorshipId,
          title: draft.title,
          ownerPersonId: draft.owner === 'me' ? props.viewerPersonId : props.otherPersonId,
          dueDate: draft.dueDate,
          timezone: props.viewerTimeZone,
          goalId: draft.goalId || null,
          commandId: newCommandId(),
        },
      }),
    );
    if (added) props.onClose();
  };
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
      <Stack>
        <FailureAlert failure={refusal.unplaced} />
        <TextInput
          label={t('actionItems.what')}
          required
          value={draft.title}
          error={refusal.errorOn('title')}
          onChange={(e) => set('title', e.currentTarget.value)}
          data-autofocus
        />
        <Radio.Group
          label={t('actionItems.who')}
          required
          value={draft.owner}
          error={refusal.errorOn('owner')}
          onChange={(value) => set('owner', value === 'other' ? 'other' : 'me')}
        >
          <Group mt="xs">
            <Radio value="me" label={t('actionItems.me')} />
            <Radio value="other" label={props.otherName} />
          </Group>
        </Radio.Group>
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('actionItems.dueDate')}
            required
            min={props.today}
            value={draft.dueDate}
            error={refusal.errorOn('dueDate')}
            onChange={(e) => set('dueDate', e.currentTarget.value)}
          />
          {props.goals.length > 0 && (
            <NativeSelect
              label={t('actionItems.goal')}
              value={draft.goalId}
              error={refusal.errorOn('goalId')}
              data={[
                { value: '', label: t('actionItems.noGoal') },
                ...props.goals.map((g) => ({ value: g.id, label: g.title })),
              ]}
              onChange={(e) => set('goalId', e.currentTarget.value)}
            />
          )}
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('workspace.cancel')}
          </Button>
          <Button type="submit" loading={adding.loading}>
            {t('actionItems.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
