import { DEMO_USERS, demoDisplayName } from '@trellis/shared/demo';
import { demoProfile } from './demo-seed';

describe('demo names', () => {
  it('are the names the seed gives the profiles, so the sign-in page and the app agree', () => {
    for (const kind of ['mentor', 'mentee'] as const) {
      for (const index of [0, 1, 79]) {
        expect(demoDisplayName(kind, index)).toBe(demoProfile(kind, index, []).displayName);
      }
    }
  });

  it('stay what they were when the names moved out of the seed (a changed draw order renames everyone)', () => {
    expect(DEMO_USERS.find((u) => u.alias === 'mentee')?.displayName).toBe('Chen Fischer');
    expect(DEMO_USERS.find((u) => u.alias === 'mentor')?.displayName).toBe('Freya Varga');
  });
});
