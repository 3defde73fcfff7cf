import {
  checkClientLevelData,
  prepareClientLevelData,
  ascofMeasures,
  waitingTimes,
} from '/work/wt-cldperf/src/client-level-data/index.js';
import { generateClientLevelData } from '/work/wt-cldperf/src/testing/client-level-data.js';
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
let c = cpu();
const checked = checkClientLevelData(rows);
if (!checked.success) throw 1;
console.log('check', (cpu() - c).toFixed(2));
c = cpu();
const prepared = prepareClientLevelData(checked.data, PERIOD);
if (!prepared.success) throw 2;
console.log('prepare', (cpu() - c).toFixed(2), prepared.data.events.length);
c = cpu();
const a = ascofMeasures(prepared.data, {
  year: 2024,
  population: { '18 to 64': 500000, '65 and above': 150000 },
} as any);
console.log('ascof', (cpu() - c).toFixed(2));
c = cpu();
const w = waitingTimes(prepared.data);
console.log('wt', (cpu() - c).toFixed(2));
console.log('maxRSS MB', Math.round(process.resourceUsage().maxRSS / 1024));
