import { useQuery } from '@apollo/client/react';
import { Anchor, Button, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { MENTEE_HOME, MENTOR_HOME, PROGRAM_HOME } from '../api/program-home-query';
import { MentorshipCard } from '../components/mentorship-card';
import { MyCirclesSection } from '../components/my-circles-section';
import { ReceivedRequest } from '../components/received-request';
import { RecommendationCard } from '../components/recommendation-card';
import { SentRequest } from '../components/sent-request';
import { usePreferredMentors } from '../hooks/use-preferred-mentors';
import { useRatherNotMentees } from '../hooks/use-rather-not-mentees';
import { RatherNotList } from '../components/rather-not-list';
import { FailureAlert } from '../../../components/failure-alert';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';

// The dialog (Mantine's Modal and Textarea, most of this page's code) is fetched once the recommendations are on
// screen, so they appear without waiting for it and the dialog opens at once when asked for.
const loadRequestMentorDialog = () =>
  import('../components/request-mentor-dialog').then((m) => ({ default: m.RequestMentorDialog }));
const RequestMentorDialog = lazy(loadRequestMentorDialog);

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      {/* Focusable from script only: focus can land here when the control a person used goes away. */}
      <Title order={2} size="h3" id={id} mb="sm" tabIndex={-1}>
        {title}
      </Title>
      {children}
    </section>
  );
}

const MY_REQUESTS_ID = 'my-requests';
const REQUESTS_TO_ME_ID = 'requests-to-me';

/**
 * After a reload that removed the control a person had just used, focus goes to the heading of its section rather
 * than to the page (where the next Tab would start over from the top). Focus that is still somewhere stays there.
 */
function focusHeadingIfLost(id: string) {
  // After React has rendered the reloaded list and the dialog's own focus return (10 ms after closing).
  window.setTimeout(() => {
    if (!document.activeElement || document.activeElement === document.body) document.getElementById(id)?.focus();
  }, 50);
}

const listStyle = { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 'var(--mantine-spacing-sm)' };

function MenteeView({
  programId,
  participantId,
  personId,
}: {
  programId: string;
  participantId: string;
  personId: string;
}) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(MENTEE_HOME, { variables: { participantId } });
  const reload = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  useLiveRefresh(reload);
  const [asking, setAsking] = useState<{ personId: string; name: string } | null>(null);
  const preferences = usePreferredMentors(programId);
  const shown = data !== undefined;
  useEffect(() => {
    if (shown) void loadRequestMentorDialog().catch(() => undefined);
  }, [shown]);
  if (error) return <QueryError error={error} onRetry={reload} />;
  if (loading || !data) return <LoadingState label={t('program.loading')} />;
  const { recommendedMentors, mentorshipRequests, mentorships } = data.participant;
  const openRequestsTo = new Set(mentorshipRequests.filter((r) => r.status === 'OPEN').map((r) => r.mentorPersonId));
  const sent = mentorshipRequests.filter((r) => r.mentorPersonId !== personId);
  const current = mentorships.filter((m) => m.status !== 'ENDED');
  return (
    <Stack gap="xl">
      {current.length > 0 && (
        <Section id="my-mentorships" title={t('program.myMentorships')}>
          <ul style={listStyle}>
            {current.map((m) => (
              <MentorshipCard key={m.id} mentorship={m} viewerPersonId={personId} />
            ))}
          </ul>
        </Section>
      )}
      <Section id="find-mentor" title={t('program.findMentor')}>
        {recommendedMentors.length === 0 ? (
          <Stack gap="xs" align="flex-start">
            <Text>{t('recommendations.none')}</Text>
            <Button variant="light" onClick={reload}>
              {t('recommendations.refresh')}
            </Button>
          </Stack>
        ) : (
          <Stack gap="sm">
            {preferences.preferred && (
              <Text size="sm" c="dimmed">
                {t('recommendations.preferHint', { count: preferences.max })}
              </Text>
            )}
            <FailureAlert failure={preferences.failure} />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {recommendedMentors.map((r) => {
                const { preferred } = preferences;
                return (
                  <RecommendationCard
                    key={r.mentorPersonId}
                    recommendation={r}
                    alreadyRequested={openRequestsTo.has(r.mentorPersonId)}
                    onRequest={setAsking}
                    {...(preferred
                      ? {
                          preference: {
                            preferred: preferred.includes(r.mentorPersonId),
                            limitReached: preferred.length >= preferences.max,
                            pending: preferences.pending,
                            onToggle: () => void preferences.toggle(r.mentorPersonId),
                          },
                        }
                      : {})}
                  />
                );
              })}
            </SimpleGrid>
          </Stack>
        )}
      </Section>
      <Section id={MY_REQUESTS_ID} title={t('program.myRequests')}>
        {sent.length === 0 ? (
          <Text c="dimmed">{t('requests.noneSent')}</Text>
        ) : (
          <ul style={listStyle}>
            {sent.map((r) => (
              <SentRequest key={r.id} request={r} onChanged={reload} />
            ))}
          </ul>
        )}
      </Section>
      <Suspense fallback={null}>
        <RequestMentorDialog
          programId={programId}
          mentor={asking}
          onClose={() => setAsking(null)}
          onSent={() => {
            setAsking(null);
            // The asked mentor leaves the recommendations, with the button the dialog returned focus to.
            void refetch()
              .catch(() => undefined)
              .then(() => focusHeadingIfLost(MY_REQUESTS_ID));
          }}
        />
      </Suspense>
    </Stack>
  );
}

function MentorView({
  programId,
  participantId,
  personId,
}: {
  programId: string;
  participantId: string;
  personId: string;
}) {
  const { t } = useTranslation();
  const ratherNot = useRatherNotMentees(programId);
  const { data, error, loading, refetch } = useQuery(MENTOR_HOME, { variables: { participantId } });
  const reload = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  useLiveRefresh(reload);
  // An answered request leaves the list with the button that answered it.
  const reloadAfterAnswer = useCallback(() => {
    void refetch()
      .catch(() => undefined)
      .then(() => focusHeadingIfLost(REQUESTS_TO_ME_ID));
  }, [refetch]);
  if (error) return <QueryError error={error} onRetry={reload} />;
  if (loading || !data) return <LoadingState label={t('program.loading')} />;
  const { mentorshipRequests, mentorships, mentorCapacity } = data.participant;
  const received = mentorshipRequests.filter((r) => r.mentorPersonId === personId);
  const open = received.filter((r) => r.status === 'OPEN');
  const current = mentorships.filter((m) => m.status !== 'ENDED');
  return (
    <Stack gap="xl">
      <Section id={REQUESTS_TO_ME_ID} title={t('program.requestsToMe')}>
        {open.length === 0 ? (
          <Text c="dimmed">{t('requests.noneReceived')}</Text>
        ) : (
          <ul style={listStyle}>
            {open.map((r) => (
              <ReceivedRequest key={r.id} request={r} onChanged={reloadAfterAnswer} onRatherNot={ratherNot.add} />
            ))}
          </ul>
        )}
      </Section>
      <Section id="my-mentees" title={t('program.myMentees')}>
        <Text size="sm" mb="sm">
          {t('program.seats', { taken: current.length, capacity: mentorCapacity, count: mentorCapacity })}
        </Text>
        {current.length === 0 ? (
          <Text c="dimmed">{t('program.noMentees')}</Text>
        ) : (
          <ul style={listStyle}>
            {current.map((m) => (
              <MentorshipCard key={m.id} mentorship={m} viewerPersonId={personId} />
            ))}
          </ul>
        )}
      </Section>
      {ratherNot.mentees && (
        <Section id="rather-not" title={t('program.ratherNot')}>
          <RatherNotList list={ratherNot} />
        </Section>
      )}
    </Stack>
  );
}

/** A program as the person takes part in it: a mentee finds and asks mentors, a mentor answers requests. */
export function ProgramPage({ programId }: { programId: string }) {
  const { t } = useTranslation();
  // Who takes part changes elsewhere (joining on the previous page): show the cache at once, then what the API says.
  const { data, error, loading, refetch } = useQuery(PROGRAM_HOME, {
    variables: { programId },
    fetchPolicy: 'cache-and-network',
  });
  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  if (error) {
    return (
      <>
        <PageHeading>{t('program.headingPlain')}</PageHeading>
        <QueryError error={error} onRetry={retry} />
      </>
    );
  }
  if (loading || !data?.program) return <LoadingState label={t('program.loading')} />;
  const participation = data.me.participations.find((p) => p.programId === programId);
  return (
    <>
      <PageHeading>{data.program.name}</PageHeading>
      {data.program.description && (
        <Text c="dimmed" mb="lg">
          {data.program.description}
        </Text>
      )}
      {!participation ? (
        data.program.status === 'ENROLLMENT_OPEN' ? (
          <Anchor renderRoot={(props) => <Link {...props} to="/programs/$programId/join" params={{ programId }} />}>
            {t('program.join')}
          </Anchor>
        ) : (
          <Text>{t('program.notParticipating')}</Text>
        )
      ) : (
        <Stack gap="xl">
          <MyCirclesSection programId={programId} personId={data.me.personId} />
          {participation.roles.includes('MENTEE') && (
            <MenteeView programId={programId} participantId={participation.id} personId={data.me.personId} />
          )}
          {participation.roles.includes('MENTOR') && (
            <MentorView programId={programId} participantId={participation.id} personId={data.me.personId} />
          )}
        </Stack>
      )}
    </>
  );
}
