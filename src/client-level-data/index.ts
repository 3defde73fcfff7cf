/**
 * Adult Social Care Client Level Data (CLD): DHSC's waiting times from a council's main
 * table, and the bridges into case tracking, the information return and the quality
 * statements.
 *
 * @module client-level-data
 */
export type { CldDate, CldAgeBand, CldWorkingAgeBand, ClientLevelDataEvent, MainTableEvent, PreparedClientLevelData } from './model.js';
export * from './waiting-times/index.js';
export * from './bridges/index.js';
