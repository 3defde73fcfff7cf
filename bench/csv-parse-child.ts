// One CSV parser timed alone in a fresh process, for bench/intake.bench.ts:
// `tsx bench/csv-parse-child.ts <csv-parse|ours> <file>` reads the file into memory, parses
// its bytes in the CLI's 256 KiB chunks, counting the records without keeping them, and prints
// one JSON line: the CPU time of the parse (ms) and the records counted. A fresh process
// keeps the bench's own heap (the rows it holds for the library call) out of the parser's
// garbage collection.
import { readFileSync } from 'node:fs';
import { Parser } from 'csv-parse';
import { CsvParser } from '../cli/csv-parser.js';

/** What the child prints (one JSON line). */
export interface ParserAloneResult {
  /** CPU time of the parse alone (ms). */
  readonly cpuMs: number;
  /** Records counted (empty lines included, as records of one empty cell). */
  readonly records: number;
}

/** The CLI's chunk size (cli/csv-stream.ts). */
const CHUNK_BYTES = 1 << 18;

/** csv-parse's streaming parser, with the options the CLI used before it had its own. */
function csvParse(bytes: Buffer): number {
  const parser = new Parser({ bom: true, relax_column_count: true, relax_quotes: true });
  let n = 0;
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) {
    parser.write(bytes.subarray(i, i + CHUNK_BYTES));
    while (parser.read() !== null) n++;
  }
  parser.end();
  while (parser.read() !== null) n++;
  return n;
}

/** Our parser (cli/csv-parser.ts). */
function ours(bytes: Buffer): number {
  let n = 0;
  const parser = new CsvParser(() => {
    n++;
  });
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES)
    parser.push(bytes.subarray(i, i + CHUNK_BYTES));
  if (parser.end() !== undefined) throw new Error('our parser failed on the bench file');
  return n;
}

const [which, file] = process.argv.slice(2);
if (file === undefined || (which !== 'csv-parse' && which !== 'ours'))
  throw new Error('usage: tsx bench/csv-parse-child.ts <csv-parse|ours> <file>');
const bytes = readFileSync(file);
const c0 = process.cpuUsage();
const records = (which === 'ours' ? ours : csvParse)(bytes);
const c = process.cpuUsage(c0);
const result: ParserAloneResult = { cpuMs: (c.user + c.system) / 1000, records };
console.log(JSON.stringify(result));
