// The record signature: everything the selection needs to know about a valid record, packed
// into one small whole number, so that records are counted per signature and a signature's
// quotas are looked up in two tables instead of being worked out per record. This file is
// the one place that knows the bit layout; every other file uses these names.
//
//   bit  14 13 12 11 10 | 9 8 | 7 6 5 | 4 3 2 | 1 0 | 15, 16, … (one per date rule)
//        flags (CASE_FLAGS order, transition … unpaidCarer)
//                         setting ethnicity reason  age band
//
// A category is the index of the record's value in its enumeration (AGE_BANDS,
// PRIMARY_SUPPORT_REASONS, ETHNIC_GROUPS, CARE_SETTINGS). Flags follow the order of
// CASE_FLAGS. Date-rule bits are set per draw (they depend on the criteria), above the flags.
// Only types are imported here, so that case-record.ts can use the layout without a cycle.

import type { CaseDimensionField } from './criteria.js';

/** Where a dimension field's category sits in a signature: `(signature >>> shift) & mask`. */
interface FieldBits {
  readonly shift: number;
  readonly mask: number;
}

/** Category bits of each dimension field (room for 4, 8, 8 and 4 categories). */
const FIELD_BITS: Readonly<Record<CaseDimensionField, FieldBits>> = {
  ageBand: { shift: 0, mask: 0b11 },
  primarySupportReason: { shift: 2, mask: 0b111 },
  ethnicity: { shift: 5, mask: 0b111 },
  setting: { shift: 8, mask: 0b11 },
};

/** Number of low bits holding the categories (bits 0–9). @internal */
export const CATEGORY_BITS = 10;
/** The category bits of a signature: `signature & CATEGORY_MASK` (0–1023). */
const CATEGORY_MASK = (1 << CATEGORY_BITS) - 1;
/** Bit of the first flag (`CASE_FLAGS[0]`); flag i is bit `FIRST_FLAG_BIT + i`. */
const FIRST_FLAG_BIT = CATEGORY_BITS;
/** Number of flags (`CASE_FLAGS.length`; a test checks they agree). @internal */
export const FLAG_COUNT = 5;
/** Bit of the first date rule; date rule j is bit `DATE_RULE_BIT + j`. @internal */
export const DATE_RULE_BIT = FIRST_FLAG_BIT + FLAG_COUNT;
/** At most this many date rules: keeps the per-signature counts at most 2^20 entries. @internal */
export const MAX_DATE_RULES = 5;

/** The category of `field` in a signature (an index into the field's enumeration). @internal */
export function categoryOf(signature: number, field: CaseDimensionField): number {
  const { shift, mask } = FIELD_BITS[field];
  return (signature >>> shift) & mask;
}

/** The rule bits of a signature (flags, then date rules) shifted down to bit 0. @internal */
export function ruleBitsOf(signature: number): number {
  return signature >>> FIRST_FLAG_BIT;
}

/** The category bits of a signature (bits 0–9). @internal */
export function categoryBitsOf(signature: number): number {
  return signature & CATEGORY_MASK;
}

/** The signature bit of flag number `flagIndex` (its index in `CASE_FLAGS`). @internal */
export function flagBit(flagIndex: number): number {
  return FIRST_FLAG_BIT + flagIndex;
}

/**
 * The signature of a checked record from its category indices and its flags (bit i set when
 * `CASE_FLAGS[i]` is true), without date-rule bits.
 * @internal
 */
export function packSignature(
  ageBand: number,
  reason: number,
  ethnicity: number,
  setting: number,
  flags: number,
): number {
  return (
    (ageBand << FIELD_BITS.ageBand.shift) |
    (reason << FIELD_BITS.primarySupportReason.shift) |
    (ethnicity << FIELD_BITS.ethnicity.shift) |
    (setting << FIELD_BITS.setting.shift) |
    (flags << FIRST_FLAG_BIT)
  );
}

/**
 * Adds the date-rule bits: bit `DATE_RULE_BIT + j` when the record was assessed or reviewed
 * on or after `since[j]` (dates as YYYYMMDD keys; a missing date is 0, below every `since`).
 * @internal
 */
export function withDateRuleBits(
  signature: number,
  assessed: number,
  reviewed: number,
  since: Int32Array,
): number {
  for (let j = 0; j < since.length; j++) {
    const s = since[j]!;
    if (assessed >= s || reviewed >= s) signature |= 1 << (DATE_RULE_BIT + j);
  }
  return signature;
}
