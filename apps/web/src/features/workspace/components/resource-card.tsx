import { Anchor, Badge, Card, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';

export const ResourceCardResource = graphql(`
  fragment ResourceCard_resource on Resource {
    id
    kind
    title
    link
  }
`);

/** The address of a web link, or null for anything a browser should not be sent to from here (`javascript:` …). */
function webAddress(link: string | null): URL | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * One recommended resource: its kind, its title and where to find it. A link opens in a new tab (the workspace stays
 * open) without giving the other site a handle on this page or telling it where the visitor came from.
 */
export function ResourceCard(props: { resource: FragmentType<typeof ResourceCardResource> }) {
  const { t } = useTranslation();
  const resource = getFragmentData(ResourceCardResource, props.resource);
  const url = webAddress(resource.link);
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          {url ? (
            <Anchor href={url.href} target="_blank" rel="noopener noreferrer" fw={600}>
              {resource.title} <VisuallyHidden>{t('resources.opensInNewTab')}</VisuallyHidden>
            </Anchor>
          ) : (
            <Text fw={600}>{resource.title}</Text>
          )}
          {url && (
            <Text size="sm" c="dimmed">
              {url.host}
            </Text>
          )}
        </Stack>
        <Badge variant="outline" style={{ flexShrink: 0 }}>
          {t(`resources.kinds.${resource.kind}`)}
        </Badge>
      </Group>
    </Card>
  );
}
