import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { getFragmentData } from '../../../gql';
import type { CirclesPanel_CircleFragment, CirclesPanel_FillFragment } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { formatDecimal, formatNumber } from '../../../lib/format';
import { unmatchedReason } from '../../rounds/lib/unmatched-reasons';
import { DISCARD_CIRCLE_FILL, PUBLISH_CIRCLE_FILL, START_CIRCLE_FILL } from '../api/circles-mutations';
import { CirclesPanelFill } from '../api/circles-queries';
import { useConsoleAction } from '../hooks/use-console-action';
import { groupFillByCircle } from '../lib/circle-fill-groups';
import { PublishCircleFillDialog } from './publish-circle-fill-dialog';

interface Published {
  placed: number;
  skipped: Array<{ menteePersonId: string; message: string }>;
}

/**
 * "Fill with the engine": the engine proposes the program's mentees who are in no circle to the open circles' leads,
 * up to their free places. The draft is shown by circle, each mentee with their fit; nobody sees it until the
 * manager publishes it, and a discarded draft changes nothing.
 */
export function CircleFillReview(props: {
  programId: string;
  circles: readonly CirclesPanel_CircleFragment[];
  onPublished: (placed: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [fill, setFill] = useState<CirclesPanel_FillFragment | null>(null);
  const [published, setPublished] = useState<Published | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [start, starting] = useMutation(START_CIRCLE_FILL);
  const [publish, publishing] = useMutation(PUBLISH_CIRCLE_FILL);
  const [discard, discarding] = useMutation(DISCARD_CIRCLE_FILL);
  const starter = useConsoleAction();
  const publisher = useConsoleAction();
  const discarder = useConsoleAction();
  const leadOf = new Map(props.circles.map((c) => [c.id, c.mentor?.displayName ?? t('console.circles.unnamed')]));
  const nameOf = (p: { mentee?: { displayName: string } | null }) =>
    p.mentee?.displayName ?? t('console.circles.unnamed');

  const startFill = async () => {
    setPublished(null);
    await starter.run(async () => {
      const result = await start({ variables: { programId: props.programId, commandId: newCommandId() } });
      if (result.data) setFill(getFragmentData(CirclesPanelFill, result.data.startCircleFill));
    });
  };
  const publishFill = async (fillId: string) => {
    const ok = await publisher.run(async () => {
      const result = await publish({ variables: { fillId, commandId: newCommandId() } });
      const outcome = result.data?.publishCircleFill;
      if (!outcome) return;
      setPublished({ placed: outcome.placed, skipped: outcome.skipped });
      props.onPublished(outcome.placed);
    });
    if (ok) {
      setConfirming(false);
      setFill(null);
    }
  };
  const discardFill = async (fillId: string) => {
    if (await discarder.run(() => discard({ variables: { fillId, commandId: newCommandId() } }))) setFill(null);
  };

  const groups = fill
    ? groupFillByCircle(
        fill.placements,
        props.circles.map((c) => c.id),
        locale,
      )
    : [];
  const orderedUnplaced = fill ? [...fill.unplaced].sort((a, b) => nameOf(a).localeCompare(nameOf(b), locale)) : [];

  return (
    <Card withBorder component="section" aria-labelledby="circle-fill-heading">
      <Stack>
        <Title order={3} id="circle-fill-heading">
          {t('console.circles.fill.heading')}
        </Title>
        <Text size="sm">{t('console.circles.fill.hint')}</Text>
        <FailureAlert failure={starter.failure} />
        {published && (
          <Alert color="teal" variant="light" role="status" title={t('console.circles.fill.publishedTitle')}>
            <Stack gap={4}>
              <Text size="sm">
                {t('console.circles.fill.published', {
                  count: published.placed,
                  n: formatNumber(published.placed, locale),
                })}
              </Text>
              {published.skipped.length > 0 && (
                <List size="sm" aria-label={t('console.circles.fill.skipped')}>
                  {published.skipped.map((s) => (
                    <List.Item key={s.menteePersonId}>{s.message}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Alert>
        )}
        {!fill && (
          <Group>
            <Button loading={starting.loading} onClick={() => void startFill()}>
              {t('console.circles.fill.start')}
            </Button>
          </Group>
        )}
        {fill && (
          <Stack>
            <Text fw={500}>
              {t('console.circles.fill.draftSummary', {
                count: fill.placements.length,
                n: formatNumber(fill.placements.length, locale),
                unplaced: formatNumber(fill.unplaced.length, locale),
              })}
            </Text>
            {groups.length === 0 && <Text>{t('console.circles.fill.nobody')}</Text>}
            {groups.map((group) => (
              <Table key={group.circleId} withTableBorder captionSide="top">
                <Table.Caption>
                  {t('console.circles.fill.proposedFor', { name: leadOf.get(group.circleId) ?? '' })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('console.circles.fill.mentee')}</Table.Th>
                    <Table.Th scope="col">{t('console.circles.fill.score')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {group.placements.map((p) => (
                    <Table.Tr key={p.menteePersonId}>
                      <Table.Th scope="row" fw="normal">
                        {nameOf(p)}
                      </Table.Th>
                      <Table.Td>{formatDecimal(p.score, locale)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ))}
            {orderedUnplaced.length > 0 && (
              <Table withTableBorder captionSide="top">
                <Table.Caption>{t('console.circles.fill.unplacedCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('console.circles.fill.mentee')}</Table.Th>
                    <Table.Th scope="col">{t('console.circles.fill.why')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {orderedUnplaced.map((u) => (
                    <Table.Tr key={u.menteePersonId}>
                      <Table.Th scope="row" fw="normal">
                        {nameOf(u)}
                      </Table.Th>
                      <Table.Td>
                        {u.reason === 'no-capacity'
                          ? t('console.circles.fill.noCapacity')
                          : t(`rounds.unmatchedReason.${unmatchedReason(u.reason)}`)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Text size="sm" c="dimmed">
              {t('console.circles.fill.editHint')}
            </Text>
            <FailureAlert failure={discarder.failure} />
            <Group justify="flex-end">
              <Button variant="default" loading={discarding.loading} onClick={() => void discardFill(fill.id)}>
                {t('console.circles.fill.discard')}
              </Button>
              <Button disabled={fill.placements.length === 0} onClick={() => setConfirming(true)}>
                {t('console.circles.fill.publish')}
              </Button>
            </Group>
          </Stack>
        )}
        {fill && confirming && (
          <PublishCircleFillDialog
            placements={fill.placements.length}
            circles={groups.length}
            publishing={publishing.loading}
            failure={publisher.failure}
            onConfirm={() => void publishFill(fill.id)}
            onClose={() => setConfirming(false)}
          />
        )}
      </Stack>
    </Card>
  );
}
