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

  /**
   * Sealed with the author's key for one scope (a conversation), so the scope's texts can be shredded on their own
   * (`shredScope`); the author's erasure shreds it too.
   */
  async sealScoped(actor: Actor, scope: string, field: TextField, text: string, label: string): Promise<SealedText> {
    const plain = checkText(field, text, label);
    if (plain === undefined) throw new Error(`${label} is optional; scoped sealing takes required text only`);
    return this.keys.encryptScoped(actor.tenantId, actor.personId, scope, plain);
  }

  /** Crypto-shredding of a scope: every text sealed in it reads as erased from then on. */
  shredScope(scope: string): Promise<number> {
    return this.keys.shredScope(scope);
  }

  async open(value: SealedText | undefined): Promise<string | undefined> {
    return value && isEncryptedField(value) ? this.keys.decrypt(value) : undefined;
  }
}
