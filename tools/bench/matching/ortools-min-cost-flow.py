# Optional same-run anchor for `npm run bench:matching`: solves a candidate graph written by ortools-anchor.ts with
# OR-tools' min-cost flow (C++ cost scaling) on the same network as the engine, and prints "<seconds> <total>".
# Usage: python3 ortools-min-cost-flow.py <instance.bin>
import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow

SCORE_SCALE = 1_000_000

data = np.fromfile(sys.argv[1], dtype=np.int32)
n, m, edges = int(data[0]), int(data[1]), int(data[2])
at = 3
capacity = data[at : at + m]
at += m
edge_start = data[at : at + n + 1]
at += n + 1
edge_mentor = data[at : at + edges]
at += edges
edge_score = data[at : at + edges].astype(np.int64)

# Nodes: mentees 0..n-1, mentors n..n+m-1, sink n+m.
sink = n + m
mentee_of_edge = np.repeat(np.arange(n, dtype=np.int32), np.diff(edge_start))
tails = np.concatenate([mentee_of_edge, np.arange(n, dtype=np.int32), np.arange(n, n + m, dtype=np.int32)])
heads = np.concatenate([edge_mentor + n, np.full(n, sink, dtype=np.int32), np.full(m, sink, dtype=np.int32)])
caps = np.concatenate([np.ones(edges, dtype=np.int64), np.ones(n, dtype=np.int64), capacity.astype(np.int64)])
costs = np.concatenate(
    [SCORE_SCALE - edge_score, np.full(n, SCORE_SCALE, dtype=np.int64), np.zeros(m, dtype=np.int64)]
)

started = time.perf_counter()
flow = min_cost_flow.SimpleMinCostFlow()
flow.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
supplies = np.concatenate([np.ones(n, dtype=np.int64), np.zeros(m, dtype=np.int64), np.array([-n], dtype=np.int64)])
flow.set_nodes_supplies(np.arange(n + m + 1), supplies)
status = flow.solve()
seconds = time.perf_counter() - started
if status != flow.OPTIMAL:
    print(f"status {status}", file=sys.stderr)
    sys.exit(1)
used = flow.flows(np.arange(edges))
total = int((used * edge_score).sum())
print(f"{seconds:.3f} {total}")
