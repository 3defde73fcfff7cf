/**
 * Test helpers for projects that build on la-assurance: a seeded generator of valid
 * example information returns for any template, and fast-check arbitraries of valid
 * submissions and case records, so your tests can exercise your code against ours.
 * Needs `fast-check` (an optional peer dependency) installed.
 *
 * @module testing
 */
export { exampleInformationReturn, type ExampleInformationReturnOptions } from './example-information-return.js';
export {
  informationReturnArbitrary,
  itemResponseArbitrary,
  valueArbitrary,
  type InformationReturnArbitraryOptions,
} from './information-return-arbitraries.js';
export {
  generateCasePopulation,
  caseRecordArbitrary,
  DEFAULT_CASE_POPULATION_MIX,
  type CasePopulationMix,
  type CasePopulationOptions,
} from './case-population.js';
export {
  generateClientLevelData,
  type GenerateClientLevelDataOptions,
  type GeneratedClientLevelData,
  type ClientLevelDataCsvRow,
  type ClientLevelDataFault,
  type ClientLevelDataFaultKind,
} from './client-level-data.js';
