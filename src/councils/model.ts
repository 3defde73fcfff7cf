/**
 * Council types, in the order of ONS code prefixes: E06 unitary, E08 metropolitan
 * district, E09 London borough, E10 county. City of London (E09000001) and the Isles of
 * Scilly (E06000053) are sui generis but typed by their prefix, as ONS does.
 */
export const COUNCIL_TYPES = [
  'unitary',
  'metropolitan-district',
  'london-borough',
  'county',
] as const;

/** The type of a council with adult social services responsibilities. */
export type CouncilType = (typeof COUNCIL_TYPES)[number];

/** The nine ONS regions of England, north to south (ONS order). */
export const REGIONS = [
  'north-east',
  'north-west',
  'yorkshire-and-the-humber',
  'east-midlands',
  'west-midlands',
  'east-of-england',
  'london',
  'south-east',
  'south-west',
] as const;

/** An ONS region of England. */
export type Region = (typeof REGIONS)[number];

/**
 * The ONS name of each region.
 *
 * @example
 * ```ts
 * import { REGION_NAMES } from 'la-assurance/councils';
 *
 * REGION_NAMES['yorkshire-and-the-humber']; // 'Yorkshire and The Humber'
 * ```
 */
export const REGION_NAMES: Readonly<Record<Region, string>> = Object.freeze({
  'north-east': 'North East',
  'north-west': 'North West',
  'yorkshire-and-the-humber': 'Yorkshire and The Humber',
  'east-midlands': 'East Midlands',
  'west-midlands': 'West Midlands',
  'east-of-england': 'East of England',
  london: 'London',
  'south-east': 'South East',
  'south-west': 'South West',
});

/**
 * A council with adult social services responsibilities (one of England's 153), with the
 * integrated care boards (ICBs) it falls in.
 */
export interface Council {
  /** ONS code, e.g. `'E06000023'`. */
  readonly code: string;
  /** ONS name, e.g. `'Bristol, City of'` (not the council's legal name). */
  readonly name: string;
  /** Council type, from the ONS code prefix. */
  readonly type: CouncilType;
  /** ONS region. */
  readonly region: Region;
  /** ICB codes (ONS E54) from 1 July 2022 to 31 March 2026, the primary ICB first. */
  readonly icbs: readonly string[];
  /** Whether the council is split across more than one ICB (2022–26). */
  readonly icbSplit: boolean;
  /** Whether exactly one ICB covers the council and only it (2022–26). */
  readonly coterminous: boolean;
  /** ICB codes from 1 April 2026 (after mergers), the primary ICB first. */
  readonly icbs2026: readonly string[];
  /** A note on how the council maps to ICBs, where the mapping needs one. */
  readonly icbNote?: string;
}

/** An integrated care board as constituted from 1 July 2022 to 31 March 2026. */
export interface Icb {
  /** ONS code (E54…). */
  readonly code: string;
  /** NHS ODS code, e.g. `'QYG'`. */
  readonly odsCode: string;
  /** Name, e.g. `'NHS Cheshire and Merseyside Integrated Care Board'`. */
  readonly name: string;
  /** NHS England region. */
  readonly nhsRegion: string;
  /** ONS codes of the councils it overlaps. */
  readonly councils: readonly string[];
  /** ONS codes of the councils it covers only in part. */
  readonly councilsPartlyCovered: readonly string[];
  /** ONS code of the ICB that succeeds it (or the ICBs that take its parts) from 1 April 2026. */
  readonly successors2026: readonly string[];
}

/** An integrated care board from 1 April 2026, after the mergers. */
export interface Icb2026 {
  /** ONS code (E54…). */
  readonly code: string;
  /** Name. */
  readonly name: string;
  /** NHS England region. */
  readonly nhsRegion: string;
  /** ONS codes of the councils it overlaps. */
  readonly councils: readonly string[];
  /** Which 2022 ICBs it replaces, as a sentence from the source data. */
  readonly predecessors: string;
}
