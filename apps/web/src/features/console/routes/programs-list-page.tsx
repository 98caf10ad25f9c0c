import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { formatNumber } from '../../../lib/format';
import { ALL_PROGRAMS, CONSOLE_PROGRAMS } from '../api/console-queries';
import { ConsoleRefusal } from '../components/console-refusal';
import { CreateProgramForm } from '../components/create-program-form';
import { DuplicateProgramForm } from '../components/duplicate-program-form';
import { StatusBadge } from '../components/status-badge';

/** The programs the person manages (every program for an org admin), with the way into each one's console. */
export function ProgramsListPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<'none' | 'create' | 'duplicate'>('none');
  const mine = useQuery(CONSOLE_PROGRAMS);
  const orgAdmin = mine.data?.me.orgAdmin === true;
  const all = useQuery(ALL_PROGRAMS, { skip: !orgAdmin });
  const retry = useCallback(() => void mine.refetch().catch(() => undefined), [mine]);
  if (mine.error) return <QueryError error={mine.error} onRetry={retry} />;
  if (!mine.data || (orgAdmin && !all.data && !all.error)) return <LoadingState label={t('console.loading')} />;
  const programs = orgAdmin ? (all.data?.programs ?? []) : mine.data.me.managedPrograms;
  if (!orgAdmin && programs.length === 0) return <ConsoleRefusal />;
  const opened = (programId: string) => void navigate({ to: '/manage/programs/$programId', params: { programId } });
  return (
    <Stack>
      <PageHeading>{t('console.programs.heading')}</PageHeading>
      {orgAdmin && (
        <Anchor component={Link} to="/manage/organization" fw={500}>
          {t('console.organization.link')}
        </Anchor>
      )}
      {orgAdmin && form === 'none' && (
        <Group>
          <Button onClick={() => setForm('create')}>{t('console.create.open')}</Button>
          {programs.length > 0 && (
            <Button variant="default" onClick={() => setForm('duplicate')}>
              {t('console.duplicate.open')}
            </Button>
          )}
        </Group>
      )}
      {form === 'create' && <CreateProgramForm onCreated={opened} onCancel={() => setForm('none')} />}
      {form === 'duplicate' && (
        <DuplicateProgramForm programs={programs} onCreated={opened} onCancel={() => setForm('none')} />
      )}
      {all.error && <QueryError error={all.error} onRetry={() => void all.refetch().catch(() => undefined)} />}
      {programs.length === 0 ? (
        <Text>{t('console.programs.none')}</Text>
      ) : (
        <Table striped withTableBorder captionSide="top">
          <Table.Caption>{t(orgAdmin ? 'console.programs.captionAdmin' : 'console.programs.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('console.programs.name')}</Table.Th>
              <Table.Th scope="col">{t('console.programs.status')}</Table.Th>
              <Table.Th scope="col">{t('console.programs.participants')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {programs.map((program) => (
              <Table.Tr key={program.id}>
                <Table.Th scope="row" fw="normal">
                  <Anchor
                    renderRoot={(p) => (
                      <Link {...p} to="/manage/programs/$programId" params={{ programId: program.id }} />
                    )}
                  >
                    {program.name}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <StatusBadge status={program.status} />
                </Table.Td>
                <Table.Td>{formatNumber(program.participants.totalCount, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
