/**
 * England's 153 councils with adult social services responsibilities as typed, frozen
 * reference data (ONS code, name, type, region, integrated care boards 2022–26 and from
 * April 2026), with name lookup that reads every common form of a council's name and
 * never guesses. A subpath of its own, so nothing else pays for the data's size.
 *
 * @module councils
 */
export {
  COUNCIL_TYPES,
  REGIONS,
  REGION_NAMES,
  type Council,
  type CouncilType,
  type Region,
  type Icb,
  type Icb2026,
} from './model.js';
export { COUNCILS, ICBS, ICBS_2026 } from './data.js';
export { findCouncil, resolveCouncil, type CouncilResolution } from './find.js';
export { CouncilSchema, CouncilCodeSchema, CouncilTypeSchema, RegionSchema } from './schemas.js';
