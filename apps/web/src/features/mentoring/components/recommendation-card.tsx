import { Badge, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { fitReasons } from '../../../lib/fit-explanation';
import { PersonSummary } from '../../../components/person-summary';

export const RecommendationCardRecommendation = graphql(`
  fragment RecommendationCard_recommendation on RecommendedMentor {
    mentorPersonId
    freeSeats
    pendingRequests
    factors {
      name
      value
      weight
      contribution
    }
    mentor {
      id
      displayName
      ...PersonSummary_participant
    }
  }
`);

export interface RecommendationCardProps {
  recommendation: FragmentType<typeof RecommendationCardRecommendation>;
  /** Set when the person already asked this mentor: no second request. */
  alreadyRequested: boolean;
  onRequest: (mentor: { personId: string; name: string }) => void;
  /** Left out when the mentee's preferences are not known: no marking offered. */
  preference?: {
    preferred: boolean;
    /** The program's maximum is reached by other mentors. */
    limitReached: boolean;
    pending: boolean;
    onToggle: () => void;
  };
}

/** A recommended mentor with the fit in words, factor by factor, and their free seats. */
export function RecommendationCard(props: RecommendationCardProps) {
  const { t } = useTranslation();
  const recommendation = getFragmentData(RecommendationCardRecommendation, props.recommendation);
  const reasons = fitReasons(recommendation.factors);
  const name = recommendation.mentor?.displayName ?? t('people.unavailable');
  return (
    <Card component="article" withBorder padding="lg" aria-label={name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <PersonSummary participant={recommendation.mentor} />
          <Badge variant="outline" color={recommendation.freeSeats > 0 ? 'teal' : 'gray'}>
            {t('recommendations.freeSeats', { count: recommendation.freeSeats })}
          </Badge>
        </Group>
        {reasons.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              {t('recommendations.why')}
            </Text>
            <List size="sm" spacing={2}>
              {reasons.map((reason) => (
                <List.Item key={reason.factor}>{t(`match.reason.${reason.factor}.${reason.strength}`)}</List.Item>
              ))}
            </List>
          </div>
        ) : (
          <Text size="sm" c="dimmed">
            {t('recommendations.noReasons')}
          </Text>
        )}
        {recommendation.pendingRequests > 0 && (
          <Text size="sm" c="dimmed">
            {t('recommendations.pending', { count: recommendation.pendingRequests })}
          </Text>
        )}
        <Group>
          {/* Once asked, the button stays focusable (only marked disabled): the dialog returns focus to it. */}
          <Button
            variant={props.alreadyRequested ? 'default' : 'filled'}
            disabled={recommendation.freeSeats === 0 || !recommendation.mentor}
            data-disabled={props.alreadyRequested || undefined}
            aria-disabled={props.alreadyRequested || undefined}
            onClick={() => {
              if (!props.alreadyRequested) props.onRequest({ personId: recommendation.mentorPersonId, name });
            }}
            aria-label={t(props.alreadyRequested ? 'recommendations.requestedNamed' : 'recommendations.requestNamed', {
              name,
            })}
          >
            {props.alreadyRequested ? t('recommendations.requested') : t('recommendations.request')}
          </Button>
          {props.preference && (
            // The same name in both states; aria-pressed and the filled look say whether the mentor is preferred.
            <Button
              variant={props.preference.preferred ? 'filled' : 'default'}
              color={props.preference.preferred ? 'yellow' : undefined}
              aria-pressed={props.preference.preferred}
              disabled={!recommendation.mentor || (props.preference.limitReached && !props.preference.preferred)}
              loading={props.preference.pending}
              onClick={props.preference.onToggle}
              aria-label={t('recommendations.preferNamed', { name })}
            >
              {t('recommendations.prefer')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
