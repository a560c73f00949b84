/**
 * Batch matching: assign many participants to peer workers at once, optimally.
 *
 * What "optimal" means here, in this order:
 *   1. assign AS MANY participants as possible: no one waits who some assignment could have served;
 *   2. among all assignments that reach that count, the TOTAL score is the highest possible.
 * Subject to: only pairs the score function calls eligible, and each peer worker takes at most their
 * open places (capacity − caseload). The score function is called once for every participant and
 * every peer worker with an open place.
 *
 * Why not greedy (best pair first): with Ana scoring 10 with Beto and 9 with Carla, and Dani scoring
 * 8 with Beto and 1 with Carla, greedy gives Ana→Beto and Dani→Carla (11); the best is Ana→Carla,
 * Dani→Beto (17). And if Dani could only work with Beto, greedy would leave Dani unassigned.
 *
 * Method: minimum-cost maximum flow, by successive shortest augmenting paths with node potentials
 * (Dijkstra on reduced costs). The network is source → participant (1 place) → peer worker (each
 * eligible pair) → sink (open places). Cost of a pair = top score − score, so costs are ≥ 0 from the
 * start and every assignment adds the same constant: for a fixed count, least cost is most score,
 * and successive shortest paths gives the least-cost flow at every count up to the maximum.
 *
 * To handle 5,000 participants × 500 peer workers, the shortest-path search runs on peer workers
 * only. Every augmenting path is: an unassigned participant joins peer worker w1; a participant of
 * w1 moves to w2; … ; the last peer worker has an open place. So the search needs, for each peer
 * worker, the cheapest unassigned participant (a sorted list per peer worker), and for each ordered
 * pair (u, w) the cheapest participant of u to move to w (a heap per pair, stale entries dropped on
 * read). A search is then a dense Dijkstra over peer workers that stops as soon as no peer worker is
 * closer than the best path already found to one with an open place. The reduced cost of a move,
 * cost(p, w) − cost(p, u) + π(u) − π(w), does not involve the participant's own potential, which is
 * why participants can be left out of the search.
 *
 * Scores may be any finite numbers; whole numbers (as scoreMatch gives) make totals exact.
 * The result is deterministic: the same input in the same order gives the same output; among equally
 * good assignments, earlier participants and earlier peer workers are tried first.
 */

import type { LocalizedText } from './score.js';
import { openPlaces } from './score.js';

export interface PeerWorkerWithPlaces {
  id: string;
  capacity: number;
  caseload: number;
}

export interface PairScore {
  eligible: boolean;
  score: number;
}

export type PairScoreFn<P, W> = (participant: P, peerWorker: W) => PairScore;

export interface Assignment {
  participantId: string;
  peerWorkerId: string;
  score: number;
}

export type UnassignedReasonKind = 'no_eligible_peer_worker' | 'eligible_peer_workers_full';

export interface UnassignedParticipant {
  participantId: string;
  reason: { kind: UnassignedReasonKind; text: LocalizedText };
}

export interface BatchAssignment {
  /** In the order the participants were given. */
  assignments: Assignment[];
  /** In the order the participants were given. */
  unassigned: UnassignedParticipant[];
  totalScore: number;
}

const UNASSIGNED_TEXT: Record<UnassignedReasonKind, LocalizedText> = {
  no_eligible_peer_worker: {
    en: 'No peer worker with open places fits what this person needs (language, gender preference)',
    es: 'Ningún acompañante con lugar disponible cumple con lo que esta persona necesita (idioma, preferencia de género)',
  },
  eligible_peer_workers_full: {
    en: 'The peer workers who fit this person were filled in this round by people with no other fit',
    es: 'Los acompañantes adecuados para esta persona se llenaron en esta ronda con personas que no tenían otra opción',
  },
};

export function assignOptimally<P extends { id: string }, W extends PeerWorkerWithPlaces>(
  participants: readonly P[],
  peerWorkers: readonly W[],
  scoreFn: PairScoreFn<P, W>,
): BatchAssignment {
  // Peer workers with no open place cannot take anyone: leave them out of the network.
  const open = peerWorkers.filter((worker) => openPlaces(worker) > 0);
  const n = participants.length;
  const m = open.length;
  const places = Int32Array.from(open, openPlaces);

  const scores = new Float64Array(n * m).fill(NaN);
  let top = -Infinity;
  for (let p = 0; p < n; p++) {
    for (let w = 0; w < m; w++) {
      const result = scoreFn(participants[p]!, open[w]!);
      if (!result.eligible) continue;
      if (!Number.isFinite(result.score)) {
        throw new RangeError(`score for ${participants[p]!.id} and ${open[w]!.id} is not a finite number`);
      }
      scores[p * m + w] = result.score;
      if (result.score > top) top = result.score;
    }
  }
  const cost = scores.map((score) => (Number.isNaN(score) ? Infinity : top - score));
  const assignedTo = new FlowSolver(n, m, cost, places).run();

  const assignments: Assignment[] = [];
  const unassigned: UnassignedParticipant[] = [];
  let totalScore = 0;
  participants.forEach((participant, p) => {
    const w = assignedTo[p]!;
    if (w >= 0) {
      const score = scores[p * m + w]!;
      assignments.push({ participantId: participant.id, peerWorkerId: open[w]!.id, score });
      totalScore += score;
      return;
    }
    let hadFit = false;
    for (let x = 0; x < m && !hadFit; x++) hadFit = !Number.isNaN(scores[p * m + x]!);
    const kind: UnassignedReasonKind = hadFit ? 'eligible_peer_workers_full' : 'no_eligible_peer_worker';
    unassigned.push({ participantId: participant.id, reason: { kind, text: UNASSIGNED_TEXT[kind] } });
  });
  return { assignments, unassigned, totalScore };
}

/**
 * Successive shortest paths over peer workers (see the top of this file). Participants are 0..n-1,
 * peer workers 0..m-1; cost[p*m+w] is ≥ 0, Infinity when the pair is not eligible.
 */
class FlowSolver {
  private readonly assignedTo: Int32Array;
  private readonly load: Int32Array;
  /** Node potentials of peer workers and of the sink; the source and unassigned participants stay at 0. */
  private readonly potential: Float64Array;
  private sinkPotential = 0;
  /** Per peer worker, eligible participants by cost (then input order), and how far they are used up. */
  private readonly byCost: Int32Array[];
  private readonly byCostNext: Int32Array;
  /** Per ordered pair (u, w): a heap of participants (once) assigned to u, by the cost of moving them to w. */
  private readonly moves: Array<number[] | undefined>;
  /**
   * The heap tops in flat arrays, so the inner loop of a search is a scan over numbers: the cheapest
   * participant of u to move to w, and that move's cost (Infinity when there is none). A row u goes
   * stale when a participant leaves u, and is refreshed before the search next reads it.
   */
  private readonly topWho: Int32Array;
  private readonly topCost: Float64Array;
  private readonly stale: Uint8Array;

  // Dijkstra state, reused between searches.
  private readonly dist: Float64Array;
  private readonly settled: Uint8Array;
  private readonly cameFrom: Int32Array;
  private readonly via: Int32Array;

  constructor(
    private readonly n: number,
    private readonly m: number,
    private readonly cost: Float64Array,
    private readonly places: Int32Array,
  ) {
    this.assignedTo = new Int32Array(n).fill(-1);
    this.load = new Int32Array(m);
    this.potential = new Float64Array(m);
    this.byCostNext = new Int32Array(m);
    this.moves = new Array(m * m);
    this.topWho = new Int32Array(m * m).fill(-1);
    this.topCost = new Float64Array(m * m).fill(Infinity);
    this.stale = new Uint8Array(m);
    this.dist = new Float64Array(m);
    this.settled = new Uint8Array(m);
    this.cameFrom = new Int32Array(m);
    this.via = new Int32Array(m);
    this.byCost = [];
    for (let w = 0; w < m; w++) {
      const eligible: number[] = [];
      for (let p = 0; p < n; p++) if (cost[p * m + w] !== Infinity) eligible.push(p);
      eligible.sort((a, b) => cost[a * m + w]! - cost[b * m + w]! || a - b);
      this.byCost.push(Int32Array.from(eligible));
    }
  }

  /** Returns, for each participant, the peer worker index or -1. */
  run(): Int32Array {
    while (this.augment());
    return this.assignedTo;
  }

  /** Finds one shortest augmenting path and applies it; false when none is left (maximum count reached). */
  private augment(): boolean {
    const { m, dist, settled, cameFrom, via, potential } = this;

    let sinkDist = Infinity;
    let last = -1;
    // A peer worker with an open place offers the sink a path as soon as it is reached, settled or
    // not: every tentative distance is the length of a real path, and the search below still stops
    // only when no unsettled peer worker is closer than the sink. Most searches end right here.
    const reached = (w: number) => {
      if (this.load[w]! >= this.places[w]!) return;
      const toSink = dist[w]! + potential[w]! - this.sinkPotential;
      if (toSink < sinkDist) {
        sinkDist = toSink;
        last = w;
      }
    };

    // From the source, each peer worker is reached through its cheapest unassigned participant.
    for (let w = 0; w < m; w++) {
      settled[w] = 0;
      cameFrom[w] = -1;
      const p = this.cheapestUnassigned(w);
      via[w] = p;
      dist[w] = p < 0 ? Infinity : this.cost[p * m + w]! - potential[w]!;
      if (p >= 0) reached(w);
    }

    for (;;) {
      let u = -1;
      let du = Infinity;
      for (let w = 0; w < m; w++) {
        if (!settled[w] && dist[w]! < du) {
          du = dist[w]!;
          u = w;
        }
      }
      // The sink is the nearest node left: the shortest path is known.
      if (u < 0 || du >= sinkDist) break;
      settled[u] = 1;
      if (this.stale[u]) this.refreshRow(u);
      const reachU = du + potential[u]!;
      const row = u * m;
      for (let w = 0; w < m; w++) {
        const move = this.topCost[row + w]!;
        if (move === Infinity || settled[w]) continue;
        const d = reachU + move - potential[w]!;
        if (d < dist[w]!) {
          dist[w] = d;
          cameFrom[w] = u;
          via[w] = this.topWho[row + w]!;
          reached(w);
        }
      }
    }
    if (last < 0) return false;

    // New potentials keep every reduced cost ≥ 0 (Johnson); nodes not settled are at least sinkDist away.
    for (let w = 0; w < m; w++) potential[w] = potential[w]! + Math.min(dist[w]!, sinkDist);
    this.sinkPotential += sinkDist;

    // Walk the path back: each participant on it moves to the next peer worker; the first one was waiting.
    this.load[last] = this.load[last]! + 1;
    for (let w = last; w >= 0; w = cameFrom[w]!) this.assign(via[w]!, w);
    return true;
  }

  private cheapestUnassigned(w: number): number {
    const list = this.byCost[w]!;
    let next = this.byCostNext[w]!;
    // Participants never return to waiting once assigned, so the list is only ever consumed from the front.
    while (next < list.length && this.assignedTo[list[next]!]! >= 0) next++;
    this.byCostNext[w] = next;
    return next < list.length ? list[next]! : -1;
  }

  private moveCost(p: number, from: number, to: number): number {
    return this.cost[p * this.m + to]! - this.cost[p * this.m + from]!;
  }

  /** Drops participants who left u from the tops of u's heaps. */
  private refreshRow(u: number): void {
    const { m } = this;
    for (let w = 0; w < m; w++) {
      const heap = this.moves[u * m + w];
      if (!heap) continue;
      while (heap.length > 0 && this.assignedTo[heap[0]!] !== u) this.pop(heap, u, w);
      this.setTop(heap, u, w);
    }
    this.stale[u] = 0;
  }

  private setTop(heap: number[], u: number, w: number): void {
    const key = u * this.m + w;
    const p = heap.length > 0 ? heap[0]! : -1;
    this.topWho[key] = p;
    this.topCost[key] = p < 0 ? Infinity : this.moveCost(p, u, w);
  }

  private assign(p: number, w: number): void {
    const { m, cost } = this;
    const from = this.assignedTo[p]!;
    if (from >= 0) this.stale[from] = 1;
    this.assignedTo[p] = w;
    for (let x = 0; x < m; x++) {
      if (x === w || cost[p * m + x] === Infinity) continue;
      const heap = (this.moves[w * m + x] ??= []);
      this.push(heap, p, w, x);
      this.setTop(heap, w, x);
    }
  }

  // Binary heaps of participant indices, ordered by the cost of moving from u to w, then by index.
  private before(a: number, b: number, u: number, w: number): boolean {
    const ca = this.moveCost(a, u, w);
    const cb = this.moveCost(b, u, w);
    return ca < cb || (ca === cb && a < b);
  }

  private push(heap: number[], p: number, u: number, w: number): void {
    let i = heap.length;
    heap.push(p);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i]!, heap[parent]!, u, w)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(heap: number[], u: number, w: number): void {
    const lastItem = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = lastItem;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && this.before(heap[left]!, heap[smallest]!, u, w)) smallest = left;
      if (right < heap.length && this.before(heap[right]!, heap[smallest]!, u, w)) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }
}
