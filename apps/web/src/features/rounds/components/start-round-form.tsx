import { useMutation } from '@apollo/client/react';
import { Button, Loader, Radio, Select, Stack, Text, Group } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { MatchingObjective } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal } from '../../../lib/field-refusals';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { START_ROUND } from '../api/round-mutations';
import { OBJECTIVES } from '../lib/round-metrics';

/**
 * Starts a round for the program (or one cohort of it) under the chosen objective. The API computes the draft within
 * the request, so the form shows the computation as running until the answer comes, then opens the round's console.
 */
export function StartRoundForm(props: {
  programId: string;
  defaultObjective: MatchingObjective;
  cohorts: ReadonlyArray<{ cohortId: string; name: string }>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [objective, setObjective] = useState<MatchingObjective>(props.defaultObjective);
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  // One id per attempt the person makes: a retried request of the same attempt does not start a second round.
  const [commandId, setCommandId] = useState(newCommandId);
  const [start, starting] = useMutation(START_ROUND);
  const submit = async () => {
    setFailure(null);
    try {
      const { data } = await start({ variables: { programId: props.programId, cohortId, objective, commandId } });
      setCommandId(newCommandId());
      const roundId = data?.startMatchingRound.id;
      if (roundId) {
        await navigate({
          to: '/manage/programs/$programId/rounds/$roundId',
          params: { programId: props.programId, roundId },
        });
      }
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  const refusal = placeRefusal(failure, { cohort: ['cohortId'], objective: ['objective'] });
  return (
    <Stack
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      maw={560}
    >
      <FailureAlert failure={refusal.unplaced} />
      {props.cohorts.length > 0 && (
        <Select
          label={t('rounds.start.cohort')}
          placeholder={t('rounds.start.allCohorts')}
          clearable
          data={props.cohorts.map((c) => ({ value: c.cohortId, label: c.name }))}
          value={cohortId}
          onChange={setCohortId}
          error={refusal.errorOn('cohort')}
        />
      )}
      <Radio.Group
        label={t('rounds.start.objective')}
        value={objective}
        onChange={(value) => setObjective(value as MatchingObjective)}
        error={refusal.errorOn('objective')}
      >
        <Stack gap="xs" mt="xs">
          {OBJECTIVES.map((o) => (
            <Radio key={o} value={o} label={t(`rounds.objective.${o}`)} description={t(`rounds.objectiveHint.${o}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Group>
        <Button type="submit" loading={starting.loading}>
          {t('rounds.start.submit')}
        </Button>
      </Group>
      {starting.loading && (
        <Group role="status" gap="sm">
          <Loader size="sm" aria-hidden />
          <Text>{t('rounds.start.computing')}</Text>
        </Group>
      )}
    </Stack>
  );
}
