/**
 * fast-check arbitraries of valid la-assurance inputs, for property tests in projects that
 * build on it. Needs `fast-check` (an optional peer dependency) installed; the seeded
 * generators in `la-assurance/testing` do not.
 *
 * @module testing/arbitraries
 */
export {
  informationReturnArbitrary,
  itemResponseArbitrary,
  valueArbitrary,
  type InformationReturnArbitraryOptions,
} from './information-return.js';
export { caseRecordArbitrary } from './case-record.js';
