/**
 * Adult Social Care Client Level Data (CLD): DHSC's waiting times from a council's main
 * table, and the bridges into case tracking, the information return and the quality
 * statements.
 *
 * @module client-level-data
 */
// The main-table model (model.ts) is exported by the check/prepare branch, which documents it.
export * from './waiting-times/index.js';
export * from './bridges/index.js';
