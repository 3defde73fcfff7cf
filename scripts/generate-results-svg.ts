// Generates the pictures in docs/results.md from the shipped dataset:
//   npx tsx scripts/generate-results-svg.ts
// (test/results/docs-svg.test.ts checks the committed SVGs are what this produces.)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  PUBLISHED_RESULTS,
  compareCouncil,
  comparisonChartSvg,
  heatMapSvg,
} from 'la-assurance/results';

/** The docs pictures, by path from the repository root. */
export function resultsDocsSvgs(): Readonly<Record<string, string>> {
  const norfolk = compareCouncil('E10000020');
  if (!norfolk.success) throw new Error(norfolk.issues.map((i) => i.message).join('\n'));
  return {
    'docs/results-heat-map.svg': heatMapSvg(PUBLISHED_RESULTS),
    'docs/results-norfolk.svg': comparisonChartSvg(norfolk.data),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [path, svg] of Object.entries(resultsDocsSvgs())) {
    writeFileSync(new URL(`../${path}`, import.meta.url), svg);
    console.log(`wrote ${path}`);
  }
}
