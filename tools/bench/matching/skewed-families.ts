import { buildCandidateGraph, type CandidateEdge, type CandidateGraph, SCORE_SCALE } from '@trellis/matching/engine';
import { rng } from './generate-program';

/**
 * Candidate graphs that stress an exact solver, drawn straight as graphs (no profiles, no scoring, no candidate
 * windows), so that they share nothing with the programs `generateProgram` makes. Every family draws each
 * mentee's candidates from a Zipf law over mentors (exponent 0.8, popularity ranks shuffled so that they do
 * not follow mentor indices): a few mentors are listed by very many mentees. What changes between families
 * is how a pair's score is made and how much capacity there is.
 */
export interface SkewedFamily {
  name: string;
  description: string;
  generate(mentees: number, mentors: number, seed: number): CandidateGraph;
}

const ZIPF_EXPONENT = 0.8;
const CANDIDATES = 50;
const CAPACITY = 5;

interface Shape {
  /** Weight of the mentor's shared quality in every pair's score (the rest is the pair's own fit). */
  quality: number;
  /** Number of distinct score levels, or 0 for (nearly) continuous scores. */
  levels: number;
  capacity: (random: () => number) => number;
}

function generateFamily(shape: Shape, mentees: number, mentors: number, seed: number): CandidateGraph {
  const random = rng(seed);
  // Popularity rank → mentor: a seeded shuffle.
  const byRank = Int32Array.from({ length: mentors }, (_, k) => k);
  for (let k = mentors - 1; k > 0; k--) {
    const r = Math.floor(random() * (k + 1));
    const t = byRank[k]!;
    byRank[k] = byRank[r]!;
    byRank[r] = t;
  }
  const cdf = new Float64Array(mentors);
  let acc = 0;
  for (let k = 0; k < mentors; k++) cdf[k] = acc += 1 / Math.pow(k + 1, ZIPF_EXPONENT);
  const drawMentor = (): number => {
    const x = random() * acc;
    let lo = 0;
    let hi = mentors - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return byRank[lo]!;
  };
  // Popular mentors tend to be the good ones: half of the quality follows the popularity rank.
  const quality = new Float64Array(mentors);
  for (let k = 0; k < mentors; k++) quality[byRank[k]!] = 0.5 * (1 - k / mentors) + 0.5 * random();
  const capacity = Int32Array.from({ length: mentors }, () => shape.capacity(random));

  const lists: CandidateEdge[][] = [];
  const listed = new Int32Array(mentors).fill(-1);
  const size = Math.min(CANDIDATES, mentors);
  for (let i = 0; i < mentees; i++) {
    const list: CandidateEdge[] = [];
    while (list.length < size) {
      const j = drawMentor();
      if (listed[j] === i) continue;
      listed[j] = i;
      let value = shape.quality * quality[j]! + (1 - shape.quality) * random();
      if (shape.levels > 0) value = Math.round(value * (shape.levels - 1)) / (shape.levels - 1);
      list.push({ mentor: j, score: Math.round(value * SCORE_SCALE) });
    }
    lists.push(list);
  }
  return buildCandidateGraph(capacity, lists);
}

const fixedCapacity = () => CAPACITY;

export const SKEWED_FAMILIES: SkewedFamily[] = [
  {
    name: 'zipf',
    description: 'skewed popularity, independent pair scores',
    generate: (n, m, seed) => generateFamily({ quality: 0, levels: 0, capacity: fixedCapacity }, n, m, seed),
  },
  {
    name: 'zipf-quality',
    description: 'skewed popularity, scores 70% a shared mentor quality',
    generate: (n, m, seed) => generateFamily({ quality: 0.7, levels: 0, capacity: fixedCapacity }, n, m, seed),
  },
  {
    name: 'zipf-ties',
    description: 'skewed popularity, quality-correlated scores on 11 levels (many ties)',
    generate: (n, m, seed) => generateFamily({ quality: 0.7, levels: 11, capacity: fixedCapacity }, n, m, seed),
  },
  {
    name: 'zipf-scarce',
    description: 'skewed popularity, quality-correlated scores, capacity 3–5 (total 80% of mentees)',
    generate: (n, m, seed) =>
      generateFamily({ quality: 0.7, levels: 0, capacity: (random) => 3 + Math.floor(random() * 3) }, n, m, seed),
  },
];
