// The CLI's streaming CSV reader: one home for reading council exports (sample, validate,
// and any later command such as `cld`). Memory stays flat with file size: the file is
// read in 256 KiB chunks, checked (encoding, NUL bytes), parsed by our streaming parser
// (`csv-parser.ts`) and handed on row by row.
//
// API (small on purpose):
//   const input = openCsv(path, io, { encoding, progress, label });  // reads the header row
//   input.header      → { headings, line, bom }
//   for (const { line, record } of input) …        // or `for await` — both work
//   input.counts()    → { records, emptyLines, bytesRead, size }
//   input.close()     (also done when the iteration ends)
//   input.failure     → the UnreadableInputError that stopped reading, if any
// Errors that stop reading throw UnreadableInputError (exit 2), naming the physical line,
// and stay in `input.failure`: a consumer that turns a throwing iterator into its own
// result (the library's sampler does) checks `failure` afterwards (`throwIfUnreadable`).
//
// Why synchronous reads under an async-iterable face: the library's sampler consumes a
// synchronous iterable in one pass (it never holds the rows), so the rows must arrive
// synchronously to keep memory flat; the parser is fed chunk by chunk and hands over the
// records each chunk completes, without waiting on the event loop.
//
// Line numbers: the parser gives the physical line where each record starts (line breaks
// inside quoted cells counted), as an editor shows it. Empty lines come through as records
// of one empty cell, counted and dropped.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CsvParser } from './csv-parser.js';
import { UnreadableInputError, type ByteSource, type CliIo } from './io.js';

/**
 * One data row: its cells as written (not trimmed), at the physical line where it starts.
 * @public (for commands that read rows, e.g. a later `cld`)
 */
export interface CsvRow {
  /** 1-based physical line where the record starts. */
  readonly line: number;
  /** The cells, in column order. */
  readonly record: readonly string[];
}

/**
 * The header row.
 * @public (for commands that read rows, e.g. a later `cld`)
 */
export interface CsvHeader {
  readonly headings: readonly string[];
  /** Physical line of the header (1 unless blank lines precede it). */
  readonly line: number;
  /** Whether the file starts with a UTF-8 byte-order mark (dropped). */
  readonly bom: boolean;
}

/** What has been read so far (complete once the iteration ends). */
export interface CsvCounts {
  /** Data records parsed (not counting the header; blank lines are not records). */
  readonly records: number;
  /** Empty lines skipped by the parser. */
  readonly emptyLines: number;
  /** Bytes read from the file. */
  readonly bytesRead: number;
  /** The file's size in bytes, when known (not for a pipe). */
  readonly size: number | undefined;
}

/** Options of {@link openCsv}. */
export interface CsvOptions {
  /** Text encoding. `latin1` reads the file as Windows-1252 (Latin-1 and Excel's "ANSI"). Default `utf8`. */
  readonly encoding?: 'utf8' | 'latin1';
  /** Show progress on stderr (rows/s, ETA when the size is known). Default: when stderr is a terminal. */
  readonly progress?: boolean;
}

/** An open CSV file: its header, then its rows (sync or async iteration, once). */
export interface CsvInput extends Iterable<CsvRow>, AsyncIterable<CsvRow> {
  readonly header: CsvHeader;
  counts(): CsvCounts;
  close(): void;
  /** The error that stopped reading (also thrown by the iteration), if any. */
  readonly failure: UnreadableInputError | undefined;
}

/**
 * Throws the error that stopped `input` being read, if any: for a consumer that turned the
 * iteration's error into a result of its own (e.g. the sampler's `input-unreadable`).
 */
export function throwIfUnreadable(input: CsvInput): void {
  if (input.failure !== undefined) throw input.failure;
}

/**
 * Chunk size: big enough to amortise the calls, small enough to keep memory flat. The rows
 * of a chunk wait together for the consumer, so smaller chunks keep fewer of them alive
 * through a garbage collection: 256 KiB peaked at about 215 MB on a 1M-row file where
 * 1 MiB peaked at about 295 MB, for the same CPU time (measured 2026-12-03).
 */
const CHUNK_BYTES = 1 << 18;
/** Files at least this big show progress from the first row; smaller ones after a second. */
const LONG_INPUT_BYTES = 16 << 20;

function fileSource(path: string): ByteSource {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new UnreadableInputError(
      `${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  const stat = fstatSync(fd);
  if (stat.isDirectory()) {
    closeSync(fd);
    throw new UnreadableInputError(`${path}: is a directory, not a file`);
  }
  return {
    size: stat.isFile() ? stat.size : undefined,
    read: (buffer) => readSync(fd, buffer, 0, buffer.length, null),
    close: () => closeSync(fd),
  };
}

/** Offset of the first byte that breaks UTF-8 in `bytes` (which is known to hold one). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return i; // cut off at the end of the file
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/**
 * Checks UTF-8 chunk by chunk without decoding (no string per chunk): a character cut at
 * the end of a chunk is carried over to the next. Returns false at the first invalid byte.
 */
class Utf8Check {
  private carry: Uint8Array = new Uint8Array(0);

  /** Whether `bytes` continues valid UTF-8. */
  push(bytes: Uint8Array): boolean {
    let start = 0;
    if (this.carry.length > 0) {
      const need = sequenceLength(this.carry[0]!) - this.carry.length;
      const head = new Uint8Array(this.carry.length + Math.min(need, bytes.length));
      head.set(this.carry);
      head.set(bytes.subarray(0, need), this.carry.length);
      if (head.length < this.carry.length + need) {
        this.carry = head; // still cut (a tiny chunk)
        return true;
      }
      if (!isUtf8(head)) return false;
      start = need;
      this.carry = new Uint8Array(0);
    }
    const cut = incompleteTail(bytes, start);
    if (!isUtf8(bytes.subarray(start, cut))) return false;
    this.carry = bytes.slice(cut);
    return true;
  }

  /** Whether the input ended cleanly (no character cut off at the end). */
  end(): boolean {
    return this.carry.length === 0;
  }
}

const sequenceLength = (lead: number): number =>
  lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;

/** Where a multi-byte character cut off at the end of `bytes` starts (its length if none). */
function incompleteTail(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  for (let k = 1; k <= 3 && n - k >= from; k++) {
    const b = bytes[n - k]!;
    if ((b & 0xc0) === 0x80) continue;
    return b >= 0xc0 && sequenceLength(b) > k ? n - k : n;
  }
  return n;
}

function countLineFeeds(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10, from); i !== -1 && i < to; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

const hex = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Opens a CSV file (or `-` for standard input) and reads its header row. Throws
 * {@link UnreadableInputError} (exit 2) when the file cannot be read, is not UTF-8 (unless
 * `encoding: 'latin1'`), holds a NUL byte, or is not CSV; each message names the line.
 */
export function openCsv(path: string, io: CliIo, options: CsvOptions = {}): CsvInput {
  let source: ByteSource;
  if (path === '-') {
    if (io.stdinSource === undefined)
      throw new UnreadableInputError('standard input cannot be read here');
    source = io.stdinSource();
  } else {
    source = fileSource(path);
  }
  const latin1 = options.encoding === 'latin1';
  const name = path === '-' ? 'standard input' : path;
  const utf8Check = new Utf8Check();
  const cp1252 = new TextDecoder('windows-1252');
  const now = io.now ?? (() => performance.now());
  const showProgress = options.progress ?? io.stderrIsTTY;
  const started = now();
  let lastProgress = Number.NEGATIVE_INFINITY;

  // One buffer, reused: the parser decodes each chunk to text before the next read.
  const buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  let bytesRead = 0;
  let lineFeedsBefore = 0; // line feeds in the chunks before the current one (for NUL and encoding errors)
  let eof = false;
  let closed = false;
  let bom = false;
  let emptyLines = 0;
  let records = -1; // the header is record 0
  let yielded = 0; // rows handed on (progress counts these, not rows parsed ahead)
  const pending: CsvRow[] = [];
  let pendingAt = 0;
  let header: CsvHeader | undefined;
  let failure: UnreadableInputError | undefined;

  const stop = (message: string): never => {
    close();
    failure = new UnreadableInputError(`${name}: ${message}`);
    throw failure;
  };

  // Empty lines come through as records of one empty cell, counted here and dropped.
  const take = (record: string[], line: number): void => {
    if (record.length === 1 && record[0] === '') {
      emptyLines++;
      return;
    }
    records++;
    if (records === 0) {
      header = { headings: record, line, bom };
      return;
    }
    pending.push({ line, record });
  };
  const parser = new CsvParser(take);

  /** Reads, checks and parses the next chunk; false at the end of the file. */
  const step = (): boolean => {
    if (eof) return false;
    let n: number;
    try {
      n = source.read(buffer);
    } catch (error) {
      return stop(`cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (n === 0) {
      eof = true;
      if (!latin1) {
        if (!utf8Check.end())
          stop(
            `is not UTF-8: the file ends inside a multi-byte character; if it was saved as Latin-1 or Windows-1252, give --encoding latin1`,
          );
      }
      const failed = parser.end();
      if (failed !== undefined)
        stop(`not readable as CSV: the record starting on line ${failed.line}: ${failed.message}`);
      return false;
    }
    const chunk = buffer.subarray(0, n);
    if (bytesRead === 0) {
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
        stop('is UTF-16 text; save it as "CSV UTF-8" (or plain CSV) and try again');
      bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
    }
    const nul = chunk.indexOf(0);
    if (nul !== -1) {
      // Line of the NUL: line feeds before this chunk (as fed) plus those in the chunk before it.
      const before = lineFeedsBefore + countLineFeeds(chunk, 0, nul);
      stop(
        `line ${before + 1} holds a NUL byte (byte ${bytesRead + nul + 1}): this is not a text CSV file, or it is damaged`,
      );
    }
    if (latin1) {
      parser.push(cp1252.decode(chunk, { stream: true }));
    } else {
      if (!utf8Check.push(chunk)) {
        const bad = firstInvalidUtf8(chunk);
        const before = lineFeedsBefore + countLineFeeds(chunk, 0, bad);
        stop(
          `is not UTF-8: line ${before + 1} has byte ${hex(chunk[bad] ?? 0)} (byte ${bytesRead + bad + 1}); if it was saved as Latin-1 or Windows-1252 (e.g. Excel's "CSV" on Windows), give --encoding latin1`,
        );
      }
      parser.push(chunk);
    }
    bytesRead += n;
    lineFeedsBefore += countLineFeeds(chunk, 0, n);
    return true;
  };

  const progress = (force: boolean): void => {
    if (!showProgress) return;
    const t = now();
    const long = source.size === undefined || source.size >= LONG_INPUT_BYTES;
    if (!force && (t - lastProgress < 500 || (!long && t - started < 1000))) return;
    lastProgress = t;
    const seconds = Math.max((t - started) / 1000, 1e-3);
    const rate = Math.round(yielded / seconds);
    let text = `\rreading ${name}: ${yielded.toLocaleString('en-GB')} row${yielded === 1 ? '' : 's'}, ${rate.toLocaleString('en-GB')} rows/s`;
    if (source.size !== undefined && source.size > 0) {
      const share = bytesRead / source.size;
      const left = share > 0 ? (seconds * (1 - share)) / share : undefined;
      text += `, ${Math.floor(share * 100)}%${left !== undefined ? `, about ${Math.ceil(left)} s left` : ''}`;
    }
    io.stderr(`${text}\x1b[K`);
  };

  const close = (): void => {
    if (closed) return;
    closed = true;
    if (showProgress && lastProgress > Number.NEGATIVE_INFINITY) io.stderr('\r\x1b[K');
    source.close();
  };

  while (header === undefined && step());
  if (header === undefined) stop('is empty: no header row');
  let iterated = false;

  function* rows(): Generator<CsvRow, void, undefined> {
    if (iterated) throw new Error('a CSV input can be iterated once');
    iterated = true;
    try {
      let first = true;
      for (;;) {
        while (pendingAt < pending.length) {
          const row = pending[pendingAt++]!;
          yielded++;
          if (first || (yielded & 4095) === 0) {
            progress(first && source.size !== undefined && source.size >= LONG_INPUT_BYTES);
            first = false;
          }
          yield row;
        }
        pending.length = 0;
        pendingAt = 0;
        if (!step()) break;
      }
      for (; pendingAt < pending.length; pendingAt++, yielded++) yield pending[pendingAt]!;
    } finally {
      close();
    }
  }

  return {
    header: header!,
    counts: () => ({
      records: Math.max(records, 0),
      emptyLines,
      bytesRead,
      size: source.size,
    }),
    close,
    get failure() {
      return failure;
    },
    [Symbol.iterator]: rows,
    async *[Symbol.asyncIterator]() {
      yield* rows();
    },
  };
}
