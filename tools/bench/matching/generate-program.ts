import {
  type CommunicationStyle,
  type MenteeProfile,
  type MentorProfile,
  type WeeklyWindow,
} from '@trellis/matching/engine';

/** Small seeded PRNG (mulberry32) so every run benchmarks the same programs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws an index in [0, n) with probability ∝ 1/(k+1)^s — the popularity skew of skills and mentors. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let k = 0; k < n; k++) cdf[k] = acc += 1 / Math.pow(k + 1, s);
  return () => {
    const x = random() * acc;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const ZONES: [string, number][] = [
  ['America/Los_Angeles', 8],
  ['America/New_York', 14],
  ['America/Sao_Paulo', 5],
  ['Europe/London', 10],
  ['Europe/Paris', 14],
  ['Europe/Berlin', 8],
  ['Africa/Lagos', 3],
  ['Asia/Kolkata', 12],
  ['Asia/Singapore', 5],
  ['Asia/Tokyo', 5],
  ['Australia/Sydney', 3],
  ['Asia/Dubai', 3],
];
const LANGS = ['en', 'es', 'fr', 'de', 'pt', 'hi', 'ja', 'zh'];
const FIELDS = ['engineering', 'product', 'design', 'data', 'sales', 'marketing', 'finance', 'people', 'legal', 'ops'];
const STYLES: CommunicationStyle[] = ['structured', 'conversational', 'hands-on', 'flexible'];

export interface Program {
  mentors: MentorProfile[];
  mentees: MenteeProfile[];
}

export function generateProgram(mentees: number, mentors: number, seed = 1): Program {
  const random = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const skillCount = 400;
  const skill = zipf(skillCount, 1.0, random);
  const zoneTotal = ZONES.reduce((s, [, w]) => s + w, 0);
  const zone = () => {
    let x = random() * zoneTotal;
    for (const [z, w] of ZONES) if ((x -= w) < 0) return z;
    return ZONES[0]![0];
  };
  const languages = () => {
    const out = random() < 0.85 ? ['en'] : [];
    if (random() < 0.4 || out.length === 0) out.push(pick(LANGS.slice(1)));
    if (random() < 0.3) out.reverse();
    return [...new Set(out)];
  };
  const availability = (): WeeklyWindow[] => {
    const out: WeeklyWindow[] = [];
    for (let k = int(2, 4); k > 0; k--) {
      const start = int(8, 19) * 60;
      out.push({ day: int(0, 6), startMinute: start, endMinute: start + int(1, 3) * 60 });
    }
    return out;
  };
  const departments = Math.max(5, Math.round(mentors / 50));
  const answers = () => ({ q1: pick(['a', 'b', 'c']), q2: pick(['a', 'b']), q3: pick(['a', 'b', 'c', 'd']) });

  const mentorList: MentorProfile[] = [];
  for (let j = 0; j < mentors; j++) {
    // A minority of "star" mentors offer many, high-level skills: they end up on most candidate lists.
    const star = random() < 0.08;
    const offers = new Map<string, number>();
    for (let k = star ? int(5, 9) : int(2, 5); k > 0; k--) offers.set(`skill-${skill()}`, star ? int(4, 5) : int(2, 5));
    mentorList.push({
      id: `mentor-${String(j).padStart(6, '0')}`,
      field: pick(FIELDS),
      department: `dept-${int(0, departments - 1)}`,
      languages: languages(),
      timezone: zone(),
      availability: availability(),
      communicationStyle: pick(STYLES),
      seniorityYears: int(4, 30),
      answers: answers(),
      offers: [...offers].map(([s, level]) => ({ skill: s, level })),
      expertiseTags: [`skill-${skill()}`, `skill-${skill()}`],
      capacity: int(1, 5),
    });
  }
  const favourite = zipf(mentors, 1.1, random);
  const menteeList: MenteeProfile[] = [];
  for (let i = 0; i < mentees; i++) {
    const seeks = new Map<string, number>();
    for (let k = int(2, 4); k > 0; k--) seeks.set(`skill-${skill()}`, int(1, 3));
    const favourites = new Set<string>();
    if (random() < 0.3) for (let k = int(1, 3); k > 0; k--) favourites.add(mentorList[favourite()]!.id);
    const profile: MenteeProfile = {
      id: `mentee-${String(i).padStart(7, '0')}`,
      field: pick(FIELDS),
      department: `dept-${int(0, departments - 1)}`,
      languages: languages(),
      timezone: zone(),
      availability: availability(),
      communicationStyle: pick(STYLES),
      seniorityYears: int(0, 12),
      answers: answers(),
      seeks: [...seeks].map(([s, currentLevel]) => ({ skill: s, currentLevel })),
      goals: [`skill-${skill()}`],
      favouriteMentorIds: [...favourites],
    };
    if (random() < 0.05) profile.managerIds = [mentorList[int(0, mentors - 1)]!.id];
    if (random() < 0.05) profile.previousMentorIds = [mentorList[favourite()]!.id];
    menteeList.push(profile);
  }
  return { mentors: mentorList, mentees: menteeList };
}
