import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CLI = `${root}dist/cli.js`;
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Runs the built `la-assurance` bin as a child process. */
export function runCli(
  args: readonly string[],
  input?: string,
): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(CLI))
    throw new Error(
      `${CLI} is missing: run \`npm run build\` first (npm test builds before testing)`,
    );
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
