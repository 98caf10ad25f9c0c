import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import type { FragmentType } from '../../../gql';
import { CONSOLE_RECENT_ROUNDS } from '../api/console-queries';
import { MatchingRulesPanel, type MatchingRulesPanelRules } from './matching-rules-panel';

/**
 * The matching rules with their preview on the program's newest computed or published round. Without such a round
 * (or when the list cannot be read) the preview says it has nothing to compare with; the rules stay editable.
 */
export function MatchingRulesTab(props: { programId: string; rules: FragmentType<typeof MatchingRulesPanelRules> }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(CONSOLE_RECENT_ROUNDS, { variables: { programId: props.programId } });
  if (!data && !error) return <LoadingState label={t('console.rules.loadingRounds')} />;
  const latest = data?.matchingRounds.nodes.find((r) => r.status === 'COMPUTED' || r.status === 'PUBLISHED');
  return <MatchingRulesPanel programId={props.programId} rules={props.rules} roundId={latest?.id ?? null} />;
}
