import type { Profile } from '@trellis/profiles/domain';
import type { SealedText } from '@trellis/shared/kernel';
import { type EncryptedField, isEncryptedField, type PersonKeyStore } from '@trellis/shared/privacy';

/**
 * Free text of a profile as the person typed it; sealed with the person's key before it reaches the event store
 * (docs/architecture.md §7).
 */
export interface ProfileText {
  displayName: string;
  email: string;
  headline: string | null;
  bio: string | null;
  goals: string | null;
  answerTexts: Record<string, string>;
}

export type PlainProfile = Omit<Profile, 'displayName' | 'email' | 'headline' | 'bio' | 'goals' | 'answers'> & {
  answers: Array<{ questionId: string; optionIds?: string[]; value?: number; text?: string }>;
  displayName: string;
  email: string;
  headline: string | null;
  bio: string | null;
  goals: string | null;
};

export class ProfileSealer {
  constructor(private readonly keys: PersonKeyStore) {}

  async seal(tenantId: string, personId: string, profile: PlainProfile): Promise<Profile> {
    const seal = (text: string): Promise<EncryptedField> => this.keys.encrypt(tenantId, personId, text);
    const sealOptional = async (text: string | null): Promise<EncryptedField | null> =>
      text === null || text.trim() === '' ? null : seal(text.trim());
    return {
      ...profile,
      displayName: await seal(profile.displayName.trim()),
      email: await seal(profile.email.trim().toLowerCase()),
      headline: await sealOptional(profile.headline),
      bio: await sealOptional(profile.bio),
      goals: await sealOptional(profile.goals),
      answers: await Promise.all(
        profile.answers.map(async ({ text, ...answer }) =>
          text === undefined ? answer : { ...answer, text: await seal(text) },
        ),
      ),
    };
  }

  /** Opens many profiles with one key lookup for all their owners (no N+1 on a page of participants). */
  async openMany(profiles: Array<{ personId: string; profile: Profile }>): Promise<PlainProfile[]> {
    await this.keys.preload(profiles.map((p) => p.personId));
    return Promise.all(profiles.map((p) => this.open(p.profile)));
  }

  /** Only the display names, for a search over many profiles that opens nothing else of them. */
  async openDisplayNames(profiles: Array<{ personId: string; profile: Profile }>): Promise<string[]> {
    await this.keys.preload(profiles.map((p) => p.personId));
    return Promise.all(
      profiles.map(async (p) =>
        isEncryptedField(p.profile.displayName) ? this.keys.decrypt(p.profile.displayName) : '',
      ),
    );
  }

  /** `[erased]` for every field once the person's key is shredded. */
  async open(profile: Profile): Promise<PlainProfile> {
    const open = async (value: SealedText): Promise<string> =>
      isEncryptedField(value) ? this.keys.decrypt(value) : '';
    const openOptional = async (value: SealedText | null): Promise<string | null> => (value ? open(value) : null);
    return {
      ...profile,
      displayName: await open(profile.displayName),
      email: await open(profile.email),
      headline: await openOptional(profile.headline),
      bio: await openOptional(profile.bio),
      goals: await openOptional(profile.goals),
      answers: await Promise.all(
        profile.answers.map(async ({ text, ...answer }) => (text ? { ...answer, text: await open(text) } : answer)),
      ),
    };
  }
}
