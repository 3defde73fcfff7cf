// Bridges from CLD into the rest of the library: case tracking, the information return and
// the quality statements. All modelled.
export {
  casePopulationFromClientLevelData,
  type CldCasePopulationOptions,
  type CldCasePopulation,
  type CldCaseExclusion,
} from './case-population.js';
export {
  informationReturnFiguresFromClientLevelData,
  CLD_FIGURE_IDS,
  DEFAULT_CLD_FIGURE_ITEMS,
  type CldFigureId,
  type CldFigure,
  type CldInformationReturnOptions,
  type CldInformationReturnFigures,
} from './information-return.js';
export {
  CLD_MEASURE_CODES,
  MODELLED_CLD_MEASURE_MAPPING,
  defineCldMeasureMapping,
  qualityStatementsOfCldMeasure,
  cldMeasuresOfQualityStatement,
  type CldMeasureCode,
  type CldMeasureQualityStatements,
  type CldMeasureMapping,
} from './quality-statements.js';
