import { useQuery } from '@apollo/client/react';
import { Anchor, Group, SimpleGrid, Stack, Tabs } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { CONSOLE_PROGRAM } from '../api/console-queries';
import { CirclesPanel } from '../components/circles-panel';
import { CohortsPanel } from '../components/cohorts-panel';
import { ConsoleRefusal } from '../components/console-refusal';
import { EngagementPanel } from '../components/engagement-panel';
import { ImportPanel } from '../components/import-panel';
import { ManagersPanel } from '../components/managers-panel';
import { MatchingRulesTab } from '../components/matching-rules-tab';
import { ParticipantsPanel } from '../components/participants-panel';
import { ProgramDetailsForm } from '../components/program-details-form';
import { ProgramLifecycle } from '../components/program-lifecycle';
import { ProgramSettingsForm } from '../components/program-settings-form';
import { QuestionnairePanel } from '../components/questionnaire-panel';
import { ReportsPanel } from '../components/reports-panel';
import { StatusBadge } from '../components/status-badge';
import { mayUseConsole, useConsoleAccess } from '../hooks/use-console-access';
import { isRefused } from '../lib/refused';

type Tab =
  | 'program'
  | 'questionnaire'
  | 'rules'
  | 'participants'
  | 'import'
  | 'circles'
  | 'engagement'
  | 'reports'
  | 'insights';

// The charts library comes with the Insights tab only, not with the rest of the console.
const InsightsPanel = lazy(() => import('../components/insights-panel').then((m) => ({ default: m.InsightsPanel })));

/**
 * One program's console. Someone who does not manage it (and is no org admin) is refused before anything of the
 * program is asked for; a program the API then refuses or does not know is refused the same way.
 */
export function ProgramConsolePage({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const access = useConsoleAccess();
  const allowed = mayUseConsole(access, programId);
  const { data, error, refetch } = useQuery(CONSOLE_PROGRAM, { variables: { programId }, skip: !allowed });
  const [tab, setTab] = useState<Tab>('program');
  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  if (access.state === 'loading') return <LoadingState label={t('console.loading')} />;
  if (access.state === 'failed') return <QueryError error={access.error} onRetry={access.retry} />;
  if (!allowed) return <ConsoleRefusal />;
  if (error) {
    if (isRefused(error)) return <ConsoleRefusal />;
    return <QueryError error={error} onRetry={retry} />;
  }
  if (!data) return <LoadingState label={t('console.loading')} />;
  const program = data.program;
  return (
    <Stack>
      <Anchor component={Link} to="/manage/programs" size="sm">
        {t('console.backToPrograms')}
      </Anchor>
      <Group align="center" gap="md">
        <PageHeading>{program.name}</PageHeading>
        <StatusBadge status={program.status} />
      </Group>
      <Group gap="lg" wrap="wrap">
        <Anchor
          fw={500}
          renderRoot={(rootProps) => (
            <Link {...rootProps} to="/manage/programs/$programId/rounds" params={{ programId: program.id }} />
          )}
        >
          {t('console.matchingRounds')}
        </Anchor>
        <Anchor
          fw={500}
          renderRoot={(rootProps) => (
            <Link {...rootProps} to="/manage/programs/$programId/surveys" params={{ programId: program.id }} />
          )}
        >
          {t('console.surveys')}
        </Anchor>
      </Group>
      <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'program')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="program">{t('console.tabs.program')}</Tabs.Tab>
          <Tabs.Tab value="questionnaire">{t('console.tabs.questionnaire')}</Tabs.Tab>
          <Tabs.Tab value="rules">{t('console.tabs.rules')}</Tabs.Tab>
          <Tabs.Tab value="participants">{t('console.tabs.participants')}</Tabs.Tab>
          <Tabs.Tab value="import">{t('console.tabs.import')}</Tabs.Tab>
          <Tabs.Tab value="circles">{t('console.tabs.circles')}</Tabs.Tab>
          <Tabs.Tab value="engagement">{t('console.tabs.engagement')}</Tabs.Tab>
          <Tabs.Tab value="reports">{t('console.tabs.reports')}</Tabs.Tab>
          <Tabs.Tab value="insights">{t('console.tabs.insights')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="program">
          <Stack>
            <ProgramLifecycle programId={program.id} name={program.name} status={program.status} />
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <ProgramDetailsForm programId={program.id} name={program.name} description={program.description} />
              <ProgramSettingsForm programId={program.id} settings={program.settings} />
            </SimpleGrid>
            <CohortsPanel programId={program.id} cohorts={program.cohorts} />
            <ManagersPanel
              programId={program.id}
              managers={program.managers ?? []}
              orgAdmin={access.state === 'ready' && access.orgAdmin}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="questionnaire">
          <QuestionnairePanel programId={program.id} questions={program.questionnaire} />
        </Tabs.Panel>
        <Tabs.Panel value="rules">
          <MatchingRulesTab programId={program.id} rules={program.matchingRules} />
        </Tabs.Panel>
        <Tabs.Panel value="participants">
          <ParticipantsPanel programId={program.id} cohorts={program.cohorts} />
        </Tabs.Panel>
        <Tabs.Panel value="import">
          <ImportPanel programId={program.id} onImported={() => void refetch().catch(() => undefined)} />
        </Tabs.Panel>
        <Tabs.Panel value="circles">
          <CirclesPanel
            programId={program.id}
            format={program.settings.format}
            maxCircleSize={program.settings.maxCircleSize}
          />
        </Tabs.Panel>
        <Tabs.Panel value="engagement">
          <EngagementPanel programId={program.id} />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          <ReportsPanel programId={program.id} />
        </Tabs.Panel>
        <Tabs.Panel value="insights">
          <Suspense fallback={<LoadingState label={t('console.insights.loading')} />}>
            <InsightsPanel programId={program.id} cohorts={program.cohorts} />
          </Suspense>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
