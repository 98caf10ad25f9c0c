export interface TimeInput {
  startsAt: string;
  endsAt: string;
  timezone: string;
  /** Schedule even outside someone's stated availability. */
  overrideAvailability?: boolean;
}

export interface PlaceInput {
  mode: 'virtual' | 'in-person';
  meetingLink?: string;
  location?: string;
  title?: string;
}
