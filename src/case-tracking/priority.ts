// The selection priority of a case: a documented, portable hash of the seed and the case id.
// Written so that the seed's bytes are hashed once per selection, then each id continues
// from that state (the hot loop touches only the id's bytes).

/**
 * cyrb53 state after hashing a byte prefix: `[h1, h2]` as signed 32-bit integers.
 * @internal
 */
export type HashState = readonly [number, number];

/**
 * Feeds the UTF-8 bytes of `text` into the cyrb53 state `[h1, h2]` (updated in place).
 * Lone surrogates are encoded as U+FFFD (as `TextEncoder` does).
 */
function feedUtf8(state: [number, number], text: string): void {
  let h1 = state[0];
  let h2 = state[1];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    const bytes =
      c < 0x800
        ? [0xc0 | (c >> 6), 0x80 | (c & 63)]
        : c < 0x10000
          ? [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
          : [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
    for (const b of bytes) {
      h1 = Math.imul(h1 ^ b, 2654435761);
      h2 = Math.imul(h2 ^ b, 1597334677);
    }
  }
  state[0] = h1;
  state[1] = h2;
}

/** The cyrb53 state after the seed's UTF-8 bytes and one 0x00 separator byte. @internal */
export function seedState(seed: string): HashState {
  const state: [number, number] = [0xdeadbeef | 0, 0x41c6ce57];
  feedUtf8(state, seed);
  state[0] = Math.imul(state[0] ^ 0, 2654435761);
  state[1] = Math.imul(state[1] ^ 0, 1597334677);
  return state;
}

/**
 * The priority of `id` (see {@link casePriority}) from a seed state. Small, and returning
 * a plain number, so that the reading loops inline it (a call that is not inlined would box
 * the number).
 * @internal
 */
export function idPriority(state: HashState, id: string): number {
  let h1 = state[0];
  let h2 = state[1];
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c >= 0x80) return utf8Priority(h1, h2, id.slice(i)); // rare: encode the rest as UTF-8
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return mix(h1, h2);
}

function utf8Priority(h1: number, h2: number, rest: string): number {
  const state: [number, number] = [h1, h2];
  feedUtf8(state, rest);
  return mix(state[0], state[1]);
}

/**
 * {@link idPriority} of an id already encoded as UTF-8: `bytes[start, end)`. A prepared
 * population keeps its ids this way, so a draw reads one dense buffer.
 * @internal
 */
export function bytesPriority(
  state: HashState,
  bytes: Uint8Array,
  start: number,
  end: number,
): number {
  let h1 = state[0];
  let h2 = state[1];
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  }
  return mix(h1, h2);
}

/** cyrb53's final mix and its 53-bit result `(h2 & 0x1fffff) · 2^32 + (h1 >>> 0)`. */
function mix(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The selection priority of a case: **cyrb53** (bryc, 2018, public domain; seed argument 0)
 * over the UTF-8 bytes of `seed`, one `0x00` byte, and `id` — a whole number in
 * [0, 2^53). Lower priority is selected first; ties (vanishingly rare) are broken by
 * comparing ids as JavaScript strings (UTF-16 code units). Re-implement it from
 * docs/case-tracking.md; golden vectors are pinned in the tests.
 *
 * Per byte `b`: `h1 = imul(h1 ^ b, 2654435761)`, `h2 = imul(h2 ^ b, 1597334677)`, starting
 * from `h1 = 0xdeadbeef`, `h2 = 0x41c6ce57`; then `h1 = imul(h1 ^ (h1 >>> 16), 2246822507)`,
 * `h1 ^= imul(h2 ^ (h2 >>> 13), 3266489909)`, `h2 = imul(h2 ^ (h2 >>> 16), 2246822507)`,
 * `h2 ^= imul(h1 ^ (h1 >>> 13), 3266489909)`; result `(h2 & 0x1fffff) * 2^32 + (h1 >>> 0)`.
 * (`imul` is 32-bit wrap-around multiplication.)
 *
 * @example
 * ```ts
 * import { casePriority } from 'la-assurance/case-tracking';
 *
 * casePriority('2024-pilot', 'C-000001'); // 5764531855835779 (the same on every platform)
 * ```
 */
export function casePriority(seed: string, id: string): number {
  return idPriority(seedState(seed), id);
}
