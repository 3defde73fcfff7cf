// The rows of the reference's worked examples (shared/domain/client-level-data/README.md, section f).
import type { EventSpec } from './main-table.js';

const STMAX = 'Short term support: ST-Max';
const COMMUNITY = 'Long term support: Community';

/** Reference f.1 (ASCOF 2A). */
export const F1: readonly EventSpec[] = [
  {
    person: 'A',
    dob: '1950-05-01',
    Service_Type_Cleaned: STMAX,
    Event_Start_Date: '2024-06-01',
    Event_End_Date: '2024-06-20',
    Event_Outcome_Cleaned: 'NFA: Support ended as planned',
  },
  {
    person: 'A',
    dob: '1950-05-01',
    Service_Type_Cleaned: STMAX,
    Event_Start_Date: '2024-06-25',
    Event_End_Date: '2024-07-10',
    Event_Outcome_Cleaned: 'Progress to support planning or services',
  },
  {
    person: 'A',
    dob: '1950-05-01',
    Service_Type_Cleaned: COMMUNITY,
    Event_Start_Date: '2024-07-12',
  },
  {
    person: 'B',
    dob: '1985-03-01',
    Service_Type_Cleaned: STMAX,
    Event_Start_Date: '2024-09-01',
    Event_End_Date: '2024-09-30',
    Event_Outcome_Cleaned: 'NFA: Support ended as planned',
  },
  {
    person: 'B',
    dob: '1985-03-01',
    Event_Type: 'Review',
    Event_Start_Date: '2024-10-03',
    Event_End_Date: '2024-10-03',
    Event_Outcome_Cleaned: 'NFA: Information and advice or signposting',
  },
  {
    person: 'C',
    dob: '1940-01-01',
    Service_Type_Cleaned: COMMUNITY,
    Event_Start_Date: '2023-01-01',
    Event_End_Date: '2024-08-15',
  },
  {
    person: 'C',
    dob: '1940-01-01',
    Service_Type_Cleaned: STMAX,
    Event_Start_Date: '2024-10-01',
    Event_End_Date: '2024-10-20',
    Event_Outcome_Cleaned: 'NFA: Support ended as planned',
  },
  {
    person: 'D',
    dob: '1955-02-01',
    Date_of_Death: '2025-04-03',
    Service_Type_Cleaned: STMAX,
    Event_Start_Date: '2025-03-10',
    Event_End_Date: '2025-03-31',
    Event_Outcome_Cleaned: 'NFA: Other',
  },
  {
    person: 'E',
    dob: '1990-07-01',
    Service_Type_Cleaned: STMAX,
    Event_Start_Date: '2024-11-01',
    Event_End_Date: '2024-11-30',
    Event_Outcome_Cleaned: 'Progress to assessment, review or reassessment',
  },
];

/** Reference f.2 (ASCOF 3D clients); dates of birth give the stated ages at E (1 October, so no birthday edge). */
export const F2: readonly EventSpec[] = [
  {
    person: 'P1',
    dob: '1954-10-01',
    Service_Type_Cleaned: COMMUNITY,
    Delivery_Mechanism_Cleaned: 'Direct payment',
    Event_Start_Date: '2024-01-01',
  },
  {
    person: 'P2',
    dob: '1974-10-01',
    Service_Type_Cleaned: COMMUNITY,
    Delivery_Mechanism_Cleaned: 'CASSR commissioned support',
    Event_Start_Date: '2023-06-01',
  },
  {
    person: 'P2',
    dob: '1974-10-01',
    Service_Type_Cleaned: 'Long term support: Residential care',
    Event_Start_Date: '2025-02-01',
  },
  {
    person: 'P3',
    dob: '1944-10-01',
    Service_Type_Cleaned: COMMUNITY,
    Service_Component_Cleaned: 'Direct payment',
    Event_Start_Date: '2024-05-01',
  },
  {
    person: 'P4',
    dob: '1979-10-01',
    Service_Type_Cleaned: COMMUNITY,
    Delivery_Mechanism_Cleaned: 'CASSR managed personal budget',
    Event_Start_Date: '2024-04-01',
    Event_End_Date: '2025-03-31',
  },
  {
    person: 'P5',
    dob: '1964-10-01',
    Service_Type_Cleaned: COMMUNITY,
    Delivery_Mechanism_Cleaned: 'CASSR commissioned support',
    Event_Start_Date: '2024-04-01',
    Event_End_Date: '2025-03-30',
  },
  {
    person: 'P6',
    dob: '1994-10-01',
    Service_Type_Cleaned: COMMUNITY,
    Service_Component_Cleaned: 'Home support or domiciliary care',
    Event_Start_Date: '2024-09-01',
  },
];
