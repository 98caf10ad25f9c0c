import { Badge, Button, Checkbox, Group, List, Stack, Table, Text, TextInput } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundConsole_PairFragment } from '../../../gql/graphql';
import { VirtualTable } from '../../../components/virtual-table';
import { formatDecimal, formatNumber } from '../../../lib/format';
import { fitReasons } from '../../../lib/fit-explanation';
import { NotFirstChoiceNote } from './not-first-choice-note';
import { filterPairs } from '../lib/pair-search';

export type ConsolePair = RoundConsole_PairFragment & { menteeName: string; mentorName: string };

export type PairAction = { kind: 'lock' | 'unlock' | 'remove'; pair: ConsolePair };

// A row with three reasons in words, the tallest kind; measured rows correct the estimate.
const ESTIMATED_ROW_PX = 92;

/**
 * The round's pairs in one scrolling table that renders only the rows in view (a round may have thousands), each with
 * its score, the fit in plain words and the overrides it allows. The pairs may arrive a page at a time: `total` rows
 * are counted and numbered, those not loaded yet show as placeholders, and `onRowsRendered` says how far the view has
 * come. A search by name narrows the loaded pairs at once and is passed on (`onSearch`), so the pairs of every person
 * of that name can be loaded. Ticking two mentees chooses them for a mentor swap.
 */
export function PairsTable(props: {
  pairs: readonly ConsolePair[];
  /** How many pairs there are (with the search's people); the loaded pairs are the first of them. */
  total?: number;
  editable: boolean;
  swapSelection: readonly string[];
  onToggleSwap: (pair: ConsolePair) => void;
  onAction: (action: PairAction) => void;
  onSearch?: (search: string) => void;
  onRowsRendered?: (lastIndex: number) => void;
  /** Shown under the search field, e.g. while the people of a name are looked up. */
  searchNote?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [search, setSearch] = useState('');
  const searching = search.trim() !== '';
  const found = useMemo(
    () => (searching ? filterPairs(props.pairs, search, locale) : props.pairs),
    [props.pairs, search, searching, locale],
  );
  const rows = searching ? found.length : Math.max(props.total ?? found.length, found.length);
  const columns = props.editable ? 7 : 5;
  return (
    <Stack gap="sm">
      <TextInput
        label={t('rounds.pairs.search')}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          props.onSearch?.(e.currentTarget.value);
        }}
        maw={360}
      />
      {props.searchNote}
      <VirtualTable
        caption={
          <Text component="span" size="sm" c="dark.6">
            {t('rounds.pairs.caption', { count: rows, shown: formatNumber(rows, locale) })}
          </Text>
        }
        head={
          <>
            {props.editable && <Table.Th scope="col">{t('rounds.pairs.swap')}</Table.Th>}
            <Table.Th scope="col">{t('rounds.pairs.mentee')}</Table.Th>
            <Table.Th scope="col">{t('rounds.pairs.mentor')}</Table.Th>
            <Table.Th scope="col">{t('rounds.pairs.score')}</Table.Th>
            <Table.Th scope="col">{t('rounds.pairs.why')}</Table.Th>
            <Table.Th scope="col">{t('rounds.pairs.state')}</Table.Th>
            {props.editable && <Table.Th scope="col">{t('rounds.pairs.actions')}</Table.Th>}
          </>
        }
        columns={columns}
        rows={rows}
        rowKey={(index) => found[index]?.menteePersonId ?? `row-${index}`}
        renderRow={(index) => {
          const pair = found[index];
          if (!pair) {
            return (
              <Table.Td colSpan={columns}>
                <Text size="sm" c="dark.6">
                  {t('rounds.pairs.loadingRow')}
                </Text>
              </Table.Td>
            );
          }
          return (
            <PairCells
              pair={pair}
              editable={props.editable}
              chosen={props.swapSelection.includes(pair.menteePersonId)}
              onToggleSwap={props.onToggleSwap}
              onAction={props.onAction}
            />
          );
        }}
        estimateRowHeight={ESTIMATED_ROW_PX}
        empty={t('rounds.pairs.empty')}
        minWidth={900}
        resetKey={search}
        onRowsRendered={props.onRowsRendered}
      />
    </Stack>
  );
}

/** One pair's cells; the table puts them in the row it renders. */
function PairCells(props: {
  pair: ConsolePair;
  editable: boolean;
  chosen: boolean;
  onToggleSwap: (pair: ConsolePair) => void;
  onAction: (action: PairAction) => void;
}) {
  const { t, i18n } = useTranslation();
  const { pair } = props;
  const reasons = fitReasons(pair.factors);
  return (
    <>
      {props.editable && (
        <Table.Td>
          <Checkbox
            checked={props.chosen}
            onChange={() => props.onToggleSwap(pair)}
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
        {pair.notFirstChoice && <NotFirstChoiceNote reason={pair.notFirstChoice} reader="manager" mt={4} />}
      </Table.Td>
      {/* The badges' words never shrink to an ellipsis ("LO…"): the state column keeps room for the longest. */}
      <Table.Td miw="8rem">
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
    </>
  );
}
