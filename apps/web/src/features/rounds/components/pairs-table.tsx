import { Badge, Button, Checkbox, Group, List, Pagination, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundConsole_RoundFragment } from '../../../gql/graphql';
import { formatDecimal, formatNumber } from '../../../lib/format';
import { fitReasons } from '../../../lib/fit-explanation';
import { notFirstChoiceSentence } from '../lib/match-explanations';
import { filterPairs, pageCount, pageOf } from '../lib/pair-pages';

type Pair = RoundConsole_RoundFragment['pairs'][number];
export type ConsolePair = Pair & { menteeName: string; mentorName: string };

export type PairAction = { kind: 'lock' | 'unlock' | 'remove'; pair: ConsolePair };

/**
 * The round's pairs a page at a time (a round may have thousands), searchable by name, each with its score, the fit
 * in plain words and the overrides it allows. Ticking two mentees chooses them for a mentor swap.
 */
export function PairsTable(props: {
  pairs: readonly ConsolePair[];
  editable: boolean;
  swapSelection: readonly string[];
  onToggleSwap: (menteePersonId: string) => void;
  onAction: (action: PairAction) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const found = useMemo(() => filterPairs(props.pairs, search, locale), [props.pairs, search, locale]);
  const shown = pageOf(found, page);
  const pages = pageCount(found.length);
  return (
    <Stack gap="sm">
      <TextInput
        label={t('rounds.pairs.search')}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setPage(1);
        }}
        maw={360}
      />
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder captionSide="top" verticalSpacing="sm">
          <Table.Caption>
            <Text component="span" size="sm" c="dark.6">
              {t('rounds.pairs.caption', {
                count: found.length,
                shown: formatNumber(found.length, locale),
                page: formatNumber(shown.page, locale),
                pages: formatNumber(pages, locale),
              })}
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {props.editable && <Table.Th scope="col">{t('rounds.pairs.swap')}</Table.Th>}
              <Table.Th scope="col">{t('rounds.pairs.mentee')}</Table.Th>
              <Table.Th scope="col">{t('rounds.pairs.mentor')}</Table.Th>
              <Table.Th scope="col">{t('rounds.pairs.score')}</Table.Th>
              <Table.Th scope="col">{t('rounds.pairs.why')}</Table.Th>
              <Table.Th scope="col">{t('rounds.pairs.state')}</Table.Th>
              {props.editable && <Table.Th scope="col">{t('rounds.pairs.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.rows.map((pair) => (
              <PairRow
                key={pair.menteePersonId}
                pair={pair}
                editable={props.editable}
                chosen={props.swapSelection.includes(pair.menteePersonId)}
                onToggleSwap={props.onToggleSwap}
                onAction={props.onAction}
              />
            ))}
            {shown.rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={props.editable ? 7 : 5}>{t('rounds.pairs.empty')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={shown.page}
          onChange={setPage}
          getControlProps={(control) => ({ 'aria-label': t(`rounds.pairs.pageControl.${control}`) })}
          getItemProps={(p) => ({ 'aria-label': t('rounds.pairs.pageNumber', { page: p }) })}
        />
      )}
    </Stack>
  );
}

function PairRow(props: {
  pair: ConsolePair;
  editable: boolean;
  chosen: boolean;
  onToggleSwap: (menteePersonId: string) => void;
  onAction: (action: PairAction) => void;
}) {
  const { t, i18n } = useTranslation();
  const { pair } = props;
  const reasons = fitReasons(pair.factors);
  return (
    <Table.Tr>
      {props.editable && (
        <Table.Td>
          <Checkbox
            checked={props.chosen}
            onChange={() => props.onToggleSwap(pair.menteePersonId)}
            aria-label={t('rounds.pairs.chooseForSwap', { name: pair.menteeName })}
          />
        </Table.Td>
      )}
      <Table.Th scope="row" fw={600}>
        {pair.menteeName}
      </Table.Th>
      <Table.Td>{pair.mentorName}</Table.Td>
      <Table.Td>{formatDecimal(pair.score, i18n.language)}</Table.Td>
      <Table.Td>
        {reasons.length > 0 ? (
          <List size="sm" spacing={0}>
            {reasons.slice(0, 3).map((r) => (
              <List.Item key={r.factor}>{t(`rounds.factor.${r.factor}.${r.strength}`)}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t('rounds.pairs.noReasons')}</Text>
        )}
        {pair.notFirstChoice && (
          <Text size="sm" mt={4}>
            {notFirstChoiceSentence(
              t,
              pair.notFirstChoice,
              pair.notFirstChoice.bestMentor?.displayName ?? t('people.unavailable'),
              'manager',
            )}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {pair.locked && (
            <Badge variant="filled" color="indigo.8">
              {t('rounds.pairs.locked')}
            </Badge>
          )}
          {pair.manual && (
            <Badge variant="outline" color="dark.6">
              {t('rounds.pairs.manual')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      {props.editable && (
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              variant="default"
              onClick={() => props.onAction({ kind: pair.locked ? 'unlock' : 'lock', pair })}
              aria-label={t(pair.locked ? 'rounds.pairs.unlockNamed' : 'rounds.pairs.lockNamed', {
                name: pair.menteeName,
              })}
            >
              {t(pair.locked ? 'rounds.pairs.unlock' : 'rounds.pairs.lock')}
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              onClick={() => props.onAction({ kind: 'remove', pair })}
              aria-label={t('rounds.pairs.removeNamed', { name: pair.menteeName })}
            >
              {t('rounds.pairs.remove')}
            </Button>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
