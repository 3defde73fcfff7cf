import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvSyntaxFailure } from '../../cli/csv-parser.js';

// csv-parse, with the options the CLI used before it had its own parser, is the oracle.
const ORACLE = { bom: true, relax_column_count: true, relax_quotes: true } as const;

interface Parsed {
  readonly records: string[][];
  readonly lines: number[];
  readonly failure: CsvSyntaxFailure | undefined;
  readonly bom: boolean;
}

/** Parses `chunks` (strings or bytes) in order. */
function parseChunks(chunks: readonly (string | Uint8Array)[]): Parsed {
  const records: string[][] = [];
  const lines: number[] = [];
  const parser = new CsvParser((record, line) => {
    records.push(record);
    lines.push(line);
  });
  for (const chunk of chunks) parser.push(chunk);
  const failure = parser.end();
  return { records, lines, failure, bom: parser.bom };
}

/** `text` cut at the given positions (any order, duplicates and out-of-range ones ignored). */
function cut<T extends string | Uint8Array>(text: T, at: readonly number[]): T[] {
  const points = [...new Set(at.filter((i) => i > 0 && i < text.length))].sort((a, b) => a - b);
  const out: T[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p) as T);
    from = p;
  }
  out.push(text.slice(from) as T);
  return out;
}

// Random CSV texts. A cell is written quoted (any text, quotes doubled), bare (no comma, line
// break or leading quote; a quote inside is text), or quoted with text after the closing
// quote (kept as written, csv-parse's relax_quotes). Each text uses one line end throughout.
const cellText = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\r', '\n', 'é', '€', '😀', '\t', '0'),
  maxLength: 8,
});
const bareText = cellText.map((s) => s.replace(/[,\r\n]/g, '').replace(/^"+/, ''));
const written = fc.oneof(
  cellText.map((s) => `"${s.replace(/"/g, '""')}"`),
  bareText,
  fc
    .tuple(
      cellText,
      bareText.filter((t) => t.length > 0 && !t.startsWith('"')),
    )
    .map(([s, t]) => `"${s.replace(/"/g, '""')}"${t}`),
);
const csvText = fc.record({
  records: fc.array(fc.array(written, { minLength: 1, maxLength: 5 }), { maxLength: 12 }),
  eol: fc.constantFrom('\r\n', '\n', '\r'),
  finalEol: fc.boolean(),
  bom: fc.boolean(),
});

/** Physical line breaks (CRLF, LF or a lone CR) in `text`. */
const breaksIn = (text: string): number => text.match(/\r\n|\r|\n/g)?.length ?? 0;

describe('CsvParser against csv-parse (the oracle)', () => {
  it('gives csv-parse’s records, and each record’s physical line, for any chunking of bytes or text', () => {
    fc.assert(
      fc.property(
        csvText,
        fc.array(fc.nat({ max: 200 }), { maxLength: 12 }),
        fc.boolean(),
        ({ records, eol, finalEol, bom }, cuts, asBytes) => {
          const lines = records.map((r) => r.join(','));
          const text =
            (bom ? '\ufeff' : '') + lines.join(eol) + (finalEol && lines.length > 0 ? eol : '');
          const expected = parse(text, ORACLE) as string[][];
          // Where each written record starts, counted from what was written; a last record that
          // is an empty line with no line end after it is no record at all.
          const starts: number[] = [];
          let line = 1;
          for (const l of lines) {
            starts.push(line);
            line += 1 + breaksIn(l);
          }
          if (!finalEol && lines.at(-1) === '') starts.pop();
          const chunks = asBytes
            ? cut(new Uint8Array(Buffer.from(text, 'utf8')), cuts)
            : cut(text, cuts);
          const got = parseChunks(chunks);
          expect(got.failure).toBeUndefined();
          expect(got.records).toEqual(expected);
          expect(got.lines).toEqual(starts);
          expect(got.bom).toBe(bom);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('fails on a quote never closed, as csv-parse does, naming the line where its record starts', () => {
    fc.assert(
      fc.property(
        csvText,
        cellText,
        fc.array(fc.nat({ max: 200 }), { maxLength: 6 }),
        ({ records, eol }, open, cuts) => {
          const lines = records.map((r) => r.join(','));
          // The records, then a record whose last cell opens a quote that is never closed.
          const before = lines.map((l) => l + eol).join('');
          const text = `${before}x,"${open.replace(/"/g, '""')}`;
          expect(() => parse(text, ORACLE)).toThrow(/Quote Not Closed/);
          const got = parseChunks(cut(text, cuts));
          const line = 1 + lines.reduce((n, l) => n + 1 + breaksIn(l), 0);
          expect(got.failure).toMatchObject({ code: 'quote-not-closed', line });
          expect(got.records).toEqual(parse(before, ORACLE));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('CsvParser: cases written by hand (expected records read off the text)', () => {
  const one = (text: string) => parseChunks([text]);

  it.each([
    [
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      [1, 2],
    ],
    [
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      [1, 2],
    ], // no line end after the last record
    ['a\rb\r', [['a'], ['b']], [1, 2]], // old Mac line ends
    ['"x, y",2\n', [['x, y', '2']], [1]],
    ['"say ""hi""",3\n', [['say "hi"', '3']], [1]],
    ['"two\r\nlines",z\r\nnext\r\n', [['two\r\nlines', 'z'], ['next']], [1, 3]], // record 2 on line 3
    ['a\n\nb\n', [['a'], [''], ['b']], [1, 2, 3]], // an empty line is a record of one empty cell
    [',,\n', [['', '', '']], [1]], // a row of commas is a record
    ['He said "no",1\n', [['He said "no"', '1']], [1]], // a quote inside a bare cell is text
    ['"a"b,c\n', [['"a"b', 'c']], [1]], // text after the closing quote: kept as written
    ['""\n', [['']], [1]],
    ['\ufeffid\n1\n', [['id'], ['1']], [1, 2]],
    ['', [], []],
  ])('%j', (text, records, lines) => {
    const got = one(text);
    expect(got.records).toEqual(records);
    expect(got.lines).toEqual(lines);
    expect(got.failure).toBeUndefined();
    expect(parse(text, ORACLE)).toEqual(records); // the oracle agrees
  });

  it('ends a record at any of CRLF, LF and CR in one file (csv-parse keeps to the first it saw)', () => {
    const text = 'a\r\nb\nc\rd';
    expect(one(text).records).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(one(text).lines).toEqual([1, 2, 3, 4]);
    expect(parse(text, ORACLE)).toEqual([['a'], ['b\nc\rd']]); // the deliberate difference
  });

  it('waits for the LF after a CR at the end of a chunk (no empty line made up)', () => {
    const got = parseChunks(['a,b\r', '\nc,d\r', '\n']);
    expect(got.records).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(got.lines).toEqual([1, 2]);
  });

  it('waits for the character after a closing quote at the end of a chunk (a doubled quote?)', () => {
    const got = parseChunks(['"a"', '"b",c\n']);
    expect(got.records).toEqual([['a"b', 'c']]);
  });

  it('reads UTF-8 bytes cut inside a character and inside the byte-order mark', () => {
    const bytes = new Uint8Array(Buffer.from('\ufeffnom,ville\nZoë,Besançon 😀\n', 'utf8'));
    const chunks = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)); // one byte at a time
    const got = parseChunks(chunks);
    expect(got.bom).toBe(true);
    expect(got.records).toEqual([
      ['nom', 'ville'],
      ['Zoë', 'Besançon 😀'],
    ]);
  });

  it('names the line where the record with the open quote starts, after multi-line cells', () => {
    // Lines: 1 `id,note`, 2–3 the record with a two-line note, 4 blank, 5 the open quote.
    const got = one('id,note\n1,"two\nlines"\n\n2,"never closed\nmore\n');
    expect(got.records).toEqual([['id', 'note'], ['1', 'two\nlines'], ['']]);
    expect(got.failure).toEqual({
      code: 'quote-not-closed',
      line: 5,
      message: 'Quote Not Closed: a quoted cell is never closed (the text ends inside it)',
    });
  });

  it('hands over ragged records as they are (the reader counts them)', () => {
    expect(one('a,b,c\n1,2\n1,2,3,4\n').records).toEqual([
      ['a', 'b', 'c'],
      ['1', '2'],
      ['1', '2', '3', '4'],
    ]);
  });
});
