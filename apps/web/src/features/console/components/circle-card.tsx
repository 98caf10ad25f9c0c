import { useMutation } from '@apollo/client/react';
import { Badge, Button, Card, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { CirclesPanel_CircleFragment } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { formatNumber } from '../../../lib/format';
import { PLACE_IN_CIRCLE, REMOVE_FROM_CIRCLE } from '../api/circles-mutations';
import type { Candidate } from '../hooks/use-circle-candidates';
import { useConsoleAction } from '../hooks/use-console-action';

// Filled badges with white text of at least 4.5:1 (as the program status badge).
const STATUS_COLORS: Record<string, string> = { open: '#1e6b30', closed: '#495057' };

/**
 * One circle as its manager sees it: the lead, how full it is, its members by name with a way to take one out, and
 * (while it has room) a way to place a mentee who is in no circle yet.
 */
export function CircleCard(props: {
  circle: CirclesPanel_CircleFragment;
  /** Active mentees of the program who are in no open circle. */
  freeMentees: readonly Candidate[];
  menteesFailed: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { circle } = props;
  const lead = circle.mentor?.displayName ?? t('console.circles.unnamed');
  const open = circle.status === 'open';
  const [chosen, setChosen] = useState<string | null>(null);
  const [place, placing] = useMutation(PLACE_IN_CIRCLE);
  const [remove, removing] = useMutation(REMOVE_FROM_CIRCLE);
  const placement = useConsoleAction();
  const membership = useConsoleAction();
  const headingId = `circle-${circle.id}-heading`;
  const members = [...(circle.members ?? [])].sort((a, b) =>
    (a.mentee?.displayName ?? a.personId).localeCompare(b.mentee?.displayName ?? b.personId, i18n.language),
  );
  const placeChosen = async () => {
    if (!chosen) return;
    const menteePersonId = chosen;
    const ok = await placement.run(() =>
      place({ variables: { circleId: circle.id, menteePersonId, commandId: newCommandId() } }),
    );
    if (ok) setChosen(null);
  };
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={4} id={headingId}>
            {t('console.circles.circleOf', { name: lead })}
          </Title>
          <Badge variant="filled" color={STATUS_COLORS[circle.status] ?? '#495057'}>
            {t(open ? 'console.circles.status.open' : 'console.circles.status.closed')}
          </Badge>
        </Group>
        <Text size="sm">
          {t('console.circles.size', {
            count: circle.maxSize,
            members: formatNumber(circle.memberCount, i18n.language),
            max: formatNumber(circle.maxSize, i18n.language),
          })}{' '}
          {t(circle.selfJoin ? 'console.circles.selfJoinOn' : 'console.circles.selfJoinOff')}
        </Text>
        <FailureAlert failure={membership.failure} />
        {members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('console.circles.noMembers')}
          </Text>
        ) : (
          <List spacing={4} listStyleType="none" aria-label={t('console.circles.membersOf', { name: lead })}>
            {members.map((m) => {
              const name = m.mentee?.displayName ?? t('console.circles.unnamed');
              return (
                <List.Item key={m.personId}>
                  <Group gap="sm" wrap="nowrap">
                    <Text size="sm">{name}</Text>
                    {open && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        loading={removing.loading}
                        aria-label={t('console.circles.removeNamed', { name })}
                        onClick={() =>
                          void membership.run(() =>
                            remove({
                              variables: { circleId: circle.id, menteePersonId: m.personId, commandId: newCommandId() },
                            }),
                          )
                        }
                      >
                        {t('console.circles.remove')}
                      </Button>
                    )}
                  </Group>
                </List.Item>
              );
            })}
          </List>
        )}
        {open && circle.freeSeats > 0 && (
          <form onSubmit={(e) => (e.preventDefault(), void placeChosen())} noValidate>
            <Group align="flex-end" gap="sm">
              <Select
                label={t('console.circles.place.label', { name: lead })}
                placeholder={t('console.circles.place.placeholder')}
                searchable
                nothingFoundMessage={t(
                  props.menteesFailed ? 'console.circles.candidatesFailed' : 'console.circles.place.none',
                )}
                data={props.freeMentees.map((m) => ({ value: m.personId, label: m.displayName }))}
                value={chosen}
                error={placement.failure?.detail}
                onChange={setChosen}
                style={{ flex: 1 }}
              />
              <Button type="submit" variant="light" disabled={!chosen} loading={placing.loading}>
                {t('console.circles.place.submit')}
              </Button>
            </Group>
            {placement.failure && !placement.failure.detail && <FailureAlert failure={placement.failure} />}
          </form>
        )}
      </Stack>
    </Card>
  );
}
