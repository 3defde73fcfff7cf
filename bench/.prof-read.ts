import { generateClientLevelData } from '../src/testing/client-level-data.js';
const N = 200_000;
const PERIOD = { periodStart: '2023-04-01', periodEnd: '2025-03-31' } as const;
const rows: any[] = [];
for (const r of generateClientLevelData({ seed: 'bench', people: Math.round(N * 0.4), ...PERIOD })
  .rows) {
  rows.push(r);
  if (rows.length === N) break;
}
const heads = Object.keys(rows[0]);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
for (let k = 0; k < 3; k++) {
  let c = cpu();
  let x = 0;
  for (const row of rows)
    for (let i = 0; i < heads.length; i++) {
      const v = row[heads[i]!];
      if (v) x += v.length;
    }
  const a = cpu() - c;
  c = cpu();
  for (const row of rows) {
    const vals = Object.values(row) as string[];
    for (let i = 0; i < vals.length; i++) {
      const v = vals[i];
      if (v) x += v.length;
    }
  }
  const b = cpu() - c;
  c = cpu();
  const m = new Map<string, string>();
  for (const row of rows)
    for (let i = 0; i < heads.length; i++) {
      const v = row[heads[i]!];
      if (v) {
        const k2 = m.get(v);
        if (k2 === undefined && m.size < 50000) m.set(v, v);
      }
    }
  console.log(
    'keyed',
    a.toFixed(2),
    'values',
    b.toFixed(2),
    'keyed+intern',
    (cpu() - c).toFixed(2),
    heads.length,
    x,
  );
}
