// The CLI's streaming CSV reader: one home for reading council exports (sample, validate,
// and any later command such as `cld`). Memory stays flat with file size: the file is
// read in 1 MiB chunks, checked (encoding, NUL bytes), parsed by csv-parse's streaming
// parser and handed on row by row.
//
// API (small on purpose):
//   const input = openCsv(path, io, { encoding, progress, label });  // reads the header row
//   input.header      → { headings, line, bom }
//   for (const { line, record } of input) …        // or `for await` — both work
//   input.counts()    → { records, emptyLines, raggedRecords, bytesRead, size }
//   input.close()     (also done when the iteration ends)
// Errors that stop reading throw UnreadableInputError (exit 2), naming the physical line.
//
// Why synchronous reads under an async-iterable face: the library's sampler consumes a
// synchronous iterable in one pass (it never holds the rows), so the rows must arrive
// synchronously to keep memory flat; csv-parse's parser is driven chunk by chunk
// (write, then read what it produced) without waiting on the event loop.
//
// Line numbers: csv-parse's own `info.lines` counts a CRLF inside a quoted cell as two
// lines, so it drifts after multi-line cells (and `info` costs an object per record). The
// physical line is counted here instead: each record spans one line plus the line feeds
// inside its cells, and empty lines come through as records of one empty cell, counted
// and dropped. The line given is where the record starts, as an editor shows it.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Parser } from 'csv-parse';
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
  /** Records whose number of cells differs from the header's (each is reported by the intake). */
  readonly raggedRecords: number;
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
}

/** Chunk size: big enough to amortise the calls, small enough to keep memory flat. */
const CHUNK_BYTES = 1 << 20;
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
  // relax_quotes: a quote inside an unquoted cell (He said "no") is kept as text, as systems write it.
  const parser = new Parser({ bom: true, relax_column_count: true, relax_quotes: true });
  parser.on('error', () => {}); // read synchronously from parser.errored below
  const now = io.now ?? (() => performance.now());
  const showProgress = options.progress ?? io.stderrIsTTY;
  const started = now();
  let lastProgress = Number.NEGATIVE_INFINITY;

  const buffers = [Buffer.allocUnsafeSlow(CHUNK_BYTES), Buffer.allocUnsafeSlow(CHUNK_BYTES)];
  let chunks = 0;
  let bytesRead = 0;
  let lineFeedsBefore = 0; // line feeds in the chunks before the current one (for NUL and encoding errors)
  let eof = false;
  let closed = false;
  let bom = false;
  let nextLine = 1; // physical line where the next record starts
  let emptyLines = 0;
  let records = -1; // the header is record 0
  let yielded = 0; // rows handed on (progress counts these, not rows parsed ahead)
  let ragged = 0;
  let width = 0;
  const pending: CsvRow[] = [];
  let pendingAt = 0;
  let header: CsvHeader | undefined;

  const stop = (message: string): never => {
    close();
    throw new UnreadableInputError(`${name}: ${message}`);
  };

  // Empty lines come through as records of one empty cell (skip_empty_lines is off so that
  // they can be counted): each record spans one line plus the line feeds inside its cells.
  const take = (record: string[]): void => {
    const line = nextLine;
    nextLine++;
    for (let i = 0; i < record.length; i++) {
      const cell = record[i]!;
      if (cell.length > 0 && cell.indexOf('\n') !== -1) nextLine += cell.split('\n').length - 1;
    }
    if (record.length === 1 && record[0] === '') {
      emptyLines++;
      return;
    }
    records++;
    if (records === 0) {
      width = record.length;
      header = { headings: record, line, bom };
      return;
    }
    if (record.length !== width) ragged++;
    pending.push({ line, record });
  };

  const drain = (): void => {
    for (
      let record = parser.read() as string[] | null;
      record !== null;
      record = parser.read() as string[] | null
    )
      take(record);
    const failed = (parser as { errored?: unknown }).errored as Error | null | undefined;
    if (failed)
      stop(
        `not readable as CSV: the record starting on line ${nextLine}: ${failed.message.replace(/ (at|on) line \d+/g, '')}`,
      );
  };

  /** Reads, checks and parses the next chunk; false at the end of the file. */
  const step = (): boolean => {
    if (eof) return false;
    // Two buffers in turn: the parser keeps a reference to the unparsed tail of the chunk
    // before (and copies it when the next arrives), so the one before that is free again.
    const buffer = buffers[chunks++ & 1]!;
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
      parser.end();
      drain();
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
    let fed: Uint8Array;
    if (latin1) {
      fed = Buffer.from(cp1252.decode(chunk, { stream: true }), 'utf8');
    } else {
      if (!utf8Check.push(chunk)) {
        const bad = firstInvalidUtf8(chunk);
        const before = lineFeedsBefore + countLineFeeds(chunk, 0, bad);
        stop(
          `is not UTF-8: line ${before + 1} has byte ${hex(chunk[bad] ?? 0)} (byte ${bytesRead + bad + 1}); if it was saved as Latin-1 or Windows-1252 (e.g. Excel's "CSV" on Windows), give --encoding latin1`,
        );
      }
      fed = chunk;
    }
    bytesRead += n;
    lineFeedsBefore += countLineFeeds(chunk, 0, n);
    parser.write(fed);
    drain();
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
      raggedRecords: ragged,
      bytesRead,
      size: source.size,
    }),
    close,
    [Symbol.iterator]: rows,
    async *[Symbol.asyncIterator]() {
      yield* rows();
    },
  };
}
