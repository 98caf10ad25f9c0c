import { useMutation } from '@apollo/client/react';
import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import type { AgreementVersionFieldsFragment } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { formatDate } from '../../../lib/format';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { AMEND_AGREEMENT, PROPOSE_AGREEMENT, SIGN_AGREEMENT } from '../api/agreement-mutations';
import { AgreementForm, type AgreementDraft, DEFAULT_AGREEMENT, toAgreementInput } from './agreement-form';

export const AgreementPanelEngagement = graphql(`
  fragment AgreementPanel_engagement on Engagement {
    mentorshipId
    status
    viewerRole
    agreements {
      ...AgreementVersionFields
    }
  }
`);

export const AgreementVersionFields = graphql(`
  fragment AgreementVersionFields on AgreementVersion {
    version
    status
    cadence
    sessionMinutes
    durationMonths
    channels
    expectations
    boundaries
    confidentiality
    proposedAt
    proposedByPersonId
    signedBy
    inEffectSince
  }
`);

function draftOf(version: AgreementVersionFieldsFragment): AgreementDraft {
  return {
    cadence: version.cadence,
    sessionMinutes: version.sessionMinutes,
    durationMonths: version.durationMonths,
    channels: version.channels,
    expectations: version.expectations ?? '',
    boundaries: version.boundaries ?? '',
    confidentiality: version.confidentiality ?? '',
  };
}

function AgreementTerms({ version }: { version: AgreementVersionFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <List spacing={4} size="sm">
      <List.Item>
        {t('agreement.termsLine', {
          cadence: t(`agreement.cadences.${version.cadence}`),
          minutes: version.sessionMinutes,
          months: version.durationMonths,
          count: version.durationMonths,
        })}
      </List.Item>
      <List.Item>
        {t('agreement.channelsLine', {
          channels: version.channels.map((c) => t(`agreement.channelNames.${c}`)).join(', '),
        })}
      </List.Item>
      {version.expectations && (
        <List.Item>
          {t('agreement.expectations')}: {version.expectations}
        </List.Item>
      )}
      {version.boundaries && (
        <List.Item>
          {t('agreement.boundaries')}: {version.boundaries}
        </List.Item>
      )}
      {version.confidentiality && (
        <List.Item>
          {t('agreement.confidentiality')}: {version.confidentiality}
        </List.Item>
      )}
    </List>
  );
}

/**
 * The pair's agreement: terms in effect, a proposal waiting for signatures (both sides sign the same version), and
 * proposing or amending. Proposing does not sign: each side reads the final text before signing it.
 */
export function AgreementPanel(props: {
  engagement: FragmentType<typeof AgreementPanelEngagement>;
  viewerPersonId: string;
  nameOf: (personId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const engagement = getFragmentData(AgreementPanelEngagement, props.engagement);
  const versions = engagement.agreements.map((a) => getFragmentData(AgreementVersionFields, a));
  const inEffect = versions.find((v) => v.status === 'IN_EFFECT');
  const proposed = versions.find((v) => v.status === 'PROPOSED');
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [propose, proposing] = useMutation(PROPOSE_AGREEMENT);
  const [amend, amending] = useMutation(AMEND_AGREEMENT);
  const [sign, signing] = useMutation(SIGN_AGREEMENT);
  const party = engagement.viewerRole !== 'MANAGER' && engagement.status === 'OPEN';

  const submit = async (draft: AgreementDraft) => {
    setFailure(null);
    const variables = {
      mentorshipId: engagement.mentorshipId,
      agreement: toAgreementInput(draft),
      commandId: newCommandId(),
    };
    try {
      await (inEffect ? amend({ variables }) : propose({ variables }));
      setEditing(false);
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  const signVersion = async (version: number) => {
    setFailure(null);
    try {
      await sign({ variables: { mentorshipId: engagement.mentorshipId, version, commandId: newCommandId() } });
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  return (
    <Stack>
      {!editing && <FailureAlert failure={failure} />}
      {inEffect ? (
        <Card withBorder>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3} size="h4">
                {t('agreement.inEffectTitle', { version: inEffect.version })}
              </Title>
              <Badge color="teal">{t('agreement.status.IN_EFFECT')}</Badge>
            </Group>
            {inEffect.inEffectSince && (
              <Text size="sm" c="dimmed">
                {t('agreement.inEffectSince', { date: formatDate(inEffect.inEffectSince, i18n.language) })}
              </Text>
            )}
            <AgreementTerms version={inEffect} />
          </Stack>
        </Card>
      ) : (
        !proposed && <Text>{t('agreement.none')}</Text>
      )}
      {proposed && (
        <Card withBorder>
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3} size="h4">
                {t(inEffect ? 'agreement.amendmentTitle' : 'agreement.proposalTitle', { version: proposed.version })}
              </Title>
              <Badge variant="outline">{t('agreement.status.PROPOSED')}</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('agreement.proposedBy', {
                name: props.nameOf(proposed.proposedByPersonId),
                date: formatDate(proposed.proposedAt, i18n.language),
              })}
            </Text>
            <AgreementTerms version={proposed} />
            <Text size="sm">
              {proposed.signedBy.length === 0
                ? t('agreement.signedByNobody')
                : t('agreement.signedBy', { names: proposed.signedBy.map(props.nameOf).join(', ') })}
            </Text>
            {party && !proposed.signedBy.includes(props.viewerPersonId) && (
              <Group>
                <Button loading={signing.loading} onClick={() => void signVersion(proposed.version)}>
                  {t('agreement.sign', { version: proposed.version })}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      )}
      {party &&
        (editing ? (
          <Card withBorder>
            <AgreementForm
              initial={proposed ? draftOf(proposed) : inEffect ? draftOf(inEffect) : DEFAULT_AGREEMENT}
              submitLabel={t(inEffect ? 'agreement.submitAmendment' : 'agreement.submitProposal')}
              saving={proposing.loading || amending.loading}
              failure={failure}
              onSubmit={(draft) => void submit(draft)}
              onCancel={() => {
                setFailure(null);
                setEditing(false);
              }}
            />
          </Card>
        ) : (
          <Group>
            <Button variant={proposed ? 'default' : 'filled'} onClick={() => setEditing(true)}>
              {t(inEffect ? 'agreement.amend' : proposed ? 'agreement.proposeOther' : 'agreement.propose')}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}
