import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./peak-rss.cjs', import.meta.url));

/** Runs the built CLI in a child process; its exit code, wall and CPU time and peak RSS (stdout is discarded). */
export function runCliMeasured(args: readonly string[]): Promise<{
  status: number | null;
  ms: number;
  cpuMs: number;
  peakRssBytes: number;
  stderr: string;
}> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-r', PRELOAD, `${root}dist/cli.js`, ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr = (stderr + d).slice(-20_000);
    });
    child.on('error', reject);
    child.on('close', (status) => {
      const peak = /peak-rss-bytes (\d+) cpu-us (\d+)/.exec(stderr);
      resolve({
        status,
        ms: performance.now() - started,
        cpuMs: peak ? Number(peak[2]) / 1000 : Number.NaN,
        peakRssBytes: peak ? Number(peak[1]) : Number.NaN,
        stderr,
      });
    });
  });
}
