/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit PRNG returning floats in [0, 1).
 * The one PRNG of the generators; each says how it seeds the state.
 * @internal
 */
export function mulberry32(state: number): () => number {
  let a = state | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
