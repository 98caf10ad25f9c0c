import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { newCommandId } from '../../../lib/command-id';
import { formatDateTime } from '../../../lib/format';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { WRITE_REFLECTION } from '../api/reflection-mutations';
import { useAction } from '../hooks/use-action';

export const ReflectionsPanelEngagement = graphql(`
  fragment ReflectionsPanel_engagement on Engagement {
    mentorshipId
    status
    viewerRole
    myReflections {
      id
      text
      updatedAt
    }
  }
`);

// The API names the text by its text rule or by the mutation's argument.
const FIELDS: RefusalFields<'text'> = { text: ['reflection', 'text'] };

/**
 * The viewer's private journal about this mentorship. The API only ever returns the viewer's own reflections, so the
 * other side and the program's managers never see them; the page says so before anything is written.
 */
export function ReflectionsPanel(props: {
  engagement: FragmentType<typeof ReflectionsPanelEngagement>;
  otherName: string;
  viewerTimeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const engagement = getFragmentData(ReflectionsPanelEngagement, props.engagement);
  const [text, setText] = useState('');
  const [write, writing] = useMutation(WRITE_REFLECTION);
  const { failure, run } = useAction();
  const refusal = placeRefusal(failure, FIELDS);
  const open = engagement.status === 'OPEN';
  const reflections = [...engagement.myReflections].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const save = async () => {
    const saved = await run(() =>
      write({ variables: { mentorshipId: engagement.mentorshipId, text, commandId: newCommandId() } }),
    );
    if (saved) setText('');
  };
  return (
    <Stack>
      <Alert variant="default" title={t('reflections.privateTitle')}>
        <Text size="sm">{t('reflections.privateBody', { name: props.otherName })}</Text>
      </Alert>
      {open && (
        <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
          <Stack>
            <FailureAlert failure={refusal.unplaced} />
            <Textarea
              label={t('reflections.new')}
              required
              autosize
              minRows={3}
              value={text}
              error={refusal.errorOn('text')}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={writing.loading}>
                {t('reflections.save')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      <Title order={3} size="h4">
        {t('reflections.listTitle')}
      </Title>
      {reflections.length === 0 ? (
        <Text c="dimmed">{t('reflections.none')}</Text>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {reflections.map((reflection) => (
            <Card component="li" withBorder padding="sm" key={reflection.id}>
              <Text size="sm" c="dimmed">
                {formatDateTime(reflection.updatedAt, i18n.language, props.viewerTimeZone)}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{reflection.text}</Text>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
