/** The mentee's list after marking or unmarking one mentor: a new one goes last (least preferred), others keep order. */
export function togglePreferred(preferred: readonly string[], mentorPersonId: string): string[] {
  return preferred.includes(mentorPersonId)
    ? preferred.filter((id) => id !== mentorPersonId)
    : [...preferred, mentorPersonId];
}
