/** The mentorship a conversation event is about (its `data` is JSON of ids), or undefined when it names none. */
export function mentorshipOfEvent(data: string): string | undefined {
  try {
    const parsed = JSON.parse(data) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const id = (parsed as Record<string, unknown>)['mentorshipId'];
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
