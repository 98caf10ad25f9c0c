import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, NumberInput, Radio, SimpleGrid, Slider, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import type { MatchingObjective } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal } from '../../../lib/field-refusals';
import { formatDecimal } from '../../../lib/format';
import { CHANGE_MATCHING_RULES } from '../api/console-mutations';
import { useConsoleAction } from '../hooks/use-console-action';
import {
  MATCHING_FACTORS,
  MATCHING_OBJECTIVES,
  MAX_TIMEZONE_GAP_HOURS,
  MAX_WEIGHT,
  RULES_REFUSAL_NAMES,
  type RulesDraft,
  rulesDraftOf,
  type RulesField,
  rulesProblems,
  sameRules,
  SENIORITY_GAP_BOUND,
  toMatchingRulesInput,
  WEIGHT_STEP,
} from '../lib/matching-rules-draft';
import { MatchingRulesPreview } from './matching-rules-preview';

export const MatchingRulesPanelRules = graphql(`
  fragment MatchingRulesPanel_rules on MatchingRules {
    objective
    weights {
      factor
      weight
    }
    hardRules {
      maxTimezoneGapHours
      minSeniorityGap
      reportingLineExcluded
      sameDepartmentNotAllowed
      sharedLanguageRequired
    }
  }
`);

const numberOrEmpty = (value: number | string): number | '' => (typeof value === 'number' ? value : '');

/** How the program pairs people: factor weights, hard rules and the objective, previewed on its last round. */
export function MatchingRulesPanel(props: {
  programId: string;
  rules: FragmentType<typeof MatchingRulesPanelRules>;
  /** The round the preview re-solves; null while the program has none to compare with. */
  roundId: string | null;
}) {
  const { t, i18n } = useTranslation();
  const [baseline, setBaseline] = useState(() => rulesDraftOf(getFragmentData(MatchingRulesPanelRules, props.rules)));
  const [draft, setDraft] = useState(baseline);
  // One id per version of the draft: a retry of the same rules is recognised by the API, an edit is a new command.
  const [commandId, setCommandId] = useState(newCommandId);
  const [saved, setSaved] = useState(false);
  const [change, changing] = useMutation(CHANGE_MATCHING_RULES);
  const { failure, run } = useConsoleAction();
  const refusal = placeRefusal(failure, RULES_REFUSAL_NAMES);
  const problems = rulesProblems(draft);
  const dirty = !sameRules(draft, baseline);

  const edit = (next: RulesDraft) => {
    setSaved(false);
    setCommandId(newCommandId());
    setDraft(next);
  };
  const errorOn = (field: RulesField) => {
    const problem = problems[field];
    return refusal.errorOn(field) ?? (problem && t(`console.rules.problems.${problem}`));
  };
  const save = async () => {
    setSaved(false);
    if (Object.keys(problems).length > 0) return;
    const sent = draft;
    const done = await run(() =>
      change({ variables: { programId: props.programId, rules: toMatchingRulesInput(sent), commandId } }),
    );
    if (done) setBaseline(sent);
    setSaved(done);
  };

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <form onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
        <Stack>
          <Title order={2}>{t('console.rules.heading')}</Title>
          <Text size="sm" c="dimmed">
            {t('console.rules.intro')}
          </Text>
          <FailureAlert failure={refusal.unplaced} />

          <Card withBorder component="fieldset" aria-labelledby="rules-weights">
            <Stack gap="sm">
              <Title order={3} id="rules-weights">
                {t('console.rules.weightsHeading')}
              </Title>
              {MATCHING_FACTORS.map((factor) => {
                const name = t(`console.rules.factors.${factor}`);
                const error = errorOn(factor);
                return (
                  <div key={factor}>
                    <Group justify="space-between" gap="xs">
                      <Text size="sm" fw={500} id={`weight-${factor}`}>
                        {name}
                      </Text>
                      <Text size="sm" aria-hidden>
                        {formatDecimal(draft.weights[factor], i18n.language, 1)}
                      </Text>
                    </Group>
                    <Slider
                      min={0}
                      max={MAX_WEIGHT}
                      step={WEIGHT_STEP}
                      value={draft.weights[factor]}
                      onChange={(weight) => edit({ ...draft, weights: { ...draft.weights, [factor]: weight } })}
                      thumbLabel={name}
                      label={(value) => formatDecimal(value, i18n.language, 1)}
                    />
                    {error && (
                      <Text size="xs" c="red" role="alert">
                        {error}
                      </Text>
                    )}
                  </div>
                );
              })}
              {errorOn('weights') && (
                <Text size="sm" c="red" role="alert">
                  {errorOn('weights')}
                </Text>
              )}
            </Stack>
          </Card>

          <Card withBorder component="fieldset" aria-labelledby="rules-hard">
            <Stack gap="sm">
              <Title order={3} id="rules-hard">
                {t('console.rules.hardHeading')}
              </Title>
              <Switch
                label={t('console.rules.sameDepartmentNotAllowed')}
                checked={draft.sameDepartmentNotAllowed}
                onChange={(e) => edit({ ...draft, sameDepartmentNotAllowed: e.currentTarget.checked })}
              />
              <Switch
                label={t('console.rules.reportingLineExcluded')}
                checked={draft.reportingLineExcluded}
                onChange={(e) => edit({ ...draft, reportingLineExcluded: e.currentTarget.checked })}
              />
              <Switch
                label={t('console.rules.sharedLanguageRequired')}
                checked={draft.sharedLanguageRequired}
                onChange={(e) => edit({ ...draft, sharedLanguageRequired: e.currentTarget.checked })}
              />
              <NumberInput
                label={t('console.rules.maxTimezoneGapHours')}
                description={t('console.rules.maxTimezoneGapHoursHint')}
                min={0}
                max={MAX_TIMEZONE_GAP_HOURS}
                step={0.5}
                value={draft.maxTimezoneGapHours}
                onChange={(value) => edit({ ...draft, maxTimezoneGapHours: numberOrEmpty(value) })}
                error={errorOn('maxTimezoneGapHours')}
              />
              <NumberInput
                label={t('console.rules.minSeniorityGap')}
                description={t('console.rules.minSeniorityGapHint')}
                min={-SENIORITY_GAP_BOUND}
                max={SENIORITY_GAP_BOUND}
                allowDecimal={false}
                value={draft.minSeniorityGap}
                onChange={(value) => edit({ ...draft, minSeniorityGap: numberOrEmpty(value) })}
                error={errorOn('minSeniorityGap')}
              />
            </Stack>
          </Card>

          <Radio.Group
            label={t('console.rules.objective')}
            value={draft.objective}
            onChange={(value) => edit({ ...draft, objective: value as MatchingObjective })}
            error={errorOn('objective')}
          >
            <Stack gap="sm" mt="xs">
              {MATCHING_OBJECTIVES.map((objective) => (
                <Radio
                  key={objective}
                  value={objective}
                  label={t(`console.rules.objectives.${objective}.label`)}
                  description={t(`console.rules.objectives.${objective}.description`)}
                />
              ))}
            </Stack>
          </Radio.Group>

          <Group justify="flex-end" gap="sm">
            {saved && (
              <Text role="status" size="sm">
                {t('console.saved')}
              </Text>
            )}
            <Button variant="default" disabled={!dirty} onClick={() => (setDraft(baseline), setSaved(false))}>
              {t('console.rules.discard')}
            </Button>
            <Button type="submit" disabled={!dirty} loading={changing.loading}>
              {t('console.rules.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <MatchingRulesPreview roundId={props.roundId} draft={draft} />
    </SimpleGrid>
  );
}
