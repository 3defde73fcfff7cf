import { replayReport, type ReportEvent } from './src/report/index.js';
const N = 30000;
const events: ReportEvent[] = [{ type: 'assessment-scored', date: '2024-01-02', council: 'C', scores: { safeguarding: 2 } }];
for (let i = 0; i < N; i++) events.push({ type: 'score-amended', date: '2024-01-03', qualityStatement: 'safeguarding', score: i % 2 === 0 ? 3 : 2, reason: 'r' });
for (let r = 0; r < 5; r++) { const t0 = performance.now(); replayReport(events); console.log((performance.now() - t0).toFixed(1)); }
