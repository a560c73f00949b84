/** A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on every machine. */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A generator of its own for one (seed, entity, purpose): each table can be generated again independently. */
export function rngFor(seed: number, index: number, salt: number): Rng {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(salt + 7, 0x27d4eb2f);
  h ^= h >>> 16;
  return mulberry32(h);
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
export const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/** A deterministic UUID-shaped id: the kind of row, the seed and a counter (unique per kind and seed). */
export function benchId(kind: number, seed: number, n: number): string {
  const k = kind.toString(16).padStart(4, '0');
  const s = (seed >>> 0).toString(16).padStart(8, '0');
  const c = n.toString(16).padStart(12, '0');
  return `${s}-${k}-4000-8000-${c}`;
}
