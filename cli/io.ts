import { readFileSync } from 'node:fs';

/** Where a command writes, so tests can capture it. */
export interface CliIo {
  /** The package version, for --version. */
  readonly version: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown only then). */
  readonly stderrIsTTY: boolean;
  /** Reads standard input to the end (for `-`). */
  readonly readStdin: () => string;
  /** Standard input as bytes read in chunks (for streamed `-` input). */
  readonly stdinSource?: () => ByteSource;
  /** Milliseconds from an arbitrary start, for progress (default `performance.now`). */
  readonly now?: () => number;
}

/** Bytes read in chunks: a file, or standard input. */
export interface ByteSource {
  /** Size in bytes, when known (not for a pipe). */
  readonly size: number | undefined;
  /** Fills the start of `buffer`; returns the number of bytes read, 0 at the end. */
  read(buffer: Uint8Array): number;
  close(): void;
}

/** A problem with the user's input: exit code 1, message on stderr. */
export class InputError extends Error {}
/** A problem with how the command was called: exit code 2, usage on stderr. */
export class UsageError extends Error {}
/** Input that cannot be read at all (missing file, not text, not CSV): exit code 2, message on stderr. */
export class UnreadableInputError extends Error {}

/**
 * Escapes control characters (C0, DEL, C1, and the Unicode line and paragraph
 * separators) so that a value printed to a terminal cannot move the cursor, change colours
 * or fake a line: `\x1b` is shown as `\x1b`, a tab as `\t`.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\t') return '\\t';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Reads a text file (or stdin for `-`), dropping a UTF-8 byte-order mark. */
function readText(path: string, io: CliIo): string {
  let text: string;
  try {
    text = path === '-' ? io.readStdin() : readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads and parses a JSON file, naming the file and position on a syntax error. */
export function readJson(path: string, io: CliIo): unknown {
  const text = readText(path, io);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** Lays out rows as an aligned text table. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return `${[
    line(cells[0]!),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n')}\n`;
}

/** One CSV line (RFC 4180): cells quoted when they hold a comma, quote or line break; values exact. */
export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map((c) => (typeof c === 'string' && /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : String(c))).join(',')}\r\n`;
}
