import { ActionIcon, Group, Popover, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A figure's name with its definition one click away: the app serves no documents, so the definitions (the same as
 * docs/insights.md) are texts of the app, in the manager's language.
 */
export function FigureName({ figure, detail }: { figure: string; detail?: string }) {
  const { t } = useTranslation();
  const name = t(`console.insights.figures.${figure}` as 'console.insights.figures.mentors');
  return (
    <Group gap={4} wrap="nowrap">
      <span>{detail === undefined ? name : `${name}: ${detail}`}</span>
      <Popover width={300} position="top" withArrow shadow="md">
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="md"
            radius="xl"
            aria-label={t('console.insights.define', { figure: name })}
          >
            <span aria-hidden>?</span>
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Text size="sm" fw={700}>
            {name}
          </Text>
          <Text size="sm">{t(`console.insights.definitions.${figure}` as 'console.insights.definitions.mentors')}</Text>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
