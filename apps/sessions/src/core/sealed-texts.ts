import { checkText, type TextField } from '@trellis/sessions/domain';
import type { SealedText } from '@trellis/shared/kernel';
import { isEncryptedField, type PersonKeyStore } from '@trellis/shared/privacy';
import type { Actor } from './actor';

/**
 * Free text is checked by the domain's rules on the plain text, then sealed with the author's key, and opened only
 * when a view is built (docs/architecture.md §7): a shredded key reads as erased.
 */
export class SealedTexts {
  constructor(private readonly keys: PersonKeyStore) {}

  async seal(actor: Actor, field: TextField, text: string | undefined, label: string): Promise<SealedText | undefined> {
    const plain = checkText(field, text, label);
    return plain === undefined ? undefined : this.keys.encrypt(actor.tenantId, actor.personId, plain);
  }

  async open(value: SealedText | undefined): Promise<string | undefined> {
    return value && isEncryptedField(value) ? this.keys.decrypt(value) : undefined;
  }
}
