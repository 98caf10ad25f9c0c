import type { MembershipDirectory } from '@trellis/shared/memberships';
import type { AvailabilityDirectory } from '../profiles/participant-availability.projection';
import type { ProgramSettingsDirectory } from '../profiles/program-settings.projection';
import type { CalendarReservations } from './calendar-reservations';

/** What the service reads from other services' events (its own read models of them). */
export interface SessionsDirectory {
  availability: AvailabilityDirectory;
  /** Who manages which program (the shared memberships read model). */
  memberships: MembershipDirectory;
  /** Each person's booked times, the race-free source of the overlap rule. */
  reservations: CalendarReservations;
  /** The survey threshold and conversation retention of each program, from profiles' program events. */
  programSettings: ProgramSettingsDirectory;
}
