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
