/** Who is who in a mentorship, by person id, for lines such as "signed by Sam". */
export function namesByPersonId(
  people: ReadonlyArray<{ personId: string; name: string | null | undefined }>,
  unknownName: string,
): (personId: string) => string {
  const names = new Map(people.map((p) => [p.personId, p.name ?? unknownName]));
  return (personId) => names.get(personId) ?? unknownName;
}
