// Waiting times from CLD: DHSC's provisional method v1.1 (reference e.6).
export { waitingTimes } from './waiting-times.js';
export {
  WAITING_TIME_CODES,
  WAITING_TIME_AGE_BANDS,
  type WaitingTimeCode,
  type WaitingTimeAgeBand,
  type WaitingTimeRow,
  type WaitingTimesOptions,
  type WaitingTimeExclusion,
  type WaitingTimeLinkedEvent,
  type WaitingTimeWait,
  type WaitingTimeRequestTrace,
  type WaitingTimesExplained,
} from './model.js';
