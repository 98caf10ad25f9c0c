import type { SealedText } from '@trellis/shared/kernel';

/** A stand-in for an encrypted value: the domain only carries it. */
export const sealed = (label: string): SealedText & { ct: string } => ({ enc: 'test', ct: label });
