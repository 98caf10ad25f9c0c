import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { getFragmentData } from '../../../gql';
import type { MatchingObjective } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { formatNumber } from '../../../lib/format';
import { roundStatusColor } from '../lib/round-status-color';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { RoundConsoleHeader } from '../api/round-fields';
import { ADD_PAIR, LOCK_PAIR, RECOMPUTE_ROUND, REMOVE_PAIR, SWAP_MENTORS, UNLOCK_PAIR } from '../api/round-mutations';
import { MATCHING_ROUND, OBJECTIVE_COMPARISON, ROUND_MENTORS } from '../api/round-queries';
import { AddPairDialog } from '../components/add-pair-dialog';
import { DiscardDialog } from '../components/discard-dialog';
import { OverrideDialog } from '../components/override-dialog';
import { OverridesHistory } from '../components/overrides-history';
import { type ConsolePair, type PairAction, PairsTable } from '../components/pairs-table';
import { PublishDialog } from '../components/publish-dialog';
import { RoundMetricsTable } from '../components/round-metrics-table';
import { type ConsoleUnmatched, UnmatchedTable } from '../components/unmatched-table';
import { nameLookup } from '../lib/override-history';
import { objectiveColumns } from '../lib/round-metrics';
import { orderUnmatched } from '../lib/unmatched-reasons';
import { isEditable, swapProblem, toggleSwap } from '../lib/swap-selection';
import { PEOPLE_PER_SEARCH, useRoundPairs } from '../hooks/use-round-pairs';
import { ConsolePageFailure } from '../../console/components/console-page-failure';

type Dialog =
  | { kind: 'lock' | 'remove'; pair: ConsolePair }
  | { kind: 'swap'; a: ConsolePair; b: ConsolePair }
  | { kind: 'add'; mentee: ConsoleUnmatched }
  | { kind: 'publish' }
  | { kind: 'discard' };

// While the service still computes a draft (status DRAFT) the console asks again this often.
const COMPUTING_POLL_MS = 1000;

/**
 * A program manager's console for one matching round: its outcome beside the other objectives', the pairs with their
 * fit, the mentees left unmatched and why, overrides with their reasons and history, re-solving, publishing and
 * discarding. A round the API refuses (another program's, another organization's) gets the console's refusal.
 */
export function RoundPage({ programId, roundId }: { programId: string; roundId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { data, error, refetch, startPolling, stopPolling } = useQuery(MATCHING_ROUND, { variables: { roundId } });
  const round = getFragmentData(RoundConsoleHeader, data?.matchingRound);
  const computing = round?.status === 'DRAFT';
  useEffect(() => {
    if (computing) startPolling(COMPUTING_POLL_MS);
    else stopPolling();
  }, [computing, startPolling, stopPolling]);

  const unavailable = t('people.unavailable');
  const table = useRoundPairs(programId, roundId, unavailable, !round || computing);
  // Asked once the table shows, so the round's own figures and pairs come first; the service keeps the re-solves of
  // an input, so showing the round again does not solve again.
  const comparison = useQuery(OBJECTIVE_COMPARISON, {
    variables: { roundId },
    skip: !round || !table.loaded || round.status === 'DRAFT' || round.status === 'DISCARDED',
  });
  // A re-solve records a new input, against which the other objectives are compared again.
  const iteration = round?.iteration;
  const seenIteration = useRef(iteration);
  const refetchComparison = comparison.refetch;
  useEffect(() => {
    if (seenIteration.current !== undefined && seenIteration.current !== iteration) {
      void refetchComparison().catch(() => undefined);
    }
    seenIteration.current = iteration;
  }, [iteration, refetchComparison]);

  const [swapSelection, setSwapSelection] = useState<string[]>([]);
  // The pairs chosen for a swap, kept as chosen: a search for the second may take the first out of the table.
  const [swapPairs, setSwapPairs] = useState<ReadonlyMap<string, ConsolePair>>(new Map());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [lock] = useMutation(LOCK_PAIR);
  const [unlock] = useMutation(UNLOCK_PAIR);
  const [remove] = useMutation(REMOVE_PAIR);
  const [add] = useMutation(ADD_PAIR);
  const [swap] = useMutation(SWAP_MENTORS);
  const [recompute, recomputing] = useMutation(RECOMPUTE_ROUND);
  const reloadPairs = table.reload;
  const reload = useCallback(() => {
    void refetch().catch(() => undefined);
    reloadPairs();
  }, [refetch, reloadPairs]);
  const mentorsQuery = useQuery(ROUND_MENTORS, { variables: { roundId }, skip: dialog?.kind !== 'add' });
  // A re-solve and the end of a computation change which pairs there are.
  const pairsVersion = round ? `${round.iteration}:${round.status}` : null;
  const seenPairsVersion = useRef(pairsVersion);
  useEffect(() => {
    if (seenPairsVersion.current !== null && seenPairsVersion.current !== pairsVersion) reloadPairs();
    seenPairsVersion.current = pairsVersion;
  }, [pairsVersion, reloadPairs]);
  const unmatched: ConsoleUnmatched[] = useMemo(
    () =>
      orderUnmatched(
        (round?.unmatched ?? []).map((u) => ({
          menteePersonId: u.menteePersonId,
          menteeName: u.mentee?.displayName ?? unavailable,
          reason: u.reason,
          hints: u.hints,
        })),
        locale,
      ),
    [round?.unmatched, unavailable, locale],
  );

  if (error && !data) {
    return <ConsolePageFailure error={error} heading={t('rounds.console.headingPlain')} onRetry={reload} />;
  }
  if (!data || !round) return <LoadingState label={t('rounds.console.loading')} />;

  const editable = isEditable(round.status);
  const byMentee = new Map([...swapPairs, ...table.pairs.map((p) => [p.menteePersonId, p] as const)]);
  const mentors = (mentorsQuery.data?.matchingRound.mentors ?? [])
    .map((m) => ({ personId: m.mentorPersonId, name: m.mentor?.displayName ?? unavailable }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const menteeName = nameLookup(
    [
      ...round.overrides.map((o) => ({ personId: o.menteePersonId ?? '', name: o.mentee?.displayName })),
      ...unmatched.map((u) => ({ personId: u.menteePersonId, name: u.menteeName })),
      ...[...byMentee.values()].map((p) => ({ personId: p.menteePersonId, name: p.menteeName })),
    ],
    unavailable,
  );
  const load = {
    mentors: round.mentorLoad.mentors,
    fewest: round.mentorLoad.fewest,
    most: round.mentorLoad.most,
    spread: round.mentorLoad.most - round.mentorLoad.fewest,
  };
  const whoName = (personId: string | null) =>
    personId === data.me.personId ? t('rounds.history.you') : t('rounds.history.anotherManager');

  const compared = comparison.data;
  const others = new Map<
    MatchingObjective,
    { coverage: number; meanScore: number; minScore: number; matched: number; blockingPairs: number }
  >();
  if (compared) {
    others.set('BEST_TOTAL', compared.bestTotal.metricsAfter);
    others.set('FAIREST', compared.fairest.metricsAfter);
    others.set('MOST_MATCHED', compared.mostMatched.metricsAfter);
    others.set('STABLE', compared.stable.metricsAfter);
  }
  const columns = objectiveColumns(
    {
      objective: round.objective,
      coverage: round.coverage,
      meanScore: round.meanScore,
      minScore: round.minScore,
      matched: round.pairCount,
      blockingPairs: round.blockingPairs ?? null,
    },
    others,
  );

  const chosen = swapSelection.filter((id) => byMentee.has(id));
  const swapBlock = swapProblem(chosen, (id) => byMentee.get(id)?.mentorPersonId);

  const runNow = async (change: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await change();
    } catch (e) {
      setFailure(describeError(e));
    }
  };
  const onAction = (action: PairAction) => {
    if (action.kind === 'unlock') {
      void runNow(() =>
        unlock({
          variables: { roundId, menteePersonId: action.pair.menteePersonId, commandId: newCommandId() },
        }),
      );
    } else setDialog({ kind: action.kind, pair: action.pair });
  };
  return (
    <Stack gap="xl">
      <div>
        <PageHeading>
          {t('rounds.console.heading', { objective: t(`rounds.objective.${round.objective}`) })}
        </PageHeading>
        <Group gap="sm">
          <Badge variant="filled" color={roundStatusColor(round.status)} size="lg">
            {t(`rounds.status.${round.status}`)}
          </Badge>
          <Text size="sm">
            {t('rounds.console.iteration', { count: round.iteration, n: formatNumber(round.iteration, locale) })}
          </Text>
          <Anchor
            renderRoot={(rootProps) => (
              <Link {...rootProps} to="/manage/programs/$programId/rounds" params={{ programId }} />
            )}
          >
            {t('rounds.console.back')}
          </Anchor>
        </Group>
      </div>

      {computing && (
        <Alert color="blue" variant="outline" role="status" title={t('rounds.console.computingTitle')}>
          {t('rounds.console.computing')}
        </Alert>
      )}
      {round.status === 'PUBLISHED' && (
        <Alert color="teal.9" variant="outline" role="status" title={t('rounds.console.publishedTitle')}>
          {t('rounds.console.published', { count: round.pairCount })}
        </Alert>
      )}
      {round.status === 'DISCARDED' && (
        <Alert color="dark" variant="outline" role="status" title={t('rounds.console.discardedTitle')}>
          {t('rounds.console.discarded')}
        </Alert>
      )}

      {editable && (
        <Group>
          <Button
            variant="default"
            loading={recomputing.loading}
            onClick={() => void runNow(() => recompute({ variables: { roundId, commandId: newCommandId() } }))}
          >
            {t('rounds.console.recompute')}
          </Button>
          <Button onClick={() => setDialog({ kind: 'publish' })}>{t('rounds.console.publish')}</Button>
          <Button variant="outline" color="red.9" onClick={() => setDialog({ kind: 'discard' })}>
            {t('rounds.console.discard')}
          </Button>
        </Group>
      )}
      <FailureAlert failure={failure} />

      <section aria-labelledby="round-metrics">
        <Title order={2} id="round-metrics" mb="sm">
          {t('rounds.metrics.heading')}
        </Title>
        <RoundMetricsTable columns={columns} load={load} />
      </section>

      <section aria-labelledby="round-pairs">
        <Title order={2} id="round-pairs" mb="sm">
          {t('rounds.pairs.heading')}
        </Title>
        {editable && (
          <Group mb="sm" gap="sm">
            <Text size="sm">
              {chosen.length === 0
                ? t('rounds.swap.hint')
                : t('rounds.swap.chosen', { names: chosen.map((id) => menteeName(id)).join(', ') })}
            </Text>
            <Button
              size="sm"
              variant="default"
              disabled={swapBlock !== null}
              onClick={() => {
                const [a, b] = chosen.map((id) => byMentee.get(id));
                if (a && b) setDialog({ kind: 'swap', a, b });
              }}
            >
              {t('rounds.swap.button')}
            </Button>
            {swapBlock === 'sameMentor' && <Text size="sm">{t('rounds.swap.sameMentor')}</Text>}
          </Group>
        )}
        {table.error && <QueryError error={table.error} onRetry={reloadPairs} />}
        {!table.loaded && !table.error && <LoadingState label={t('rounds.pairs.loading')} />}
        {table.loaded && (
          <PairsTable
            pairs={table.pairs}
            total={table.total}
            editable={editable}
            swapSelection={chosen}
            onToggleSwap={(pair) => {
              setSwapPairs((kept) => new Map(kept).set(pair.menteePersonId, pair));
              setSwapSelection((s) => toggleSwap(s, pair.menteePersonId));
            }}
            onAction={onAction}
            onSearch={table.onSearch}
            onRowsRendered={table.onRowsRendered}
            searchNote={
              table.searching ? (
                <Text size="sm" role="status">
                  {t('rounds.pairs.searching')}
                </Text>
              ) : (
                table.searchTruncated && (
                  <Text size="sm" role="status">
                    {t('rounds.pairs.manyFound', { n: PEOPLE_PER_SEARCH })}
                  </Text>
                )
              )
            }
          />
        )}
      </section>

      <section aria-labelledby="round-unmatched">
        <Title order={2} id="round-unmatched" mb="sm">
          {t('rounds.unmatched.heading')}
        </Title>
        <UnmatchedTable
          unmatched={unmatched}
          editable={editable}
          onAdd={(mentee) => setDialog({ kind: 'add', mentee })}
        />
      </section>

      <section aria-labelledby="round-history">
        <Title order={2} id="round-history" mb="sm">
          {t('rounds.history.heading')}
        </Title>
        <OverridesHistory overrides={round.overrides} nameOf={(id) => menteeName(id)} whoOf={whoName} />
      </section>

      {dialog?.kind === 'lock' && (
        <OverrideDialog
          title={t('rounds.lock.title')}
          summary={t('rounds.lock.summary', { mentee: dialog.pair.menteeName, mentor: dialog.pair.mentorName })}
          confirmLabel={t('rounds.lock.confirm')}
          onConfirm={(reason) =>
            lock({
              variables: {
                roundId,
                menteePersonId: dialog.pair.menteePersonId,
                reason,
                commandId: newCommandId(),
              },
            })
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'remove' && (
        <OverrideDialog
          title={t('rounds.remove.title')}
          summary={t('rounds.remove.summary', { mentee: dialog.pair.menteeName, mentor: dialog.pair.mentorName })}
          confirmLabel={t('rounds.remove.confirm')}
          danger
          onConfirm={async (reason) => {
            await remove({
              variables: {
                roundId,
                menteePersonId: dialog.pair.menteePersonId,
                reason,
                commandId: newCommandId(),
              },
            });
            reloadPairs();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'swap' && (
        <OverrideDialog
          title={t('rounds.swap.title')}
          summary={t('rounds.swap.summary', {
            a: dialog.a.menteeName,
            b: dialog.b.menteeName,
            mentorA: dialog.a.mentorName,
            mentorB: dialog.b.mentorName,
          })}
          confirmLabel={t('rounds.swap.confirm')}
          onConfirm={async (reason) => {
            await swap({
              variables: {
                roundId,
                menteeA: dialog.a.menteePersonId,
                menteeB: dialog.b.menteePersonId,
                reason,
                commandId: newCommandId(),
              },
            });
            setSwapSelection([]);
            setSwapPairs(new Map());
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'add' && (
        <AddPairDialog
          menteeName={dialog.mentee.menteeName}
          mentors={mentors}
          onConfirm={async (mentorPersonId, reason) => {
            await add({
              variables: {
                roundId,
                menteePersonId: dialog.mentee.menteePersonId,
                mentorPersonId,
                reason,
                commandId: newCommandId(),
              },
            });
            reloadPairs();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'publish' && (
        <PublishDialog roundId={roundId} pairs={round.pairCount} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'discard' && <DiscardDialog roundId={roundId} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
