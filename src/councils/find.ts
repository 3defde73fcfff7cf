import { normaliseLabel } from '../internal/normalise-label.js';
import { COUNCILS } from './data.js';
import type { Council } from './model.js';
import { assertNever } from '../internal/assert-never.js';

/** The outcome of {@link resolveCouncil}. */
export interface CouncilResolution {
  /**
   * `'found'`: exactly one council (in `candidates`); `'ambiguous'`: the input names
   * more than one (all in `candidates`, by ONS code), e.g. "Nottingham" (the city or
   * the county); `'not-found'`: no council, `candidates` is empty.
   */
  readonly status: 'found' | 'ambiguous' | 'not-found';
  /** The matching councils, sorted by ONS code. */
  readonly candidates: readonly Council[];
}

// What a name's decoration says about the council: "City Council" is not a county council,
// "London Borough of" is a London borough, and so on. A decoration that fits none of the
// candidates rejects the input rather than guessing ("Nottinghamshire City Council").
type Flavour = 'city' | 'county' | 'borough' | 'metropolitan' | 'london' | 'royal' | 'none';

const PREFIXES: readonly (readonly [string, Flavour])[] = [
  ['the ', 'none'],
  ['council of the ', 'none'],
  ['london borough of ', 'london'],
  ['royal borough of ', 'royal'],
  ['metropolitan borough of ', 'metropolitan'],
  ['borough of ', 'borough'],
  ['city of ', 'city'],
  ['county of ', 'county'],
];

const SUFFIXES: readonly (readonly [string, Flavour])[] = [
  [' metropolitan borough council', 'metropolitan'],
  [' metropolitan district council', 'metropolitan'],
  [' london borough council', 'london'],
  [' city council', 'city'],
  [' county council', 'county'],
  [' borough council', 'borough'],
  [' council', 'none'],
  [' corporation', 'none'],
  [' unitary authority', 'none'],
  [' london borough', 'london'],
  [' city of', 'city'],
  [' county of', 'county'],
  [' city', 'city'],
  [' county', 'county'],
];

// Unitary councils that are counties in all but type (so "… County Council" fits them and
// "… City Council" does not).
const COUNTY_LIKE_UNITARIES: ReadonlySet<string> = new Set([
  'E06000046', // Isle of Wight
  'E06000047', // County Durham
  'E06000052', // Cornwall
  'E06000053', // Isles of Scilly
  'E06000054', // Wiltshire
  'E06000057', // Northumberland
  'E06000059', // Dorset
  'E06000063', // Cumberland
  'E06000064', // Westmorland and Furness
  'E06000066', // Somerset
  'E06000017', // Rutland
]);

const ROYAL_BOROUGHS: ReadonlySet<string> = new Set([
  'E09000020',
  'E09000011',
  'E09000021',
  'E06000040',
]);

// Short and historic names in common use ("Stoke", "Southend", "BCP"), each naming one
// council, and area names that name several ("Cheshire", "Nottingham").
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  hull: ['E06000010'],
  stoke: ['E06000021'],
  southend: ['E06000033'],
  newcastle: ['E08000021'],
  brighton: ['E06000043'],
  bath: ['E06000022'],
  banes: ['E06000022'],
  bathnes: ['E06000022'],
  'b and nes': ['E06000022'],
  bournemouth: ['E06000058'],
  poole: ['E06000058'],
  christchurch: ['E06000058'],
  bcp: ['E06000058'],
  windsor: ['E06000040'],
  maidenhead: ['E06000040'],
  rbwm: ['E06000040'],
  telford: ['E06000020'],
  redcar: ['E06000003'],
  stockton: ['E06000004'],
  blackburn: ['E06000008'],
  durham: ['E06000047'],
  'east riding': ['E06000011'],
  herefordshire: ['E06000019'],
  barking: ['E09000002'],
  hammersmith: ['E09000013'],
  lbhf: ['E09000013'],
  kensington: ['E09000020'],
  rbkc: ['E09000020'],
  richmond: ['E09000027'],
  'saint helens': ['E08000013'],
  kingston: ['E06000010', 'E09000021'],
  cheshire: ['E06000049', 'E06000050'],
  northamptonshire: ['E06000061', 'E06000062'],
  cumbria: ['E06000063', 'E06000064'],
  sussex: ['E10000011', 'E10000032'],
  bedfordshire: ['E06000055', 'E06000056', 'E06000032'],
};

let index: ReadonlyMap<string, readonly Council[]> | undefined;
let byCode: ReadonlyMap<string, Council> | undefined;

function add(map: Map<string, Council[]>, key: string, council: Council): void {
  const list = map.get(key);
  if (!list) map.set(key, [council]);
  else if (!list.includes(council)) list.push(council);
}

function buildIndex(): ReadonlyMap<string, readonly Council[]> {
  byCode = new Map(COUNCILS.map((c) => [c.code, c]));
  const map = new Map<string, Council[]>();
  for (const council of COUNCILS) {
    const base = normaliseLabel(council.name.replace(/, (City|County) of$/, ''));
    add(map, normaliseLabel(council.name), council);
    add(map, base, council);
  }
  // A city that shares its name with a county ("Nottingham" / "Nottinghamshire"): the bare
  // name could mean either, so it names both.
  for (const county of COUNCILS) {
    if (county.type !== 'county' || !county.name.endsWith('shire')) continue;
    const stem = normaliseLabel(county.name.slice(0, -'shire'.length));
    if (map.has(stem)) add(map, stem, county);
  }
  for (const [alias, codes] of Object.entries(ALIASES))
    for (const code of codes) add(map, alias, byCode.get(code)!);
  for (const list of map.values()) list.sort((a, b) => (a.code < b.code ? -1 : 1));
  return map;
}

function isCountyLike(council: Council): boolean {
  return (
    council.type === 'county' ||
    COUNTY_LIKE_UNITARIES.has(council.code) ||
    council.name.endsWith('shire') ||
    council.name.startsWith('County ')
  );
}

function fits(council: Council, flavour: Flavour): boolean {
  switch (flavour) {
    case 'none':
      return true;
    case 'city':
    case 'borough':
      return !isCountyLike(council);
    case 'county':
      return isCountyLike(council);
    case 'metropolitan':
      return council.type === 'metropolitan-district';
    case 'london':
      return council.type === 'london-borough';
    case 'royal':
      return ROYAL_BOROUGHS.has(council.code);
    default:
      return assertNever(flavour, 'council flavour');
  }
}

// Tries the key as it is, then with each decoration it carries stripped (prefixes and
// suffixes in every order, at most three), and unites what the branches find.
function lookup(
  key: string,
  flavours: readonly Flavour[],
  depth: number,
  found: Set<Council>,
): void {
  const direct = index!.get(key);
  if (direct) {
    for (const c of direct) if (flavours.every((f) => fits(c, f))) found.add(c);
    return;
  }
  if (depth === 3) return;
  for (const [prefix, flavour] of PREFIXES) {
    if (key.startsWith(prefix) && key.length > prefix.length)
      lookup(key.slice(prefix.length), [...flavours, flavour], depth + 1, found);
  }
  for (const [suffix, flavour] of SUFFIXES) {
    if (key.endsWith(suffix) && key.length > suffix.length)
      lookup(key.slice(0, -suffix.length), [...flavours, flavour], depth + 1, found);
  }
}

const ONS_CODE = /^E(?:06|08|09|10)\d{6}$/;

/**
 * Resolves an ONS code or a council's name in any common form to the councils it can
 * mean, without guessing. Accepts ONS names ("Bristol, City of"), the names councils and
 * CQC use ("Bristol City Council", "London Borough of Camden", "Royal Borough of
 * Kensington and Chelsea", "City of Doncaster Council", "Council of the Isles of
 * Scilly"), short forms in common use ("Stoke", "Southend", "Hull", "BCP"), any case,
 * `&` for "and" and stray punctuation. A name that fits more than one council
 * ("Nottingham": the city or the county; "Cheshire"; "Kingston") is `'ambiguous'` with
 * every candidate; a decoration that fits none of them ("Nottinghamshire City Council")
 * is `'not-found'`.
 *
 * @example
 * ```ts
 * import { resolveCouncil } from 'la-assurance/councils';
 *
 * resolveCouncil('Nottingham').status;                  // 'ambiguous'
 * resolveCouncil('Nottingham').candidates.map((c) => c.name); // ['Nottingham', 'Nottinghamshire']
 * resolveCouncil('Nottingham City Council').candidates[0]?.code; // 'E06000018'
 * resolveCouncil('Gotham').status;                      // 'not-found'
 * ```
 */
export function resolveCouncil(nameOrCode: string): CouncilResolution {
  if (typeof nameOrCode !== 'string') return NOT_FOUND;
  index ??= buildIndex();
  // Codes and names are both matched on the folded key, so "e06000023." finds a code as
  // "Bristol, City of." finds a name.
  const key = normaliseLabel(nameOrCode);
  const code = key.toUpperCase();
  if (ONS_CODE.test(code)) {
    const council = byCode!.get(code);
    return council
      ? Object.freeze({ status: 'found', candidates: Object.freeze([council]) })
      : NOT_FOUND;
  }
  const found = new Set<Council>();
  if (key !== '') lookup(key, [], 0, found);
  if (found.size === 0) return NOT_FOUND;
  const candidates = [...found].sort((a, b) => (a.code < b.code ? -1 : 1));
  return Object.freeze({
    status: candidates.length === 1 ? 'found' : 'ambiguous',
    candidates: Object.freeze(candidates),
  });
}

const NOT_FOUND: CouncilResolution = Object.freeze({
  status: 'not-found',
  candidates: Object.freeze([]),
});

/**
 * The council an ONS code or name (any common form, see {@link resolveCouncil}) means,
 * or `undefined` when it means none or more than one: it never guesses.
 *
 * @example
 * ```ts
 * import { findCouncil } from 'la-assurance/councils';
 *
 * findCouncil('E06000023')?.name;                               // 'Bristol, City of'
 * findCouncil('Bristol City Council')?.code;                    // 'E06000023'
 * findCouncil('Royal Borough of Kensington and Chelsea')?.code; // 'E09000020'
 * findCouncil('Stoke')?.name;                                   // 'Stoke-on-Trent'
 * findCouncil('Nottingham');                                    // undefined (city or county?)
 * ```
 */
export function findCouncil(nameOrCode: string): Council | undefined {
  const resolved = resolveCouncil(nameOrCode);
  return resolved.status === 'found' ? resolved.candidates[0] : undefined;
}
