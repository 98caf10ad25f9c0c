import { useMutation } from '@apollo/client/react';
import { Alert, Button, Checkbox, CopyButton, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { NotificationCategory } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { REGISTER_WEBHOOK } from '../api/webhook-mutations';
import { WEBHOOKS } from '../api/organization-queries';
import { useConsoleAction } from '../hooks/use-console-action';
import { WEBHOOK_CATEGORIES, type WebhookUrlProblem, webhookUrlProblem } from '../lib/webhook-draft';

const FIELDS: RefusalFields<'url' | 'categories'> = { url: ['url'], categories: ['categories'] };

/**
 * Registers a webhook. The API answers with the signing secret once and never again, so it stays on screen, with a
 * copy button, until the admin closes it.
 */
export function RegisterWebhookForm() {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [categories, setCategories] = useState<NotificationCategory[]>([]);
  const [urlProblem, setUrlProblem] = useState<WebhookUrlProblem | null>(null);
  const [noCategory, setNoCategory] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  // One id per registration the admin means, so a retry after a lost answer registers nothing twice.
  const [commandId, setCommandId] = useState(newCommandId);
  const [register, registering] = useMutation(REGISTER_WEBHOOK, { refetchQueries: [WEBHOOKS] });
  const { failure, run } = useConsoleAction();
  const refusal = placeRefusal(failure, FIELDS);

  const save = async () => {
    const problem = webhookUrlProblem(url);
    setUrlProblem(problem);
    setNoCategory(categories.length === 0);
    if (problem || categories.length === 0) return;
    const sent = url.trim();
    let answer: { url: string; secret: string } | null = null;
    const done = await run(async () => {
      const result = await register({ variables: { url: sent, categories, commandId } });
      if (result.data)
        answer = { url: result.data.registerWebhook.webhook.url, secret: result.data.registerWebhook.secret };
    });
    if (!done) return;
    setSecret(answer);
    setUrl('');
    setCategories([]);
    setCommandId(newCommandId());
  };

  return (
    <Stack>
      <Title order={3}>{t('console.webhooks.register.heading')}</Title>
      {secret && (
        <Alert color="teal.9" variant="outline" title={t('console.webhooks.register.secretTitle')} role="status">
          <Stack gap="xs">
            <Text size="sm">{t('console.webhooks.register.secretBody', { url: secret.url })}</Text>
            <Group gap="sm">
              <Text ff="monospace" size="sm" data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
                {secret.secret}
              </Text>
              <CopyButton value={secret.secret}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy}>
                    {t(copied ? 'console.webhooks.register.copied' : 'console.webhooks.register.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group>
              <Button size="xs" variant="default" onClick={() => setSecret(null)}>
                {t('console.webhooks.register.secretDone')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <form onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
        <Stack gap="sm">
          <FailureAlert failure={refusal.unplaced} />
          <TextInput
            label={t('console.webhooks.register.url')}
            description={t('console.webhooks.register.urlHint')}
            required
            type="url"
            value={url}
            error={(urlProblem && t(`console.webhooks.register.${urlProblem}`)) ?? refusal.errorOn('url')}
            onChange={(e) => {
              setUrl(e.currentTarget.value);
              setUrlProblem(null);
            }}
          />
          <Checkbox.Group
            label={t('console.webhooks.register.categories')}
            description={t('console.webhooks.register.categoriesHint')}
            required
            value={categories}
            onChange={(value) => {
              setCategories(value);
              setNoCategory(false);
            }}
            error={(noCategory && t('console.webhooks.register.categoryRequired')) || refusal.errorOn('categories')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {WEBHOOK_CATEGORIES.map((category) => (
                <Checkbox key={category} value={category} label={t(`preferences.categories.${category}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Group>
            <Button type="submit" loading={registering.loading}>
              {t('console.webhooks.register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
