import { describe, expect, it } from 'vitest';
import {
  CLD_RELEASE_1_MAPPINGS,
  CLD_VALUE_LISTS,
  eventOutcomeGroup,
  eventOutcomeHierarchy,
  isSettledAccommodation,
  lookupCldValue,
  reviewType,
  serviceTypeGroup,
  sqlCollationKey,
  ageBand,
  workingAgeBand,
} from '../../src/client-level-data/index.js';

describe('defined lists (reference section c)', () => {
  it('mark partial lists as incomplete and complete ones as complete', () => {
    expect(CLD_VALUE_LISTS.Service_Component.complete).toBe(false);
    expect(CLD_VALUE_LISTS.Gender.complete).toBe(false);
    expect(CLD_VALUE_LISTS.Service_Type.complete).toBe(true);
    // c.1 ranks 1–17, of which rank 3 ('Release 1 specification only: Not mapped') is DHSC's own value:
    // 16 spec values (the reference's table text says "17 spec values + 2 DHSC values", but its CSV has 16 + 2)
    expect(CLD_VALUE_LISTS.Event_Outcome.values).toHaveLength(16);
    // accommodation: 20 spec values (the 2 DHSC-derived ones are not submittable)
    expect(CLD_VALUE_LISTS.Accommodation_Status.values).toHaveLength(20);
    expect(CLD_VALUE_LISTS.Ethnicity.values).toHaveLength(21);
    for (const list of Object.values(CLD_VALUE_LISTS)) expect(list.source).not.toBe('');
  });

  it('label R1 → R2 pairings the reference inferred as inferred, and the ones DHSC states as not', () => {
    const eol = CLD_RELEASE_1_MAPPINGS.find((m) => m.release1 === 'Progress to End of Life Care')!;
    expect(eol).toMatchObject({
      release2: 'Release 1 specification only: Not mapped',
      inferred: false,
    });
    expect(CLD_RELEASE_1_MAPPINGS.find((m) => m.release1 === 'NFA - Deceased')!.inferred).toBe(
      true,
    );
    // Every R2 target is a value of its list (or a DHSC cleaning value).
    for (const m of CLD_RELEASE_1_MAPPINGS) {
      const list = CLD_VALUE_LISTS[m.field];
      expect([...list.values, ...list.cleaningValues]).toContain(m.release2);
    }
  });
});

describe('lookup (SQL Server collation)', () => {
  it('ignores letter case and trailing spaces', () => {
    expect(sqlCollationKey('Service User  ')).toBe(sqlCollationKey('service user'));
    expect(sqlCollationKey(' a')).not.toBe(sqlCollationKey('a')); // leading spaces count in SQL Server
    expect(lookupCldValue('Client_Type', 'SERVICE USER ')).toEqual({
      status: 'valid',
      cleaned: 'Service user',
      inferred: false,
    });
    expect(lookupCldValue('Service_Type', 'short term support: st-max')).toMatchObject({
      status: 'valid',
      cleaned: 'Short term support: ST-Max',
    });
  });

  it('maps Release 1 forward, and what cannot be mapped to Invalid and not mapped', () => {
    expect(lookupCldValue('Client_Type', 'Carer')).toEqual({
      status: 'release-1',
      cleaned: 'Unpaid carer',
      inferred: false,
    });
    expect(lookupCldValue('Ethnicity', 'White - Irish')).toMatchObject({
      status: 'release-1',
      cleaned: 'White: Irish',
      inferred: true,
    });
    expect(lookupCldValue('Event_Outcome', 'Progress to financial assessment')).toMatchObject({
      status: 'release-1',
      cleaned: 'Release 1 specification only: Not mapped',
    });
    expect(lookupCldValue('Service_Type', 'Carer Support: Direct to Carer')).toMatchObject({
      cleaned: 'Unpaid carer support: Direct to unpaid carer',
    });
    // DHSC's own example (c.2): raw 'White' is invalid
    expect(lookupCldValue('Ethnicity', 'White')).toMatchObject({
      status: 'invalid',
      cleaned: 'Invalid and not mapped',
    });
    expect(lookupCldValue('Event_Outcome', 'NFA - Other')).toMatchObject({
      status: 'spelling',
      cleaned: 'NFA: Other',
    }); // NHSE spells it 'NFA- Other'; punctuation ignored, with a warning
    expect(lookupCldValue('Gender', '  ')).toEqual({
      status: 'blank',
      cleaned: null,
      inferred: false,
    });
  });

  it('warns on a partial-list miss, and is strict once the official list is given', () => {
    expect(lookupCldValue('Service_Component', 'Day care')).toMatchObject({
      status: 'unlisted',
      cleaned: 'Day care',
    });
    expect(
      lookupCldValue('Service_Component', 'Day care', { Service_Component: ['Equipment'] }),
    ).toMatchObject({ status: 'invalid', cleaned: 'Invalid and not mapped' });
    expect(
      lookupCldValue('Service_Component', 'day care ', { Service_Component: ['Day care'] }),
    ).toMatchObject({ status: 'valid', cleaned: 'Day care' });
  });
});

describe('groupings', () => {
  it('outcome hierarchy and group (c.1)', () => {
    expect(eventOutcomeHierarchy('nfa: other')).toBe(17);
    expect(eventOutcomeHierarchy('Invalid and not mapped')).toBeNull();
    expect(eventOutcomeHierarchy(null)).toBeNull();
    expect(eventOutcomeGroup('NFA: Deceased')).toBe('NFA');
    expect(eventOutcomeGroup('Admitted to hospital')).toBe('Admitted to hospital');
    expect(eventOutcomeGroup(null)).toBeNull();
  });
  it('service type group, settled accommodation (c.2)', () => {
    expect(serviceTypeGroup('Unpaid carer support: Direct to unpaid carer')).toBe(
      'Unpaid carer support',
    );
    expect(serviceTypeGroup('Invalid and not mapped')).toBe('Unknown');
    expect(isSettledAccommodation('Unknown: Presumed at home')).toBe(true);
    expect(isSettledAccommodation('Unknown: Presumed in community')).toBe(false);
    expect(isSettledAccommodation('Refuge')).toBe(false);
  });
  it('review type (c.2, d.4 step 5)', () => {
    expect(reviewType('Review', 'Unplanned: Safeguarding')).toBe('Unplanned');
    expect(reviewType('review ', 'Planned: anything')).toBe('Planned review of long term support');
    expect(reviewType('Review', 'Review of short term support')).toBe(
      'Review of short term support',
    );
    expect(reviewType('Review', 'Invalid and not mapped')).toBe('Review Type Unknown');
    expect(reviewType('Review', null)).toBeNull();
    expect(reviewType('Reviews', 'Unplanned')).toBe('Review Type Unknown'); // contains "review" but is not exactly Review
    expect(reviewType('Service', 'Unplanned')).toBeNull();
  });
  it('age bands (d.5)', () => {
    expect([17, 18, 24, 25, 64, 65, 94, 95].map(ageBand)).toEqual([
      'Under 18',
      '18 to 24',
      '18 to 24',
      '25 to 44',
      '45 to 64',
      '65 to 74',
      '85 to 94',
      '95 and above',
    ]);
    expect([null, 17, 64, 65].map(workingAgeBand)).toEqual([
      'Unknown',
      'Under 18',
      '18 to 64',
      '65 and above',
    ]);
  });
});
