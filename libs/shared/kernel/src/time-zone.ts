const verdicts = new Map<string, boolean>();

/**
 * True for an IANA zone name the runtime's ICU database knows (`Europe/Berlin`). Offsets such as `+02:00` are refused
 * although newer runtimes accept them: they ignore daylight saving, so a weekly meeting would drift by an hour.
 */
export function isIanaTimeZone(value: string): boolean {
  const cached = verdicts.get(value);
  if (cached !== undefined) return cached;
  let valid = value.length <= 64 && /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value);
  if (valid) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
    } catch {
      valid = false;
    }
  }
  // Bounded: the names come from user input, and only known zones are worth remembering.
  if (valid || verdicts.size < 1000) verdicts.set(value, valid);
  return valid;
}
