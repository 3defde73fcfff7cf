/**
 * Test helpers for projects that build on la-assurance: seeded generators of valid example
 * information returns (for any template) and of synthetic case populations. They need
 * nothing beyond la-assurance itself; the fast-check arbitraries are in
 * `la-assurance/testing/arbitraries`.
 *
 * @module testing
 */
export {
  exampleInformationReturn,
  type ExampleInformationReturnOptions,
} from './example-information-return.js';
export {
  generateCasePopulation,
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
