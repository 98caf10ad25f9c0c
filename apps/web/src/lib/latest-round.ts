/**
 * The API lists no rounds of a program, so the console previews rule changes on the last computed or published round
 * this browser showed for the program, remembered here by the round page.
 */
const key = (programId: string) => `trellis.latestRound.${programId}`;

export function rememberLatestRound(programId: string, roundId: string): void {
  try {
    window.localStorage.setItem(key(programId), roundId);
  } catch {
    // Storage may be full or switched off; the preview then waits for a round the manager opens later.
  }
}

export function latestRoundOf(programId: string): string | null {
  try {
    return window.localStorage.getItem(key(programId));
  } catch {
    return null;
  }
}
