// Small builders of CLD rows for hand-worked cases: database headings, strings as a CSV parser gives them.
export type Row = Record<string, string>;

const BASE: Row = {
  LA_Code: 'X01',
  LA_Person_Unique_Identifier: 'A',
  NHS_Number: '',
  Date_of_Birth: '1950-05-01',
  Client_Type: 'Service user',
  Event_Type: 'Service',
  Event_Start_Date: '2024-06-01',
  Event_End_Date: '',
  Event_Outcome: '',
  Service_Type: 'Long term support: Community',
  Service_Component: '',
  Date_of_Death: '',
};

/** A row: the base values overridden by `values`. */
export function row(values: Row = {}): Row {
  return { ...BASE, ...values };
}
