// Realistic council case exports for the intake tests and the CLI benchmark: the same
// synthetic people (src/testing generateCasePopulation) written the way case-management
// systems write them — several heading styles, UK dates, published labels, BOM, CRLF,
// blank lines, multi-line quoted notes — plus the faults councils' files really have
// (Latin-1 text, NUL bytes, duplicated headings, shifted columns). Big files are written
// at test time into a temp dir; nothing big is committed.
//
// `npx tsx test/support/exports.ts DIR` writes one file of each style and fault into DIR.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { CaseRecord } from '../../src/case-tracking/index.js';
import { generateCasePopulation } from '../../src/testing/index.js';

/** A heading style: the header row and how each value is written. */
export interface ExportStyle {
  readonly name: string;
  readonly headings: readonly string[];
  readonly row: (c: CaseRecord, i: number) => readonly string[];
  /** The `--map` a council would keep for it, if the headings are not known aliases. */
  readonly mapping?: Readonly<Record<string, string>>;
  /** The `--date-format` it needs. */
  readonly dateFormat: 'yyyy-mm-dd' | 'dd/mm/yyyy' | 'd/m/yy';
}

const R1_REASON: Readonly<Record<string, string>> = {
  'physical-support': 'Physical Support: Personal care support',
  'sensory-support': 'Sensory Support: Support for visual impairment',
  'support-with-memory-and-cognition': 'Support with Memory & Cognition',
  'learning-disability-support': 'Learning Disability Support',
  'mental-health-support': 'Mental Health Support',
  'social-support': 'Social Support: Support for Social Isolation/Other',
};
const R2_ETHNICITY: Readonly<Record<string, string>> = {
  asian: 'Asian or Asian British: Pakistani',
  black: 'Black, Black British, Caribbean or African: Caribbean',
  mixed: 'Mixed or multiple ethnic groups: White and Asian',
  white: 'White: English, Welsh, Scottish, Northern Irish or British',
  other: 'Other ethnic group: Arab',
  'not-stated': 'No data: Refused',
};
const R1_ETHNICITY: Readonly<Record<string, string>> = {
  asian: 'Asian or Asian British - Indian',
  black: 'Black, Black British, Caribbean or African - African',
  mixed: 'Mixed or multiple ethnic groups - White and Black Caribbean',
  white: 'White - Irish',
  other: 'Other ethnic group - Any other ethnic group',
  'not-stated': 'No data - Undeclared or Not known',
};
const SERVICE_TYPE: Readonly<Record<string, string>> = {
  community: 'Long Term Support: Community',
  residential: 'Long Term Support: Residential Care',
  nursing: 'Long Term Support: Nursing Care',
};
const PLAIN_SETTING: Readonly<Record<string, string>> = {
  community: 'Community',
  residential: 'Residential care',
  nursing: 'Nursing care',
};

const uk = (iso: string | undefined): string =>
  iso === undefined ? '' : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const yn = (b: boolean): string => (b ? 'Y' : 'N');
const yesNo = (b: boolean): string => (b ? 'Yes' : 'No');

/** The library's own field names and ids (what `map init` would write back unchanged). */
export const LIBRARY_STYLE: ExportStyle = {
  name: 'library',
  dateFormat: 'yyyy-mm-dd',
  headings: [
    'id',
    'age',
    'primarySupportReason',
    'ethnicity',
    'setting',
    'unpaidCarer',
    'hospitalDischarge',
    'safeguardingEnquiry',
    'directPayment',
    'transition',
    'lastAssessed',
    'lastReviewed',
  ],
  row: (c) => [
    c.id,
    String(c.age ?? ''),
    c.primarySupportReason,
    c.ethnicity,
    c.setting,
    String(c.unpaidCarer),
    String(c.hospitalDischarge),
    String(c.safeguardingEnquiry),
    String(c.directPayment),
    String(c.transition),
    c.lastAssessed ?? '',
    c.lastReviewed ?? '',
  ],
};

/** A CLD-flavoured export: known headings, R1 labels, CLD service types, UK dates, Y/N and Yes/No flags, a notes column. */
export const CLD_STYLE: ExportStyle = {
  name: 'cld',
  dateFormat: 'dd/mm/yyyy',
  headings: [
    'Person ID',
    'Age at Extract',
    'Primary Support Reason',
    'Ethnicity',
    'Service Type',
    'Has Unpaid Carer',
    'Hospital Discharge',
    'S42 Enquiry',
    'Direct Payments',
    'Transitions',
    'Last Assessment Date',
    'Last Review Date',
    'Notes',
  ],
  row: (c, i) => [
    c.id,
    String(c.age ?? ''),
    R1_REASON[c.primarySupportReason]!,
    (i % 2 === 0 ? R1_ETHNICITY : R2_ETHNICITY)[c.ethnicity]!,
    SERVICE_TYPE[c.setting]!,
    yesNo(c.unpaidCarer),
    yn(c.hospitalDischarge),
    c.safeguardingEnquiry ? '1' : '0',
    yn(c.directPayment),
    yn(c.transition),
    uk(c.lastAssessed),
    uk(c.lastReviewed),
    i % 97 === 0
      ? 'Reviewed at home, with daughter present.\nFollow-up booked'
      : i % 5 === 0
        ? 'Prefers phone, "after 10am"'
        : '',
  ],
};

/** A system with its own headings: needs the mapping below (a council keeps it next to the export). */
export const CUSTOM_STYLE: ExportStyle = {
  name: 'custom',
  dateFormat: 'd/m/yy',
  headings: [
    'Client No',
    'Age Yrs',
    'Main Need',
    'Ethnic Background',
    'Placement',
    'Carer?',
    'From Hospital?',
    'Safeguarding S42?',
    'DP?',
    'Transition?',
    'Assessed On',
    'Reviewed On',
  ],
  mapping: {
    id: 'Client No',
    age: 'Age Yrs',
    primarySupportReason: 'Main Need',
    ethnicity: 'Ethnic Background',
    setting: 'Placement',
    unpaidCarer: 'Carer?',
    hospitalDischarge: 'From Hospital?',
    safeguardingEnquiry: 'Safeguarding S42?',
    directPayment: 'DP?',
    transition: 'Transition?',
    lastAssessed: 'Assessed On',
    lastReviewed: 'Reviewed On',
  },
  row: (c) => {
    const short = (iso: string | undefined) =>
      iso === undefined
        ? ''
        : `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(2, 4)}`;
    return [
      c.id,
      String(c.age ?? ''),
      R1_REASON[c.primarySupportReason]!.toUpperCase(),
      R2_ETHNICITY[c.ethnicity]!.toLowerCase(),
      PLAIN_SETTING[c.setting]!,
      String(c.unpaidCarer),
      String(c.hospitalDischarge),
      yesNo(c.safeguardingEnquiry),
      yesNo(c.directPayment),
      yesNo(c.transition),
      short(c.lastAssessed),
      short(c.lastReviewed),
    ];
  },
};

/** The styles, for the sample folder below. */
const EXPORT_STYLES: readonly ExportStyle[] = [LIBRARY_STYLE, CLD_STYLE, CUSTOM_STYLE];

const quoteCell = (cell: string): string =>
  /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;

/** Options of {@link writeExport}. */
export interface WriteExportOptions {
  readonly style: ExportStyle;
  readonly rows: number;
  readonly seed?: string;
  /** Start with a UTF-8 byte-order mark. */
  readonly bom?: boolean;
  /** End lines with CRLF (and line breaks inside quoted cells too, as Excel does). */
  readonly crlf?: boolean;
  /** Put an empty line after every this-many rows (not after the last). */
  readonly blankLineEvery?: number;
  /** Replace the text of given 0-based data rows (e.g. to plant a fault), keyed by row index. */
  readonly replaceRows?: Readonly<Record<number, string>>;
}

/**
 * Writes an export and returns the physical line where each planted row starts (keyed by
 * row index), counted as the file is written: the truth the tests compare with.
 */
export function writeExport(
  file: string,
  options: WriteExportOptions,
): { readonly lineOfRow: (index: number) => number; readonly lines: number } {
  const eol = options.crlf === true ? '\r\n' : '\n';
  const fd = openSync(file, 'w');
  let buffered = options.bom === true ? '\ufeff' : '';
  let line = 1;
  const starts = new Map<number, number>();
  const watched = new Set(Object.keys(options.replaceRows ?? {}).map(Number));
  const emit = (text: string) => {
    buffered += text;
    if (buffered.length > 1 << 16) {
      writeSync(fd, buffered);
      buffered = '';
    }
  };
  const put = (text: string) => {
    emit(text + eol);
    line += 1 + (text.match(/\n/g)?.length ?? 0);
  };
  put(options.style.headings.map(quoteCell).join(','));
  let i = 0;
  for (const c of generateCasePopulation({ seed: options.seed ?? 'exports', size: options.rows })) {
    if (watched.has(i) || i < 3) starts.set(i, line);
    const planted = options.replaceRows?.[i];
    const text = planted ?? options.style.row(c, i).map(quoteCell).join(',');
    put(options.crlf === true ? text.replace(/(?<!\r)\n/g, '\r\n') : text);
    i++;
    if (
      options.blankLineEvery !== undefined &&
      i % options.blankLineEvery === 0 &&
      i < options.rows
    )
      put('');
  }
  writeSync(fd, buffered);
  closeSync(fd);
  return { lineOfRow: (index) => starts.get(index) ?? Number.NaN, lines: line - 1 };
}

// `npx tsx test/support/exports.ts DIR`: a sample of each style and fault, for trying the CLI by hand.
if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)
) {
  const dir = process.argv[2] ?? 'exports';
  mkdirSync(dir, { recursive: true });
  for (const style of EXPORT_STYLES)
    writeExport(path.join(dir, `${style.name}.csv`), {
      style,
      rows: 1000,
      bom: true,
      crlf: true,
      blankLineEvery: 100,
    });
  console.log(`wrote ${EXPORT_STYLES.map((s) => `${s.name}.csv`).join(', ')} to ${dir}`);
}
