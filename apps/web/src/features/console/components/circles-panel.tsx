import { useQuery } from '@apollo/client/react';
import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import { getFragmentData } from '../../../gql';
import type { ProgramFormat } from '../../../gql/graphql';
import { CONSOLE_CIRCLES, CirclesPanelCircle } from '../api/circles-queries';
import { type Candidate, useCircleCandidates } from '../hooks/use-circle-candidates';
import { CircleCard } from './circle-card';
import { CircleFillReview } from './circle-fill-review';
import { CreateCircleForm } from './create-circle-form';

// The list is read from a projection that catches up with a publish within moments: it is asked again until the
// placed mentees show, and no longer than this.
const CATCH_UP_MS = 20_000;
const CATCH_UP_POLL_MS = 1_000;

/** Group mentoring in the console: the program's circles, a new one, and filling them with the engine. */
export function CirclesPanel(props: { programId: string; format: ProgramFormat; maxCircleSize: number }) {
  const { t } = useTranslation();
  const { data, error, refetch, startPolling, stopPolling } = useQuery(CONSOLE_CIRCLES, {
    variables: { programId: props.programId },
  });
  const mentees = useCircleCandidates(props.programId, 'MENTEE');
  const circles = useMemo(() => (data?.circles ?? []).map((c) => getFragmentData(CirclesPanelCircle, c)), [data]);
  const members = circles.reduce((sum, c) => sum + (c.status === 'open' ? c.memberCount : 0), 0);
  const [awaitedMembers, setAwaitedMembers] = useState<number | null>(null);
  const catchingUp = awaitedMembers !== null && members < awaitedMembers;
  useEffect(() => {
    if (!catchingUp) return;
    startPolling(CATCH_UP_POLL_MS);
    const timer = setTimeout(() => setAwaitedMembers(null), CATCH_UP_MS);
    return () => {
      clearTimeout(timer);
      stopPolling();
    };
  }, [catchingUp, startPolling, stopPolling]);

  const freeMentees: Candidate[] = useMemo(() => {
    const inCircle = new Set(
      circles.filter((c) => c.status === 'open').flatMap((c) => (c.members ?? []).map((m) => m.personId)),
    );
    return mentees.people.filter((m) => !inCircle.has(m.personId));
  }, [circles, mentees.people]);

  if (error && !data) return <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data) return <LoadingState label={t('console.circles.loading')} />;
  const offersCircles = props.format !== 'ONE_ON_ONE';
  const ordered = [...circles].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));

  return (
    <Stack>
      {!offersCircles && (
        <Alert color="blue" variant="light" title={t('console.circles.notGroupTitle')}>
          {t('console.circles.notGroup')}
        </Alert>
      )}
      {offersCircles && <CreateCircleForm programId={props.programId} maxCircleSize={props.maxCircleSize} />}
      {offersCircles && (
        <CircleFillReview
          programId={props.programId}
          circles={circles}
          onPublished={(placed) => setAwaitedMembers(members + placed)}
        />
      )}
      <Stack component="section" aria-labelledby="circles-list-heading" gap="sm">
        <Title order={3} id="circles-list-heading">
          {t('console.circles.heading')}
        </Title>
        {ordered.length === 0 ? (
          <Text>{t('console.circles.empty')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {ordered.map((circle) => (
              <CircleCard
                key={circle.id}
                circle={circle}
                freeMentees={freeMentees}
                menteesFailed={mentees.state === 'failed'}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  );
}
