import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { ASSIGN_MANAGER, UNASSIGN_MANAGER } from '../api/console-mutations';
import { useConsoleAction } from '../hooks/use-console-action';

const FIELDS: RefusalFields<'personId'> = { personId: ['personId'] };

/**
 * The program's managers by person id (the API names them by id only; a manager need not have a profile). Org admins
 * assign and unassign; managers see the list.
 */
export function ManagersPanel(props: { programId: string; managerPersonIds: readonly string[]; orgAdmin: boolean }) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState('');
  const [assign, assigning] = useMutation(ASSIGN_MANAGER);
  const [unassign] = useMutation(UNASSIGN_MANAGER);
  const { failure, run } = useConsoleAction();
  const refusal = placeRefusal(failure, FIELDS);
  const save = async () => {
    if (
      await run(() =>
        assign({ variables: { programId: props.programId, personId: personId.trim(), commandId: newCommandId() } }),
      )
    )
      setPersonId('');
  };
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>{t('console.managers.heading')}</Title>
        {props.managerPersonIds.length === 0 ? (
          <Text>{t('console.managers.none')}</Text>
        ) : (
          <List spacing="xs" listStyleType="none" aria-label={t('console.managers.heading')}>
            {props.managerPersonIds.map((id) => (
              <List.Item key={id}>
                <Group gap="sm">
                  <Text ff="monospace" size="sm">
                    {id}
                  </Text>
                  {props.orgAdmin && (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('console.managers.unassignPerson', { id })}
                      onClick={() =>
                        void run(() =>
                          unassign({
                            variables: { programId: props.programId, personId: id, commandId: newCommandId() },
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
          <form onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
            <Stack gap="sm">
              <FailureAlert failure={refusal.unplaced} />
              <Group align="flex-end">
                <TextInput
                  label={t('console.managers.personId')}
                  required
                  value={personId}
                  error={refusal.errorOn('personId')}
                  onChange={(e) => setPersonId(e.currentTarget.value)}
                />
                <Button type="submit" loading={assigning.loading}>
                  {t('console.managers.assign')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
