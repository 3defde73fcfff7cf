import type { IssuePath, ValidationIssue, ValidationResult } from '../errors/index.js';
import { COUNCIL_TYPES, REGIONS } from '../councils/model.js';
import { describeValue, isPlainObject } from '../internal/describe.js';
import { dottedPath } from '../internal/issue-path.js';
import { unreadableIssue } from '../internal/unreadable.js';
import { isIsoDate } from '../timeline/iso-date.js';
import { CONCERN_LEVELS, DELIVERY_CONSTRAINT_KINDS, type CouncilProfile } from './model.js';

/** Stable codes of the issues tranche functions report. */
export type TrancheIssueCode =
  | 'invalid-input'
  | 'input-unreadable'
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

const PROFILE_FIELDS = [
  'council',
  'concernLevel',
  'concerns',
  'innovation',
  'icsAssessment',
  'regulatoryActivity',
  'deliveryConstraints',
  'lastAssessment',
];
/** More profiles than this is not a list of English councils (there are 153). */
const MAX_PROFILES = 10_000;
/** More dated activities than this on one council is a mistake in the data. */
const MAX_ACTIVITIES = 1_000;

function issue(code: TrancheIssueCode, path: IssuePath, message: string): TrancheIssue {
  return { code, path, message: `${dottedPath(path)}: ${message}` };
}

function checkOneOf(
  value: unknown,
  allowed: readonly string[],
  path: IssuePath,
  issues: TrancheIssue[],
): void {
  if (typeof value !== 'string' || !allowed.includes(value))
    issues.push(
      issue(
        'invalid-field',
        path,
        `expected one of ${allowed.join(', ')}; got ${describeValue(value)}`,
      ),
    );
}

function checkText(value: unknown, path: IssuePath, issues: TrancheIssue[]): void {
  if (typeof value !== 'string' || value.trim() === '')
    issues.push(
      issue('invalid-field', path, `expected non-empty text; got ${describeValue(value)}`),
    );
}

function checkDate(value: unknown, path: IssuePath, issues: TrancheIssue[]): boolean {
  if (isIsoDate(value)) return true;
  issues.push(
    issue(
      'invalid-date',
      path,
      `expected a calendar date written YYYY-MM-DD; got ${describeValue(value)}`,
    ),
  );
  return false;
}

function checkActivities(
  value: unknown,
  path: IssuePath,
  delivery: boolean,
  issues: TrancheIssue[],
): void {
  if (!Array.isArray(value)) {
    issues.push(
      issue(
        'invalid-field',
        path,
        `expected a list of { label, start, end }; got ${describeValue(value)}`,
      ),
    );
    return;
  }
  if (value.length > MAX_ACTIVITIES) {
    issues.push(
      issue(
        'invalid-field',
        path,
        `expected at most ${MAX_ACTIVITIES} activities; got a list of ${value.length}`,
      ),
    );
    return;
  }
  // By index, not forEach: a hole in the list is reported, not skipped.
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    const p = [...path, i];
    if (!isPlainObject(item)) {
      issues.push(
        issue('invalid-field', p, `expected { label, start, end }; got ${describeValue(item)}`),
      );
      continue;
    }
    for (const key of Object.keys(item)) {
      if (!['label', 'start', 'end', ...(delivery ? ['kind'] : [])].includes(key))
        issues.push(issue('unknown-field', [...p, key], `unknown field "${key}"`));
    }
    checkText(item.label, [...p, 'label'], issues);
    const datesOk =
      checkDate(item.start, [...p, 'start'], issues) && checkDate(item.end, [...p, 'end'], issues);
    if (datesOk && (item.end as string) < (item.start as string))
      issues.push(
        issue(
          'invalid-period',
          [...p, 'end'],
          `ends (${item.end as string}) before it starts (${item.start as string})`,
        ),
      );
    if (delivery && item.kind !== undefined)
      checkOneOf(item.kind, DELIVERY_CONSTRAINT_KINDS, [...p, 'kind'], issues);
  }
}

function checkProfile(value: unknown, path: IssuePath, issues: TrancheIssue[]): void {
  if (!isPlainObject(value)) {
    issues.push(
      issue(
        'invalid-profile',
        path,
        `expected a council profile object; got ${describeValue(value)}`,
      ),
    );
    return;
  }
  for (const key of Object.keys(value)) {
    if (!PROFILE_FIELDS.includes(key))
      issues.push(
        issue(
          'unknown-field',
          [...path, key],
          `unknown field "${key}"; a profile has ${PROFILE_FIELDS.join(', ')}`,
        ),
      );
  }
  const council = value.council;
  if (!isPlainObject(council))
    issues.push(
      issue(
        'invalid-field',
        [...path, 'council'],
        `expected { code, name, type, region } (a Council from la-assurance/councils fits); got ${describeValue(council)}`,
      ),
    );
  else {
    if (typeof council.code !== 'string' || !/^E(?:06|08|09|10)\d{6}$/.test(council.code)) {
      issues.push(
        issue(
          'invalid-field',
          [...path, 'council', 'code'],
          `expected a council ONS code such as E06000023; got ${describeValue(council.code)}`,
        ),
      );
    }
    checkText(council.name, [...path, 'council', 'name'], issues);
    checkOneOf(council.type, COUNCIL_TYPES, [...path, 'council', 'type'], issues);
    checkOneOf(council.region, REGIONS, [...path, 'council', 'region'], issues);
    if (council.coterminous !== undefined && typeof council.coterminous !== 'boolean') {
      issues.push(
        issue(
          'invalid-field',
          [...path, 'council', 'coterminous'],
          `expected true or false; got ${describeValue(council.coterminous)}`,
        ),
      );
    }
  }
  if (value.concernLevel !== undefined)
    checkOneOf(value.concernLevel, CONCERN_LEVELS, [...path, 'concernLevel'], issues);
  if (value.concerns !== undefined) checkText(value.concerns, [...path, 'concerns'], issues);
  if (value.innovation !== undefined) checkText(value.innovation, [...path, 'innovation'], issues);
  if (value.icsAssessment !== undefined)
    checkDate(value.icsAssessment, [...path, 'icsAssessment'], issues);
  if (value.lastAssessment !== undefined)
    checkDate(value.lastAssessment, [...path, 'lastAssessment'], issues);
  if (value.regulatoryActivity !== undefined)
    checkActivities(value.regulatoryActivity, [...path, 'regulatoryActivity'], false, issues);
  if (value.deliveryConstraints !== undefined)
    checkActivities(value.deliveryConstraints, [...path, 'deliveryConstraints'], true, issues);
}

/**
 * Validates one council profile from untrusted data. Never throws; issues name the field.
 *
 * @example
 * ```ts
 * import { validateCouncilProfile } from 'la-assurance/tranche';
 *
 * const r = validateCouncilProfile({ council: { code: 'E06000023', name: 'Bristol', type: 'unitary', region: 'south-west' }, concernLevel: 'severe' });
 * r.success; // false — concernLevel must be none, low, medium or high
 * ```
 */
export function validateCouncilProfile(
  input: unknown,
): ValidationResult<CouncilProfile, TrancheIssueCode> {
  const issues: TrancheIssue[] = [];
  try {
    checkProfile(input, ['profile'], issues);
  } catch (error) {
    return { success: false, issues: [unreadableIssue(error, ['profile'], 'council profile')] };
  }
  return issues.length > 0
    ? { success: false, issues }
    : { success: true, data: input as CouncilProfile };
}

/**
 * Validates a list of council profiles from untrusted data: each profile, and no council
 * twice. Never throws: a list of more than 10,000 profiles is `invalid-input`, a hole in
 * the list an `invalid-profile`, and an input whose reading throws (a getter or Proxy
 * that throws, a revoked Proxy) `input-unreadable`.
 *
 * @example
 * ```ts
 * import { validateCouncilProfiles } from 'la-assurance/tranche';
 *
 * validateCouncilProfiles('not a list').success; // false
 * validateCouncilProfiles([]).success;           // true
 * ```
 */
export function validateCouncilProfiles(
  input: unknown,
): ValidationResult<readonly CouncilProfile[], TrancheIssueCode> {
  try {
    return checkProfileList(input);
  } catch (error) {
    return { success: false, issues: [unreadableIssue(error, ['profiles'], 'council profiles')] };
  }
}

function checkProfileList(
  input: unknown,
): ValidationResult<readonly CouncilProfile[], TrancheIssueCode> {
  const issues: TrancheIssue[] = [];
  if (!Array.isArray(input)) {
    return {
      success: false,
      issues: [
        issue(
          'invalid-input',
          ['profiles'],
          `expected a list of council profiles; got ${describeValue(input)}`,
        ),
      ],
    };
  }
  if (input.length > MAX_PROFILES) {
    return {
      success: false,
      issues: [
        issue(
          'invalid-input',
          ['profiles'],
          `expected at most ${MAX_PROFILES} council profiles (England has 153 councils); got a list of ${input.length}`,
        ),
      ],
    };
  }
  const seen = new Map<string, number>();
  // By index, not forEach: a hole in the list is reported, not skipped.
  for (let i = 0; i < input.length; i++) {
    const profile: unknown = input[i];
    checkProfile(profile, ['profiles', i], issues);
    const code =
      isPlainObject(profile) && isPlainObject(profile.council) ? profile.council.code : undefined;
    if (typeof code !== 'string') continue;
    const first = seen.get(code);
    if (first === undefined) seen.set(code, i);
    else
      issues.push(
        issue(
          'duplicate-council',
          ['profiles', i, 'council', 'code'],
          `${code} already has a profile (profiles.${first}); give each council one profile`,
        ),
      );
  }
  return issues.length > 0
    ? { success: false, issues }
    : { success: true, data: input as readonly CouncilProfile[] };
}
