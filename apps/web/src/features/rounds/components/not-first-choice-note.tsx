import { Text, type MantineSpacing, type StyleProp } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { notFirstChoiceSentence } from '../lib/match-explanations';

export const NotFirstChoiceNoteReason = graphql(`
  fragment NotFirstChoiceNote_reason on NotFirstChoiceReason {
    type
    bestMentorPlaces
    fitPoints
    matchesLost
    rule
    bestMentor {
      id
      displayName
    }
  }
`);

/**
 * Why a mentee did not get the mentor who fits them best: the round console tells the manager, a proposal tells the
 * mentee; both read the same reason, so both ask for it with this one fragment.
 */
export function NotFirstChoiceNote(props: {
  reason: FragmentType<typeof NotFirstChoiceNoteReason>;
  reader: 'manager' | 'mentee';
  mt?: StyleProp<MantineSpacing>;
}) {
  const { t } = useTranslation();
  const reason = getFragmentData(NotFirstChoiceNoteReason, props.reason);
  return (
    <Text size="sm" mt={props.mt}>
      {notFirstChoiceSentence(t, reason, reason.bestMentor?.displayName ?? t('people.unavailable'), props.reader)}
    </Text>
  );
}
