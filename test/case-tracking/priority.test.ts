// casePriority and its fast paths (seedState, idPriority, bytesPriority) against a plain
// re-implementation of the documented algorithm: cyrb53 (bryc, 2018) over the UTF-8 bytes
// of `seed`, one 0x00 byte and `id`, with the bytes from the platform's TextEncoder (which
// writes a lone surrogate as U+FFFD). The reference shares no code with src/: it encodes
// the whole text first, then hashes byte by byte, exactly as the TSDoc of casePriority says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casePriority } from '../../src/case-tracking/index.js';
import { bytesPriority, idPriority, seedState } from '../../src/case-tracking/priority.js';

function referenceHash(bytes: Uint8Array): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const b of bytes) {
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const reference = (seed: string, id: string) => referenceHash(utf8(`${seed}\u0000${id}`));

/** bryc's published cyrb53 (char codes, seed argument 0): the same bytes for ASCII text. */
function publishedCyrb53(text: string): number {
  let h1 = 0xdeadbeef ^ 0;
  let h2 = 0x41c6ce57 ^ 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// Each boundary of the UTF-8 encoder: the last 1-, 2- and 3-byte code points and the first
// of the next width, a surrogate pair, lone surrogates (high at the end, high before a
// non-surrogate, high before a high, low alone) and the surrogate-range edges.
const EDGES = [
  '',
  'A',
  '\u007f',
  '\u0080',
  'é',
  '\u07ff',
  '\u0800',
  '\ud7ff',
  '\ue000',
  '\uffff',
  '😀',
  '\u{10000}',
  '\u{10ffff}',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ud800x',
  '\udbffA',
  '\ud800\ud800',
  '\ud800\udbff',
  '\ud800\udc00',
  '\udbff\udfff',
  '\ud800\ue000',
  'x\udc00y',
  'Zoë-ø',
  'C-0000001😀é',
];

describe('casePriority = cyrb53 over UTF-8(seed) · 0x00 · UTF-8(id)', () => {
  it('equals bryc’s published cyrb53 of `seed + "\\0" + id` for ASCII text', () => {
    for (const [seed, id] of [
      ['', ''],
      ['2024-pilot', 'C-0000001'],
      ['golden', 'A'],
      ['Anyshire 2025-01', 'C-9999999'],
    ] as const) {
      expect(casePriority(seed, id)).toBe(publishedCyrb53(`${seed}\u0000${id}`));
    }
  });

  it('agrees with the UTF-8 reference at every encoder boundary, in the seed and in the id', () => {
    for (const edge of EDGES) {
      for (const [seed, id] of [
        [edge, 'C-1'],
        ['seed', edge],
        [edge, edge],
        [`s${edge}s`, `C-${edge}-1`],
      ] as const) {
        expect(casePriority(seed, id), JSON.stringify([seed, id])).toBe(reference(seed, id));
      }
    }
  });

  it('agrees with the UTF-8 reference on arbitrary text, lone surrogates included', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(text, text, (seed, id) => {
        expect(casePriority(seed, id)).toBe(reference(seed, id));
      }),
      { numRuns: 150 },
    );
  });

  it('writes each lone surrogate as U+FFFD (EF BF BD), as TextEncoder does', () => {
    for (const lone of ['\ud800', '\udfff', '\ud800x', 'x\udc00']) {
      expect(casePriority('s', lone)).toBe(
        casePriority('s', lone.replace(/[\ud800-\udfff]/u, '\ufffd')),
      );
    }
    // A valid pair is one 4-byte code point, not two replacement characters.
    expect(casePriority('s', '😀')).not.toBe(casePriority('s', '\ufffd\ufffd'));
  });

  it('is a whole number in [0, 2^53)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (seed, id) => {
        const p = casePriority(seed, id);
        expect(Number.isSafeInteger(p) && p >= 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the fast paths give casePriority', () => {
  it('seedState then idPriority, for any id (ASCII and not)', () => {
    for (const edge of EDGES) {
      const state = seedState(`seed${edge}`);
      for (const id of [edge, `C-${edge}`, `C-1${edge}x`]) {
        expect(idPriority(state, id)).toBe(reference(`seed${edge}`, id));
      }
    }
  });

  it('seedState leaves no trace between ids (the state is not changed by use)', () => {
    const state = seedState('2024-pilot');
    const first = idPriority(state, 'C-é1');
    idPriority(state, 'C-0000002');
    expect(idPriority(state, 'C-é1')).toBe(first);
    expect(state).toEqual(seedState('2024-pilot'));
  });

  it('bytesPriority reads exactly bytes[start, end) of a shared buffer', () => {
    const ids = ['C-1', 'Zoë', '😀-2', '', 'x'];
    const encoded = ids.map(utf8);
    const buffer = new Uint8Array(encoded.reduce((n, b) => n + b.length, 0) + 2);
    buffer[0] = 0x41; // a byte before the first id and after the last, never read
    let at = 1;
    const state = seedState('golden');
    const spans: [number, number][] = [];
    for (const bytes of encoded) {
      buffer.set(bytes, at);
      spans.push([at, at + bytes.length]);
      at += bytes.length;
    }
    buffer[at] = 0x42;
    ids.forEach((id, i) => {
      const [start, end] = spans[i]!;
      expect(bytesPriority(state, buffer, start, end), id).toBe(reference('golden', id));
    });
  });
});
