import { useQuery } from '@apollo/client/react';
import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import { ORGANIZATION_PROGRAMS } from '../api/organization-queries';
import { PersonLabel } from './person-label';
import { StatusBadge } from './status-badge';

/**
 * Every program of the organization with who manages it, in one place; managers are assigned in each program's
 * console, which each row leads to.
 */
export function OrganizationPrograms() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(ORGANIZATION_PROGRAMS);
  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>{t('console.organization.programsHeading')}</Title>
        <Anchor component={Link} to="/manage/programs" size="sm">
          {t('console.organization.createOrDuplicate')}
        </Anchor>
        {error ? (
          <QueryError error={error} onRetry={retry} />
        ) : !data ? (
          <LoadingState label={t('console.loading')} />
        ) : data.programs.length === 0 ? (
          <Text>{t('console.programs.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder captionSide="top">
              <Table.Caption>{t('console.organization.programsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('console.programs.name')}</Table.Th>
                  <Table.Th scope="col">{t('console.programs.status')}</Table.Th>
                  <Table.Th scope="col">{t('console.organization.managers')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.programs.map((program) => (
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
                    <Table.Td>
                      {!program.managers?.length ? (
                        <Text size="sm">{t('console.organization.noManagers')}</Text>
                      ) : (
                        <Stack gap={4}>
                          {program.managers.map((manager) => (
                            <PersonLabel key={manager.personId} {...manager} />
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
