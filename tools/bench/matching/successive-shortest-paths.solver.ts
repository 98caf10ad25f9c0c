import { type CandidateGraph, SCORE_SCALE } from '@trellis/matching/engine';

/**
 * Reference solver for the benchmark: the textbook exact min-cost flow, deliberately written without anything
 * from the engine (no auction, no implicit mentee potentials), so that equal totals are independent evidence.
 *
 * Explicit network: mentee i (node i) → mentor j (node n + j), capacity 1, cost W − score; mentee → sink,
 * capacity 1, cost W (staying unmatched); mentor → sink, capacity = the mentor's capacity, cost 0. Every mentee
 * supplies one unit. Successive shortest paths: one Dijkstra per mentee (binary heap with lazy deletion) on
 * reduced costs c + π(u) − π(v) ≥ 0, stopped when the sink is settled; settled nodes then move their potential
 * by their distance and the rest by the sink's, which keeps every reduced cost ≥ 0.
 */
export function solveSuccessiveShortestPaths(graph: CandidateGraph): { assignment: Int32Array; total: number } {
  const n = graph.menteeCount;
  const m = graph.mentorCount;
  const sink = n + m;
  const nodes = sink + 1;

  // Residual arcs in CSR form; arc k's reverse is rev[k].
  const degree = new Int32Array(nodes + 1);
  for (let i = 0; i < n; i++) {
    for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++) {
      degree[i]!++;
      degree[n + graph.edgeMentor[e]!]!++;
    }
    degree[i]!++;
    degree[sink]!++;
  }
  for (let j = 0; j < m; j++) {
    degree[n + j]!++;
    degree[sink]!++;
  }
  const first = new Int32Array(nodes + 1);
  for (let v = 0; v < nodes; v++) first[v + 1] = first[v]! + degree[v]!;
  const arcs = first[nodes]!;
  const to = new Int32Array(arcs);
  const cap = new Int32Array(arcs);
  const cost = new Float64Array(arcs);
  const rev = new Int32Array(arcs);
  const fill = first.slice(0, nodes);
  const addArc = (u: number, v: number, capacity: number, c: number): void => {
    const a = fill[u]!++;
    const b = fill[v]!++;
    to[a] = v;
    cap[a] = capacity;
    cost[a] = c;
    rev[a] = b;
    to[b] = u;
    cap[b] = 0;
    cost[b] = -c;
    rev[b] = a;
  };
  for (let i = 0; i < n; i++) {
    for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++) {
      addArc(i, n + graph.edgeMentor[e]!, 1, SCORE_SCALE - graph.edgeScore[e]!);
    }
    addArc(i, sink, 1, SCORE_SCALE);
  }
  for (let j = 0; j < m; j++) addArc(n + j, sink, graph.capacity[j]!, 0);

  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes);
  const stamp = new Int32Array(nodes);
  const settledStamp = new Int32Array(nodes);
  const predArc = new Int32Array(nodes);
  const settled = new Int32Array(nodes);
  let heapNode = new Int32Array(1024);
  let heapKey = new Float64Array(1024);
  let heapSize = 0;
  const push = (v: number, key: number): void => {
    if (heapSize === heapNode.length) {
      const grownNode = new Int32Array(heapSize * 2);
      grownNode.set(heapNode);
      heapNode = grownNode;
      const grownKey = new Float64Array(heapSize * 2);
      grownKey.set(heapKey);
      heapKey = grownKey;
    }
    let k = heapSize++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (heapKey[parent]! <= key) break;
      heapNode[k] = heapNode[parent]!;
      heapKey[k] = heapKey[parent]!;
      k = parent;
    }
    heapNode[k] = v;
    heapKey[k] = key;
  };
  const pop = (): number => {
    const top = heapNode[0]!;
    const lastNode = heapNode[--heapSize]!;
    const lastKey = heapKey[heapSize]!;
    let k = 0;
    for (;;) {
      let c = 2 * k + 1;
      if (c >= heapSize) break;
      if (c + 1 < heapSize && heapKey[c + 1]! < heapKey[c]!) c++;
      if (heapKey[c]! >= lastKey) break;
      heapNode[k] = heapNode[c]!;
      heapKey[k] = heapKey[c]!;
      k = c;
    }
    heapNode[k] = lastNode;
    heapKey[k] = lastKey;
    return top;
  };

  let search = 0;
  for (let s = 0; s < n; s++) {
    search++;
    heapSize = 0;
    stamp[s] = search;
    dist[s] = 0;
    push(s, 0);
    let settledCount = 0;
    for (;;) {
      const key = heapKey[0]!;
      const u = pop();
      if (settledStamp[u] === search || key > dist[u]!) continue;
      settledStamp[u] = search;
      settled[settledCount++] = u;
      if (u === sink) break;
      const pu = potential[u]!;
      for (let a = first[u]!; a < first[u + 1]!; a++) {
        if (cap[a] === 0) continue;
        const v = to[a]!;
        if (settledStamp[v] === search) continue;
        const d = key + cost[a]! + pu - potential[v]!;
        if (stamp[v] !== search || d < dist[v]!) {
          stamp[v] = search;
          dist[v] = d;
          predArc[v] = a;
          push(v, d);
        }
      }
    }
    const reach = dist[sink]!;
    // Unsettled nodes all shift by `reach`, which is the same as leaving them and lowering the settled ones.
    for (let k = 0; k < settledCount; k++) {
      const v = settled[k]!;
      potential[v] = potential[v]! + dist[v]! - reach;
    }
    for (let v = sink; v !== s; ) {
      const a = predArc[v]!;
      cap[a]!--;
      cap[rev[a]!]!++;
      v = to[rev[a]!]!;
    }
  }

  const assignment = new Int32Array(n).fill(-1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let e = graph.edgeStart[i]!;
    for (let a = first[i]!; a < first[i + 1]!; a++) {
      if (to[a] === sink) continue;
      if (to[a]! >= n && to[a]! < sink && cap[a] === 0) {
        assignment[i] = to[a]! - n;
        // Arcs were added in list order, so the arc's offset from the first one is the candidate's offset.
        total += graph.edgeScore[e]!;
      }
      e++;
    }
  }
  return { assignment, total };
}
