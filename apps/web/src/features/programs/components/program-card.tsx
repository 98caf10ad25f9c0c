import { Anchor, Badge, Button, Card, Group, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { formatDate } from '../../../lib/format';

export const ProgramCardProgram = graphql(`
  fragment ProgramCard_program on Program {
    id
    name
    description
    status
  }
`);

export const ProgramCardParticipation = graphql(`
  fragment ProgramCard_participation on Participant {
    id
    roles
    status
    enrolledAt
  }
`);

export interface ProgramCardProps {
  program: FragmentType<typeof ProgramCardProgram>;
  participation?: FragmentType<typeof ProgramCardParticipation> | undefined;
  managed: boolean;
  /** Offered on programs the person may join. */
  joinable?: boolean;
}

export function ProgramCard(props: ProgramCardProps) {
  const { t, i18n } = useTranslation();
  const program = getFragmentData(ProgramCardProgram, props.program);
  const participation = getFragmentData(ProgramCardParticipation, props.participation);
  const roles = [
    ...(props.managed ? [t('programs.roles.MANAGER')] : []),
    ...(participation?.roles ?? []).map((role) => t(`programs.roles.${role}`)),
  ];
  return (
    <Card component="article" withBorder padding="lg" aria-labelledby={`program-${program.id}`}>
      {/* The status goes under the name when both do not fit (a phone): a badge cut to "ENROLLME…" says nothing. */}
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={2} size="h3" id={`program-${program.id}`}>
          {props.joinable ? (
            program.name
          ) : (
            <Anchor
              inherit
              renderRoot={(props) => <Link {...props} to="/programs/$programId" params={{ programId: program.id }} />}
            >
              {program.name}
            </Anchor>
          )}
        </Title>
        <Badge variant="outline">{t(`programs.status.${program.status}`)}</Badge>
      </Group>
      {program.description && (
        <Text mt="xs" c="dimmed">
          {program.description}
        </Text>
      )}
      <Group mt="md" gap="xs">
        {roles.map((role) => (
          <Badge key={role} variant="outline">
            {role}
          </Badge>
        ))}
        {participation && participation.status !== 'ACTIVE' && (
          <Badge color="gray">{t(`programs.participation.${participation.status}`)}</Badge>
        )}
      </Group>
      {participation && (
        <Text mt="sm" size="sm">
          {t('programs.enrolledOn', { date: formatDate(participation.enrolledAt, i18n.language) })}
        </Text>
      )}
      {props.joinable && (
        <Group mt="md">
          <Button
            renderRoot={(props) => (
              <Link {...props} to="/programs/$programId/join" params={{ programId: program.id }} />
            )}
            aria-label={t('programs.joinNamed', { name: program.name })}
          >
            {t('programs.join')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
