import type { IssuePath, ValidationIssue, ValidationResult } from '../errors/index.js';
import { COUNCIL_TYPES, REGIONS } from '../councils/model.js';
import { describeValue, isPlainObject } from '../internal/describe.js';
import { isIsoDate } from '../timeline/iso-date.js';
import { CONCERN_LEVELS, DELIVERY_CONSTRAINT_KINDS, type CouncilProfile } from './model.js';

/** Stable codes of the issues tranche functions report. */
export type TrancheIssueCode =
  | 'invalid-input'
  | 'invalid-profile'
  | 'invalid-field'
  | 'unknown-field'
  | 'invalid-date'
  | 'invalid-period'
  | 'duplicate-council'
  | 'unknown-council'
  | 'conflicting-constraint';

/** An issue found in tranche input, or one of a set of conflicting constraints. */
export type TrancheIssue = ValidationIssue<TrancheIssueCode>;

const PROFILE_FIELDS = ['council', 'concernLevel', 'concerns', 'innovation', 'icsAssessment', 'regulatoryActivity', 'deliveryConstraints', 'lastAssessment'];
const at = (path: IssuePath): string => path.join('.');

function issue(code: TrancheIssueCode, path: IssuePath, message: string): TrancheIssue {
  return { code, path, message: `${at(path)}: ${message}` };
}

function checkOneOf(value: unknown, allowed: readonly string[], path: IssuePath, issues: TrancheIssue[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) issues.push(issue('invalid-field', path, `expected one of ${allowed.join(', ')}; got ${describeValue(value)}`));
}

function checkText(value: unknown, path: IssuePath, issues: TrancheIssue[]): void {
  if (typeof value !== 'string' || value.trim() === '') issues.push(issue('invalid-field', path, `expected non-empty text; got ${describeValue(value)}`));
}

function checkDate(value: unknown, path: IssuePath, issues: TrancheIssue[]): boolean {
  if (isIsoDate(value)) return true;
  issues.push(issue('invalid-date', path, `expected a calendar date written YYYY-MM-DD; got ${describeValue(value)}`));
  return false;
}

function checkActivities(value: unknown, path: IssuePath, delivery: boolean, issues: TrancheIssue[]): void {
  if (!Array.isArray(value)) {
    issues.push(issue('invalid-field', path, `expected a list of { label, start, end }; got ${describeValue(value)}`));
    return;
  }
  value.forEach((item: unknown, i) => {
    const p = [...path, i];
    if (!isPlainObject(item)) {
      issues.push(issue('invalid-field', p, `expected { label, start, end }; got ${describeValue(item)}`));
      return;
    }
    for (const key of Object.keys(item)) {
      if (!['label', 'start', 'end', ...(delivery ? ['kind'] : [])].includes(key)) issues.push(issue('unknown-field', [...p, key], `unknown field "${key}"`));
    }
    checkText(item.label, [...p, 'label'], issues);
    const datesOk = checkDate(item.start, [...p, 'start'], issues) && checkDate(item.end, [...p, 'end'], issues);
    if (datesOk && (item.end as string) < (item.start as string)) issues.push(issue('invalid-period', [...p, 'end'], `ends (${String(item.end)}) before it starts (${String(item.start)})`));
    if (delivery && item.kind !== undefined) checkOneOf(item.kind, DELIVERY_CONSTRAINT_KINDS, [...p, 'kind'], issues);
  });
}

function checkProfile(value: unknown, path: IssuePath, issues: TrancheIssue[]): void {
  if (!isPlainObject(value)) {
    issues.push(issue('invalid-profile', path, `expected a council profile object; got ${describeValue(value)}`));
    return;
  }
  for (const key of Object.keys(value)) {
    if (!PROFILE_FIELDS.includes(key)) issues.push(issue('unknown-field', [...path, key], `unknown field "${key}"; a profile has ${PROFILE_FIELDS.join(', ')}`));
  }
  const council = value.council;
  if (!isPlainObject(council)) issues.push(issue('invalid-field', [...path, 'council'], `expected { code, name, type, region } (a Council from la-assurance/councils fits); got ${describeValue(council)}`));
  else {
    if (typeof council.code !== 'string' || !/^E(?:06|08|09|10)\d{6}$/.test(council.code)) {
      issues.push(issue('invalid-field', [...path, 'council', 'code'], `expected a council ONS code such as E06000023; got ${describeValue(council.code)}`));
    }
    checkText(council.name, [...path, 'council', 'name'], issues);
    checkOneOf(council.type, COUNCIL_TYPES, [...path, 'council', 'type'], issues);
    checkOneOf(council.region, REGIONS, [...path, 'council', 'region'], issues);
    if (council.coterminous !== undefined && typeof council.coterminous !== 'boolean') {
      issues.push(issue('invalid-field', [...path, 'council', 'coterminous'], `expected true or false; got ${describeValue(council.coterminous)}`));
    }
  }
  if (value.concernLevel !== undefined) checkOneOf(value.concernLevel, CONCERN_LEVELS, [...path, 'concernLevel'], issues);
  if (value.concerns !== undefined) checkText(value.concerns, [...path, 'concerns'], issues);
  if (value.innovation !== undefined) checkText(value.innovation, [...path, 'innovation'], issues);
  if (value.icsAssessment !== undefined) checkDate(value.icsAssessment, [...path, 'icsAssessment'], issues);
  if (value.lastAssessment !== undefined) checkDate(value.lastAssessment, [...path, 'lastAssessment'], issues);
  if (value.regulatoryActivity !== undefined) checkActivities(value.regulatoryActivity, [...path, 'regulatoryActivity'], false, issues);
  if (value.deliveryConstraints !== undefined) checkActivities(value.deliveryConstraints, [...path, 'deliveryConstraints'], true, issues);
}

/**
 * Validates one council profile from untrusted data. Never throws; issues name the field.
 *
 * @example
 * ```ts
 * const r = validateCouncilProfile({ council: { code: 'E06000023', name: 'Bristol', type: 'unitary', region: 'south-west' }, concernLevel: 'severe' });
 * r.success; // false — concernLevel must be none, low, medium or high
 * ```
 */
export function validateCouncilProfile(input: unknown): ValidationResult<CouncilProfile, TrancheIssueCode> {
  const issues: TrancheIssue[] = [];
  checkProfile(input, ['profile'], issues);
  return issues.length > 0 ? { success: false, issues } : { success: true, data: input as CouncilProfile };
}

/**
 * Validates a list of council profiles from untrusted data: each profile, and no council
 * twice. Never throws.
 *
 * @example
 * ```ts
 * validateCouncilProfiles('not a list').success; // false
 * validateCouncilProfiles([]).success;           // true
 * ```
 */
export function validateCouncilProfiles(input: unknown): ValidationResult<readonly CouncilProfile[], TrancheIssueCode> {
  const issues: TrancheIssue[] = [];
  if (!Array.isArray(input)) {
    return { success: false, issues: [issue('invalid-input', ['profiles'], `expected a list of council profiles; got ${describeValue(input)}`)] };
  }
  const seen = new Map<string, number>();
  input.forEach((profile: unknown, i) => {
    checkProfile(profile, ['profiles', i], issues);
    const code = isPlainObject(profile) && isPlainObject(profile.council) ? profile.council.code : undefined;
    if (typeof code !== 'string') return;
    const first = seen.get(code);
    if (first === undefined) seen.set(code, i);
    else issues.push(issue('duplicate-council', ['profiles', i, 'council', 'code'], `${code} already has a profile (profiles.${first}); give each council one profile`));
  });
  return issues.length > 0 ? { success: false, issues } : { success: true, data: input as readonly CouncilProfile[] };
}
