import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { ASSIGN_MANAGER, UNASSIGN_MANAGER } from '../api/console-mutations';
import { useConsoleAction } from '../hooks/use-console-action';
import { ManagerPicker } from './manager-picker';
import { PersonLabel } from './person-label';

const FIELDS: RefusalFields<'personId'> = { personId: ['personId'] };

export interface ManagerName {
  personId: string;
  displayName: string | null;
}

/**
 * The program's managers by name (a manager need not have a profile: then the start of their id and that no profile
 * names them yet). Org admins assign — picking a person of the organization by name, or pasting an id — and
 * unassign; managers see the list.
 */
export function ManagersPanel(props: { programId: string; managers: readonly ManagerName[]; orgAdmin: boolean }) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState('');
  const [assign, assigning] = useMutation(ASSIGN_MANAGER);
  const [unassign] = useMutation(UNASSIGN_MANAGER);
  const { failure, run } = useConsoleAction();
  const refusal = placeRefusal(failure, FIELDS);
  const assignPerson = (id: string) =>
    run(() => assign({ variables: { programId: props.programId, personId: id, commandId: newCommandId() } }));
  const save = async () => {
    if (await assignPerson(personId.trim())) setPersonId('');
  };
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>{t('console.managers.heading')}</Title>
        {props.managers.length === 0 ? (
          <Text>{t('console.managers.none')}</Text>
        ) : (
          <List spacing="xs" listStyleType="none" aria-label={t('console.managers.heading')}>
            {props.managers.map((manager) => (
              <List.Item key={manager.personId}>
                <Group gap="sm">
                  <PersonLabel personId={manager.personId} displayName={manager.displayName} />
                  {props.orgAdmin && (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('console.managers.unassignPerson', {
                        who: manager.displayName ?? manager.personId,
                      })}
                      onClick={() =>
                        void run(() =>
                          unassign({
                            variables: {
                              programId: props.programId,
                              personId: manager.personId,
                              commandId: newCommandId(),
                            },
                          }),
                        )
                      }
                    >
                      {t('console.managers.unassign')}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {props.orgAdmin && (
          <Stack gap="sm">
            <FailureAlert failure={refusal.unplaced} />
            <ManagerPicker
              managerPersonIds={props.managers.map((m) => m.personId)}
              busy={assigning.loading}
              onPick={(id) => void assignPerson(id)}
            />
            <form onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
              <Group align="flex-end">
                <TextInput
                  label={t('console.managers.personId')}
                  description={t('console.managers.personIdHint')}
                  required
                  value={personId}
                  error={refusal.errorOn('personId')}
                  onChange={(e) => setPersonId(e.currentTarget.value)}
                />
                <Button type="submit" loading={assigning.loading}>
                  {t('console.managers.assign')}
                </Button>
              </Group>
            </form>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
