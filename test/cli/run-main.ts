import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../cli/index.js';
import type { CliIo } from '../../cli/io.js';

/** Runs the CLI in process with captured output. */
export async function runMain(
  args: readonly string[],
  overrides: Partial<CliIo> = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    version: '0.0.0',
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTTY: false,
    readStdin: () => '',
    ...overrides,
  };
  const status = await main(args, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** A temporary directory, removed by the returned function. */
export function tempDir(): {
  readonly dir: string;
  readonly file: (name: string) => string;
  readonly remove: () => void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'la-assurance-exports-'));
  return {
    dir,
    file: (name) => path.join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Rows as a CSV parser gives them, written back as CSV text (LF line ends, cells quoted only when needed). */
export function rowsToCsv(rows: readonly Readonly<Record<string, string>>[]): string {
  const headings = Object.keys(rows[0]!);
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${[
    headings.map(cell).join(','),
    ...rows.map((r) => headings.map((h) => cell(r[h] ?? '')).join(',')),
  ].join('\n')}\n`;
}
