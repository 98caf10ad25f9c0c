import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import type { OrganizationWebhooksQuery } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { WEBHOOKS } from '../api/organization-queries';
import { DISABLE_WEBHOOK, ENABLE_WEBHOOK, REMOVE_WEBHOOK } from '../api/webhook-mutations';
import { useConsoleAction } from '../hooks/use-console-action';
import { RegisterWebhookForm } from './register-webhook-form';

type Webhook = OrganizationWebhooksQuery['webhooks'][number];

/** The organization's webhooks: what each receives, whether it is on and failing, and the way to change that. */
export function WebhooksPanel() {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(WEBHOOKS);
  const [enable] = useMutation(ENABLE_WEBHOOK);
  const [disable] = useMutation(DISABLE_WEBHOOK);
  const [remove, removing] = useMutation(REMOVE_WEBHOOK, { refetchQueries: [WEBHOOKS], awaitRefetchQueries: true });
  const [removingHook, setRemovingHook] = useState<Webhook | null>(null);
  const toggle = useConsoleAction();
  const removal = useConsoleAction();
  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);

  const confirmRemoval = async () => {
    if (!removingHook) return;
    const id = removingHook.id;
    if (await removal.run(() => remove({ variables: { id, commandId: newCommandId() } }))) setRemovingHook(null);
  };

  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>{t('console.webhooks.heading')}</Title>
        <Text size="sm">{t('console.webhooks.intro')}</Text>
        {error ? (
          <QueryError error={error} onRetry={retry} />
        ) : !data ? (
          <LoadingState label={t('console.webhooks.loading')} />
        ) : data.webhooks.length === 0 ? (
          <Text>{t('console.webhooks.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder captionSide="top" verticalSpacing="sm">
              <Table.Caption>{t('console.webhooks.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('console.webhooks.url')}</Table.Th>
                  <Table.Th scope="col">{t('console.webhooks.categories')}</Table.Th>
                  <Table.Th scope="col" miw={120}>
                    {t('console.webhooks.state')}
                  </Table.Th>
                  <Table.Th scope="col">{t('console.webhooks.failures')}</Table.Th>
                  <Table.Th scope="col">{t('console.webhooks.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.webhooks.map((hook) => (
                  <Table.Tr key={hook.id}>
                    <Table.Th scope="row" fw="normal">
                      <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
                        {hook.url}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Text size="sm">{hook.categories.map((c) => t(`preferences.categories.${c}`)).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        {/* The programs' status colours: white text at 4.5:1 or more at a badge's small size. */}
                        <Badge color={hook.enabled ? '#1e6b30' : '#495057'} variant="filled">
                          {t(hook.enabled ? 'console.webhooks.enabled' : 'console.webhooks.disabled')}
                        </Badge>
                        {!hook.enabled && hook.disabledAt && (
                          <Text size="xs">
                            {t('console.webhooks.disabledAt', {
                              when: formatDateTime(hook.disabledAt, i18n.language),
                            })}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {hook.consecutiveFailures === 0
                        ? t('console.webhooks.noFailures')
                        : t('console.webhooks.failuresInARow', {
                            count: hook.consecutiveFailures,
                            formatted: formatNumber(hook.consecutiveFailures, i18n.language),
                          })}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t(hook.enabled ? 'console.webhooks.disableHook' : 'console.webhooks.enableHook', {
                            url: hook.url,
                          })}
                          onClick={() =>
                            void toggle.run(() =>
                              (hook.enabled ? disable : enable)({
                                variables: { id: hook.id, commandId: newCommandId() },
                              }),
                            )
                          }
                        >
                          {t(hook.enabled ? 'console.webhooks.disable' : 'console.webhooks.enable')}
                        </Button>
                        <Button
                          size="xs"
                          color="red.8"
                          variant="outline"
                          aria-label={t('console.webhooks.removeHook', { url: hook.url })}
                          onClick={() => setRemovingHook(hook)}
                        >
                          {t('console.webhooks.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <FailureAlert failure={toggle.failure} />
        <RegisterWebhookForm />
      </Stack>
      <Modal
        opened={removingHook !== null}
        onClose={() => setRemovingHook(null)}
        title={t('console.webhooks.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('console.cancel') }}
      >
        <Stack>
          <Text>{t('console.webhooks.confirmBody', { url: removingHook?.url ?? '' })}</Text>
          <FailureAlert failure={removal.failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemovingHook(null)}>
              {t('console.cancel')}
            </Button>
            <Button color="red.8" loading={removing.loading} onClick={() => void confirmRemoval()}>
              {t('console.webhooks.confirmRemove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
