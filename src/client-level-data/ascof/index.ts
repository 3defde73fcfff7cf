/**
 * ASCOF measures from Client Level Data by DHSC's provisional 2024/25-onwards method
 * (2A, 2B, 2C, 2E, 2E LD, 3D clients and carers; 2D reported as not computable from CLD),
 * and DHSC's latest person details they rest on.
 *
 * @module client-level-data/ascof
 */
export { ascofMeasures } from './measures.js';
export { ASCOF_2A_SEQUEL_TYPES } from './values.js';
export { latestPersonDetails, type LatestPersonDetails } from './person-details.js';
export {
  ASCOF_CODES,
  type AscofCode,
  type AscofMeasureName,
  type AscofAgeBand,
  type AscofSex,
  type AscofMeasureRow,
  type AscofRowPeople,
  type AscofNotComputable,
  type AscofUnknownCount,
  type Ascof2ACluster,
  type Ascof2AExclusion,
  type Ascof2ASequelType,
  type AscofMeasures,
  type AscofMeasuresOptions,
  type AscofPeriod,
  type AscofYear,
} from './model.js';
