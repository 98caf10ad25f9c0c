import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { ResourceCard } from './resource-card';
import { ResourceForm } from './resource-form';

export const ResourcesPanelEngagement = graphql(`
  fragment ResourcesPanel_engagement on Engagement {
    mentorshipId
    status
    viewerRole
    resources {
      id
      ...ResourceCard_resource
    }
  }
`);

/** What the mentor recommends to the mentee: only the mentor adds to it (the API refuses anyone else). */
export function ResourcesPanel(props: {
  engagement: FragmentType<typeof ResourcesPanelEngagement>;
  mentorName: string;
}) {
  const { t } = useTranslation();
  const engagement = getFragmentData(ResourcesPanelEngagement, props.engagement);
  const [adding, setAdding] = useState(false);
  const mentor = engagement.viewerRole === 'MENTOR';
  const canRecommend = mentor && engagement.status === 'OPEN';
  return (
    <Stack>
      <Text>{mentor ? t('resources.introMentor') : t('resources.intro', { name: props.mentorName })}</Text>
      {engagement.resources.length === 0 ? (
        <Text c="dimmed">{t('resources.none')}</Text>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {engagement.resources.map((resource) => (
            <ResourceCard key={resource.id} resource={resource} />
          ))}
        </Stack>
      )}
      {canRecommend &&
        (adding ? (
          <ResourceForm mentorshipId={engagement.mentorshipId} onClose={() => setAdding(false)} />
        ) : (
          <Group>
            <Button onClick={() => setAdding(true)}>{t('resources.add')}</Button>
          </Group>
        ))}
    </Stack>
  );
}
