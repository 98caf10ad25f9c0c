import { Avatar, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../gql';

export const PersonSummaryParticipant = graphql(`
  fragment PersonSummary_participant on Participant {
    id
    displayName
    headline
    initials
  }
`);

/** A person as a list shows them: initials for a photo, name, headline. Someone erased shows as such. */
export function PersonSummary(props: {
  participant: FragmentType<typeof PersonSummaryParticipant> | null | undefined;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const person = getFragmentData(PersonSummaryParticipant, props.participant);
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  if (!person) {
    return (
      <Group gap="sm" wrap="nowrap">
        <Avatar radius="xl" aria-hidden>
          ?
        </Avatar>
        <Text component={Heading} fw={600} m={0} size="md">
          {t('people.unavailable')}
        </Text>
      </Group>
    );
  }
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Avatar radius="xl" color="teal" variant="filled" aria-hidden>
        {person.initials}
      </Avatar>
      <Stack gap={0}>
        <Text component={Heading} fw={600} m={0} size="md">
          {person.displayName}
        </Text>
        {person.headline && (
          <Text size="sm" c="dimmed">
            {person.headline}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
