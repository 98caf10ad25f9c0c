import { useQuery } from '@apollo/client/react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../features/auth';
import type { SignedInPersonQuery } from '../gql/graphql';
import { SIGNED_IN_PERSON } from './signed-in-person-query';

/**
 * Who the header says is signed in: the provider's name, else the name of the profile the person enrolled with most
 * recently, else their email; undefined when nothing names them (someone new, signed in by id only).
 */
export function signedInName(user: SignedInUser, me: SignedInPersonQuery['me'] | undefined): string | undefined {
  if (user.name) return user.name;
  const latest = [...(me?.participations ?? [])].sort((a, b) => b.enrolledAt.localeCompare(a.enrolledAt))[0];
  return latest?.displayName.trim() || user.email || undefined;
}

export function SignedInName({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const { data } = useQuery(SIGNED_IN_PERSON, { skip: Boolean(user.name) });
  const name = signedInName(user, data?.me);
  return (
    <Text size="sm" visibleFrom="sm" aria-label={name ? t('shell.signedInAs', { name }) : undefined}>
      {name ?? t('shell.signedIn')}
    </Text>
  );
}
