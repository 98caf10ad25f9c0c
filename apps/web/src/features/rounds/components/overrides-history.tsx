import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundConsole_HeaderFragment } from '../../../gql/graphql';
import { overrideKind } from '../lib/override-history';
import { overrideReasonOf } from '../lib/override-reasons';

type Entry = RoundConsole_HeaderFragment['overrides'][number];

/**
 * Every override of the round in the order made: who, what, for whom and why. The API records no time per override,
 * so the order is the history's own.
 */
export function OverridesHistory(props: {
  overrides: readonly Entry[];
  nameOf: (personId: string | null) => string;
  whoOf: (personId: string) => string;
}) {
  const { t } = useTranslation();
  if (props.overrides.length === 0) return <Text>{t('rounds.history.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption>
          <Text component="span" size="sm" c="dark.6">
            {t('rounds.history.caption')}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rounds.history.number')}</Table.Th>
            <Table.Th scope="col">{t('rounds.history.what')}</Table.Th>
            <Table.Th scope="col">{t('rounds.pairs.mentee')}</Table.Th>
            <Table.Th scope="col">{t('rounds.history.who')}</Table.Th>
            <Table.Th scope="col">{t('rounds.history.why')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.overrides.map((entry, index) => {
            const reason = overrideReasonOf(entry.reason);
            return (
              // The history only grows, so a position names an entry for good.
              <Table.Tr key={index}>
                <Table.Td>{index + 1}</Table.Td>
                <Table.Th scope="row">{t(`rounds.history.kind.${overrideKind(entry.type)}`)}</Table.Th>
                <Table.Td>{props.nameOf(entry.menteePersonId ?? null)}</Table.Td>
                <Table.Td>{props.whoOf(entry.byPersonId)}</Table.Td>
                <Table.Td>{reason ? t(`rounds.override.reasons.${reason}`) : t('rounds.history.noReason')}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
