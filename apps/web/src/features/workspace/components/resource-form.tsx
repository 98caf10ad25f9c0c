import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { ResourceKind } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { RECOMMEND_RESOURCE } from '../api/resource-mutations';
import { useAction } from '../hooks/use-action';

/** The API's kinds, in the order a person is likely to look for them. */
const RESOURCE_KINDS: readonly ResourceKind[] = ['ARTICLE', 'BOOK', 'COURSE', 'WORKSHOP', 'EVENT', 'VIDEO', 'OTHER'];

interface ResourceDraft {
  kind: ResourceKind;
  title: string;
  link: string;
}

const EMPTY: ResourceDraft = { kind: 'ARTICLE', title: '', link: '' };

// The API names free text by its text rule, the kind by the mutation's argument.
const FIELDS: RefusalFields<keyof ResourceDraft> = {
  kind: ['kind'],
  title: ['resourceTitle', 'title'],
  link: ['resourceLink', 'link'],
};

/** The mentor recommends something to read, watch or attend; the API checks the title and that a link is a web address. */
export function ResourceForm(props: { mentorshipId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ResourceDraft>(EMPTY);
  const [recommend, recommending] = useMutation(RECOMMEND_RESOURCE);
  const { failure, run } = useAction();
  const refusal = placeRefusal(failure, FIELDS);
  const set = <K extends keyof ResourceDraft>(field: K, value: ResourceDraft[K]) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const save = async () => {
    const saved = await run(() =>
      recommend({
        variables: {
          mentorshipId: props.mentorshipId,
          kind: draft.kind,
          title: draft.title,
          link: draft.link.trim() || null,
          commandId: newCommandId(),
        },
      }),
    );
    if (saved) props.onClose();
  };
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
      <Stack>
        <FailureAlert failure={refusal.unplaced} />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('resources.kind')}
            required
            value={draft.kind}
            error={refusal.errorOn('kind')}
            data={RESOURCE_KINDS.map((kind) => ({ value: kind, label: t(`resources.kinds.${kind}`) }))}
            onChange={(e) => set('kind', e.currentTarget.value as ResourceKind)}
          />
          <TextInput
            label={t('resources.title')}
            required
            value={draft.title}
            error={refusal.errorOn('title')}
            onChange={(e) => set('title', e.currentTarget.value)}
            data-autofocus
          />
        </Group>
        <TextInput
          type="url"
          label={t('resources.link')}
          description={t('resources.linkHint')}
          placeholder="https://"
          value={draft.link}
          error={refusal.errorOn('link')}
          onChange={(e) => set('link', e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('workspace.cancel')}
          </Button>
          <Button type="submit" loading={recommending.loading}>
            {t('resources.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
