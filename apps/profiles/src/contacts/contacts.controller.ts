import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, HttpException, HttpStatus, Param } from '@nestjs/common';
import { participantIdFor } from '@trellis/profiles/domain';
import { ERASED } from '@trellis/shared/privacy';
import { ProfilesReadModels } from '../core/read-models';
import { ProfileSealer } from '../core/sealing';

export interface ContactDetails {
  personId: string;
  displayName: string;
  email: string;
  timezone: string;
}

function internalToken(): string {
  const token = process.env['TRELLIS_INTERNAL_TOKEN'];
  if (!token || token.length < 16) {
    throw new HttpException('Internal endpoint disabled: TRELLIS_INTERNAL_TOKEN is not set', HttpStatus.FORBIDDEN);
  }
  return token;
}

/**
 * The one synchronous call between services (docs/architecture.md §2 and §7): only profiles holds names and emails,
 * so notifications fetches a person's contact details at send time instead of keeping a copy. Only callers holding
 * the internal service token get an answer.
 */
@Controller('internal/contacts')
export class ContactsController {
  constructor(
    private readonly readModels: ProfilesReadModels,
    private readonly sealer: ProfileSealer,
  ) {}

  @Get(':tenantId/:programId/:personId')
  async contact(
    @Headers('authorization') authorization: string | undefined,
    @Param('tenantId') tenantId: string,
    @Param('programId') programId: string,
    @Param('personId') personId: string,
  ): Promise<ContactDetails> {
    const expected = Buffer.from(`Bearer ${internalToken()}`);
    const given = Buffer.from(authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new HttpException('A valid internal service token is required', HttpStatus.UNAUTHORIZED);
    }
    const row = await this.readModels.participantsOf(tenantId).findOne({ _id: participantIdFor(programId, personId) });
    if (!row?.profile || row.status === 'withdrawn') throw new HttpException('No such person', HttpStatus.NOT_FOUND);
    const profile = await this.sealer.open(row.profile);
    if (profile.email === ERASED) throw new HttpException('No such person', HttpStatus.NOT_FOUND);
    return { personId, displayName: profile.displayName, email: profile.email, timezone: profile.timezone };
  }
}
