import { selectCaseSample } from 'la-assurance/case-tracking';
import { generateCasePopulation } from 'la-assurance/testing';
const arr = [...generateCasePopulation({ seed: 'bench', size: 1_000_000 })];
console.log('START');
const t0 = performance.now();
for (let i = 0; i < 30; i++) selectCaseSample(arr, { seed: 's' + i });
console.log('avg', ((performance.now() - t0) / 30).toFixed(1));
