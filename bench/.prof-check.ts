import { checkClientLevelData, prepareClientLevelData } from '../src/client-level-data/index.js';
import { generateClientLevelData } from '../src/testing/client-level-data.js';
const N = Number(process.argv[2] ?? 200_000);
const PERIOD = { periodStart: '2023-04-01', periodEnd: '2025-03-31' } as const;
const rows: any[] = [];
for (const r of generateClientLevelData({ seed: 'bench', people: Math.round(N * 0.4), ...PERIOD })
  .rows) {
  rows.push(r);
  if (rows.length === N) break;
}
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
for (let k = 0; k < 2; k++) {
  let c = cpu();
  const checked = checkClientLevelData(rows);
  if (!checked.success) throw 1;
  const t1 = cpu() - c;
  c = cpu();
  const p = prepareClientLevelData(checked.data, PERIOD);
  if (!p.success) throw 2;
  console.log('check', t1.toFixed(2), 'prepare', (cpu() - c).toFixed(2));
}
