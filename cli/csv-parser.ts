// A streaming CSV parser (RFC 4180, as councils' systems and Excel write it): text arrives
// in chunks of any size (strings, or UTF-8 bytes cut anywhere, even inside a character or
// between the CR and LF of a line end) and each record is handed on with the physical line
// where it starts. No I/O: `csv-stream.ts` reads the file and checks its bytes.
//
// What it reads (the same records as csv-parse with `bom: true, relax_column_count: true,
// relax_quotes: true`, which the tests check on random texts):
// - cells separated by commas, records ended by CRLF, LF or a lone CR;
// - a cell that starts with `"` is quoted: it runs to the next `"` not doubled, `""` inside
//   it is one `"`, and commas and line breaks inside it are text;
// - a `"` inside an unquoted cell is text (He said "no"); text after a closing quote
//   (`"a"b`) keeps the cell as written, quotes and all (csv-parse's relax_quotes);
// - a UTF-8 byte-order mark at the very start is dropped;
// - an empty line is a record of one empty cell (the reader counts and drops it);
// - the last record needs no line break;
// - a quoted cell still open at the end of the text is a failure naming the line where its
//   record starts.
// One deliberate difference: csv-parse takes the first line end it sees as the only record
// delimiter for the whole file; here any of CRLF, LF and CR ends a record, as an editor shows
// lines, so a file with mixed line ends still reads one record per line.
//
// Speed: the text is scanned with indexOf (the positions of the next comma, quote, LF and CR
// are cached and only moved forward, so each is found once); a line without quotes is one
// slice and one split; a quoted cell is one slice unless it holds doubled quotes. Nothing is
// built character by character.
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';

/** A text that is not CSV: where and why. */
export interface CsvSyntaxFailure {
  readonly code: 'quote-not-closed';
  /** Physical line (1-based) where the record holding the open quote starts. */
  readonly line: number;
  readonly message: string;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * `text`, stored one byte a character when all its characters allow it. A string holding one
 * character above U+00FF is stored two bytes a character, and so is any string made from
 * it: without this, one such character (or the byte-order mark) in the tail carried to the
 * next chunk would make every later chunk two bytes a character (twice the memory, slower
 * searches).
 */
function oneByte(text: string): string {
  return /[^\u0000-\u00ff]/.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}

/**
 * Parses CSV text pushed in chunks; calls `onRecord` with each record's cells and the
 * physical line where it starts, as soon as the record is complete.
 */
export class CsvParser {
  private readonly onRecord: (record: string[], line: number) => void;
  private decoder: StringDecoder | undefined;
  private rest = '';
  private started = false;
  private line = 1;
  private hasBom = false;

  constructor(onRecord: (record: string[], line: number) => void) {
    this.onRecord = onRecord;
  }

  /** Whether the text started with a byte-order mark (dropped). */
  get bom(): boolean {
    return this.hasBom;
  }

  /** Parses the next chunk: decoded text, or UTF-8 bytes (a character may be cut at either end). */
  push(chunk: string | Uint8Array): void {
    let text: string;
    if (typeof chunk === 'string') {
      text = chunk;
    } else {
      this.decoder ??= new StringDecoder('utf8');
      let bytes = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (!this.started && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        // The byte-order mark dropped as bytes, so that the text can stay one byte a character.
        this.started = true;
        this.hasBom = true;
        bytes = bytes.subarray(3);
      }
      // ASCII (most exports) is copied byte for byte, several times faster than decoding,
      // unless the decoder holds the start of a character cut at the end of the chunk before
      // (`lastNeed`: the bytes it still waits for).
      text =
        (this.decoder as unknown as { lastNeed: number }).lastNeed === 0 && isAscii(bytes)
          ? bytes.toString('latin1')
          : this.decoder.write(bytes);
    }
    this.parse(text, false);
  }

  /** Ends the text: parses what is left; a failure when a quoted cell is never closed. */
  end(): CsvSyntaxFailure | undefined {
    const tail = this.decoder?.end() ?? '';
    return this.parse(tail, true);
  }

  private parse(chunk: string, final: boolean): CsvSyntaxFailure | undefined {
    let text = this.rest.length > 0 ? this.rest + chunk : chunk;
    this.rest = '';
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) {
        this.hasBom = true;
        text = text.slice(1);
      }
    }
    const n = text.length;
    // Cached positions of the next comma, quote, LF and CR (n when there is none); each is
    // searched again only once the parse has passed it.
    let commaAt = -1;
    let quoteAt = -1;
    let lfAt = -1;
    let crAt = -1;
    const nextComma = (p: number): number => {
      if (commaAt < p) {
        commaAt = text.indexOf(',', p);
        if (commaAt === -1) commaAt = n;
      }
      return commaAt;
    };
    const nextQuote = (p: number): number => {
      if (quoteAt < p) {
        quoteAt = text.indexOf('"', p);
        if (quoteAt === -1) quoteAt = n;
      }
      return quoteAt;
    };
    const nextLf = (p: number): number => {
      if (lfAt < p) {
        lfAt = text.indexOf('\n', p);
        if (lfAt === -1) lfAt = n;
      }
      return lfAt;
    };
    const nextCr = (p: number): number => {
      if (crAt < p) {
        crAt = text.indexOf('\r', p);
        if (crAt === -1) crAt = n;
      }
      return crAt;
    };
    const lineEnd = (p: number): number => Math.min(nextLf(p), nextCr(p));
    /** Where the record continues after the line end at `e` (-1: wait for the next chunk). */
    const afterLineEnd = (e: number): number => {
      if (e === n) return n; // the last record, without a line break (final only)
      if (text.charCodeAt(e) === LF) return e + 1;
      if (e + 1 === n) return final ? n : -1; // a CR at the end: is an LF next?
      return text.charCodeAt(e + 1) === LF ? e + 2 : e + 1;
    };

    let pos = 0;
    while (pos < n) {
      const start = pos;
      const line = this.line;
      let eol = lineEnd(pos);
      if (eol === n && !final) break; // the record may go on in the next chunk
      // The common case: a line without quotes is one record.
      if (nextQuote(pos) >= eol) {
        const next = afterLineEnd(eol);
        if (next === -1) break;
        this.line++;
        pos = next;
        this.onRecord(text.slice(start, eol).split(','), line);
        continue;
      }
      // A record with quotes: cell by cell.
      const record: string[] = [];
      let breaks = 0; // line breaks inside quoted cells
      let p = pos;
      let next = -1; // where the next record starts, once this one is complete
      for (;;) {
        if (p < n && text.charCodeAt(p) === QUOTE) {
          // A quoted cell: to the next quote that is not doubled.
          let value = '';
          let from = p + 1;
          let q: number;
          for (;;) {
            q = nextQuote(from);
            if (q === n || (q + 1 === n && !final)) break; // not closed (yet)
            if (text.charCodeAt(q + 1) !== QUOTE) break;
            value += text.slice(from, q + 1); // `""` is one quote
            from = q + 2;
          }
          if (q === n) {
            if (!final) break;
            this.rest = '';
            return {
              code: 'quote-not-closed',
              line,
              message: 'Quote Not Closed: a quoted cell is never closed (the text ends inside it)',
            };
          }
          if (q + 1 === n && !final) break;
          value += text.slice(from, q);
          // Line breaks inside the cell (CRLF, LF or a lone CR, each once).
          for (let i = nextLf(p + 1); i < q; i = nextLf(i + 1)) breaks++;
          for (let i = nextCr(p + 1); i < q; i = nextCr(i + 1))
            if (text.charCodeAt(i + 1) !== LF) breaks++;
          p = q + 1;
          const c = p < n ? text.charCodeAt(p) : -1;
          if (c === COMMA) {
            record.push(value);
            p++;
            continue;
          }
          if (c === -1 || c === LF || c === CR) {
            record.push(value);
            next = afterLineEnd(p);
            break;
          }
          // Text after the closing quote: the cell is kept as written (relax_quotes).
          eol = lineEnd(p);
          const end = Math.min(nextComma(p), eol);
          if (end === n && !final) break;
          record.push(`"${value}"${text.slice(p, end)}`);
          if (end < eol) {
            p = end + 1;
            continue;
          }
          next = afterLineEnd(end);
          break;
        }
        // An unquoted cell (a quote inside it is text).
        eol = lineEnd(p);
        if (eol === n && !final) break;
        if (nextQuote(p) >= eol) {
          // No quote in the rest of the line: the remaining cells in one split.
          const cells = text.slice(p, eol).split(',');
          for (let i = 0; i < cells.length; i++) record.push(cells[i]!);
          next = afterLineEnd(eol);
          break;
        }
        const q = quoteAt;
        if (q > p && text.charCodeAt(q - 1) === COMMA) {
          // The cells before a quoted cell, in one split.
          const cells = text.slice(p, q - 1).split(',');
          for (let i = 0; i < cells.length; i++) record.push(cells[i]!);
          p = q;
          continue;
        }
        const end = Math.min(nextComma(p), eol);
        record.push(text.slice(p, end));
        if (end < eol) {
          p = end + 1;
          continue;
        }
        next = afterLineEnd(end);
        break;
      }
      if (next === -1) break; // incomplete: wait for the next chunk
      this.line += 1 + breaks;
      pos = next;
      this.onRecord(record, line);
    }
    if (pos < n) this.rest = oneByte(text.slice(pos));
    return undefined;
  }
}
