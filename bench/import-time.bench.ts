// Import cost of each subpath of the built package (dist/), against importing zod alone:
// every figure from fresh Node processes (7 of each, interleaved), median (min–max). Target:
// every subpath within 25 ms of zod alone. The figure is the CPU time (user + system) the
// import took: on a shared machine the wall time mostly measures the other processes.
// Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { SUBPATHS } from '../scripts/subpaths.js';

const ROUNDS = 7;
const TARGET_MS = 25;
const root = fileURLToPath(new URL('../', import.meta.url));

/** CPU milliseconds to import `target` (a file URL or a package name) in a fresh process. */
function importMs(target: string): number {
  const code = `const t0 = process.cpuUsage(); await import(${JSON.stringify(target)}); const t = process.cpuUsage(t0); console.log((t.user + t.system) / 1000);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`importing ${target} failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}

const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** Prints the table; returns the number of subpaths over the target. */
export function importTimeBench(): number {
  if (!existsSync(`${root}dist/index.js`)) {
    console.log('\nimport times: skipped (run `npm run build` first)');
    return 0;
  }
  const targets = [
    { name: 'zod alone', url: 'zod' },
    ...SUBPATHS.map((s) => ({
      name: s.name === '.' ? 'la-assurance' : `la-assurance/${s.name}`,
      url: new URL(`dist/${s.name === '.' ? 'index' : `${s.name}/index`}.js`, `file://${root}`)
        .href,
    })),
  ];
  const times = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  const load = os.loadavg()[0]!;
  for (let round = 0; round < ROUNDS; round++)
    for (const t of targets) times.get(t.name)!.push(importMs(t.url));
  const zod = median(times.get('zod alone')!);
  let over = 0;
  const rows = targets.map((t) => {
    const xs = times.get(t.name)!;
    const extra = median(xs) - zod;
    if (t.name !== 'zod alone' && extra > TARGET_MS) over++;
    return {
      import: t.name,
      'CPU ms, median (min–max)': `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`,
      'beyond zod alone (ms)':
        t.name === 'zod alone' ? '' : `${extra.toFixed(1)}${extra > TARGET_MS ? ' OVER' : ''}`,
    };
  });
  console.log(
    `\nimport times (fresh processes, ${ROUNDS} each, interleaved; target ≤ ${TARGET_MS} ms beyond zod alone); load average ${load.toFixed(1)} on ${os.cpus().length} cores`,
  );
  console.table(rows);
  return over;
}
