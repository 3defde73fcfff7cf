import { readFileSync } from 'node:fs';
import { COUNCILS, REGION_NAMES, findCouncil, type Council } from 'la-assurance/councils';
import { selectTranche, type CouncilProfile } from 'la-assurance/tranche';
import { heading, table } from '../format.js';

interface ExampleProfiles {
  readonly note: string;
  readonly notificationDate: string;
  readonly profiles: readonly (Omit<CouncilProfile, 'council'> & { readonly code: string })[];
}

const TYPE_NAMES: Readonly<Record<Council['type'], string>> = {
  county: 'County',
  unitary: 'Unitary',
  'metropolitan-district': 'Metropolitan',
  'london-borough': 'London Borough',
};

/**
 * The profiles are invented, so the councils they describe are too: each keeps the type
 * and region of a real council (so the balance rules bite as they would) under a clearly
 * fictional name and code (`E…9xxxxx`, a number no real council has).
 */
function fictional(council: Council, index: number): Council {
  const number = String(index + 1).padStart(3, '0');
  return {
    ...council,
    name: `Example ${TYPE_NAMES[council.type]} ${number}`,
    code: `${council.code.slice(0, 3)}9${council.code.slice(4)}`,
  };
}

/** Scores 153 fictional councils from bundled illustrative profiles and selects a balanced first tranche of 20, saying why each was chosen. */
export function trancheStep(): string {
  const data = JSON.parse(
    readFileSync(new URL('../data/council-profiles.json', import.meta.url), 'utf8'),
  ) as ExampleProfiles;
  const profiles: CouncilProfile[] = data.profiles.map(({ code, ...signals }, index) => {
    const council = findCouncil(code);
    if (!council) throw new Error(`Unknown council code in demo data: ${code}`);
    return { council: fictional(council, index), ...signals };
  });
  const tranche = selectTranche(profiles, {
    notificationDate: data.notificationDate,
    size: 20,
    typeBounds: {
      county: { min: 3, max: 7 },
      unitary: { min: 4, max: 8 },
      'metropolitan-district': { min: 3, max: 6 },
      'london-borough': { min: 3, max: 5 },
    },
    regionBounds: Object.fromEntries(Object.keys(REGION_NAMES).map((r) => [r, { min: 1, max: 4 }])),
  });
  const out = [
    heading('Choosing the first tranche of 20'),
    `${profiles.length} fictional councils (types and regions as England's ${COUNCILS.length}) scored for notification on ${tranche.window.notification} (on site ${tranche.window.onSiteFrom} to ${tranche.window.onSiteTo}).`,
    `Example profiles: ${data.note}`,
    `Balanced: 3–7 counties, 4–8 unitaries, 3–6 metropolitan districts, 3–5 London boroughs; 1–4 per region. Exact optimum: total score ${tranche.objective}.`,
    '',
    table(
      ['Council', 'Type', 'Region', 'Score', 'Why chosen'],
      tranche.selected.map((s) => [
        s.council.name,
        s.council.type,
        REGION_NAMES[s.council.region],
        s.score.total,
        s.why,
      ]),
    ),
    '',
    'Best councils left out:',
    table(
      ['Council', 'Score', 'Kept out by'],
      tranche.leftOut
        .slice(0, 6)
        .map((l) => [l.council.name, l.score.total, `${l.reason}: ${l.why}`]),
    ),
  ];
  return out.join('\n');
}
