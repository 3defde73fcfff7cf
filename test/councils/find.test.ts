import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNCILS, findCouncil, resolveCouncil } from '../../src/councils/index.js';

// Real-world names: the councils' own names (their websites and CQC's reports), ONS names
// (data/la.csv) and short forms used in the press and CQC's programme announcements.
const REAL_WORLD: readonly (readonly [string, string])[] = [
  ['Bristol, City of', 'E06000023'],
  ['Bristol City Council', 'E06000023'],
  ['City of Bristol', 'E06000023'],
  ['Bristol', 'E06000023'],
  ['London Borough of Camden', 'E09000007'],
  ['Camden Council', 'E09000007'],
  ['camden', 'E09000007'],
  ['Royal Borough of Kensington and Chelsea', 'E09000020'],
  ['Royal Borough of Kensington & Chelsea', 'E09000020'],
  ['RBKC', 'E09000020'],
  ['City of Doncaster Council', 'E08000017'],
  ['Doncaster Metropolitan Borough Council', 'E08000017'],
  ['Council of the Isles of Scilly', 'E06000053'],
  ['Isles of Scilly', 'E06000053'],
  ['Stoke', 'E06000021'],
  ['Stoke-on-Trent City Council', 'E06000021'],
  ['Stoke on Trent', 'E06000021'],
  ['Southend', 'E06000033'],
  ['Southend-on-Sea City Council', 'E06000033'],
  ['Hull City Council', 'E06000010'],
  ['Kingston upon Hull, City of', 'E06000010'],
  ['Hull', 'E06000010'],
  ['Royal Borough of Kingston upon Thames', 'E09000021'],
  ['Royal Borough of Kingston', 'E09000021'],
  ['Kingston upon Thames', 'E09000021'],
  ['Herefordshire, County of', 'E06000019'],
  ['Herefordshire Council', 'E06000019'],
  ['Nottingham City Council', 'E06000018'],
  ['Nottinghamshire County Council', 'E10000024'],
  ['Derby City Council', 'E06000015'],
  ['Derbyshire County Council', 'E10000007'],
  ['Leicester City Council', 'E06000016'],
  ['Leicestershire County Council', 'E10000018'],
  ['City of London', 'E09000001'],
  ['City of London Corporation', 'E09000001'],
  ['The City of London Corporation', 'E09000001'],
  ['Westminster City Council', 'E09000033'],
  ['City of Westminster', 'E09000033'],
  ['Birmingham City Council', 'E08000025'],
  ['Manchester City Council', 'E08000003'],
  ['City of Bradford Metropolitan District Council', 'E08000032'],
  ['City of Wolverhampton Council', 'E08000031'],
  ['City of York Council', 'E06000014'],
  ['Newcastle City Council', 'E08000021'],
  ['Newcastle upon Tyne', 'E08000021'],
  ['St Helens Borough Council', 'E08000013'],
  ['St. Helens', 'E08000013'],
  ['Wirral Council', 'E08000015'],
  ['Metropolitan Borough of Wirral', 'E08000015'],
  ['Durham County Council', 'E06000047'],
  ['County Durham', 'E06000047'],
  ['Cornwall Council', 'E06000052'],
  ['Rutland County Council', 'E06000017'],
  ['Bath and North East Somerset Council', 'E06000022'],
  ['B&NES', 'E06000022'],
  ['BCP Council', 'E06000058'],
  ['Bournemouth, Christchurch and Poole Council', 'E06000058'],
  ['Brighton & Hove City Council', 'E06000043'],
  ['Royal Borough of Windsor and Maidenhead', 'E06000040'],
  ['Royal Borough of Greenwich', 'E09000011'],
  ['London Borough of Hammersmith & Fulham', 'E09000013'],
  ['London Borough of Barking and Dagenham', 'E09000002'],
  ['Telford & Wrekin Council', 'E06000020'],
  ['Blackburn with Darwen Borough Council', 'E06000008'],
  ['Redcar and Cleveland Borough Council', 'E06000003'],
  ['Stockton-on-Tees Borough Council', 'E06000004'],
  ['East Riding of Yorkshire Council', 'E06000011'],
  ['North East Lincolnshire Council', 'E06000012'],
  ['North Yorkshire Council', 'E06000065'],
  ['Cheshire West and Chester Council', 'E06000050'],
  ['West Northamptonshire Council', 'E06000062'],
  ['Central Bedfordshire Council', 'E06000056'],
  ['Hertfordshire County Council', 'E10000015'],
  ['Kent County Council', 'E10000016'],
  ['Milton Keynes City Council', 'E06000042'],
  ['Tower Hamlets Council', 'E09000030'],
  ['Richmond upon Thames', 'E09000027'],
  ['Somerset Council', 'E06000066'],
  ['Westmorland and Furness Council', 'E06000064'],
  ['  bristol   CITY council ', 'E06000023'],
  ['e06000023', 'E06000023'],
  ['E10000019', 'E10000019'],
];

// Near misses: places and bodies that are not one of the 153 councils, misspellings,
// former districts, and decorations that fit no council.
const NEAR_MISSES: readonly string[] = [
  'London',
  'Newcastle-under-Lyme',
  'Newcastle under Lyme Borough Council',
  'Oxford',
  'Cambridge',
  'Lincoln',
  'Gloucester',
  'Hereford',
  'Worcester',
  'Chester',
  'Northampton',
  'Stafford',
  'Warwick',
  'South Somerset',
  'Somerset West and Taunton',
  'Mid Sussex',
  'Greater Manchester',
  'West Midlands',
  'Yorkshire',
  'Tyneside',
  'Stoke Newington',
  'Camdn',
  'Hampshir',
  'Bristol County Council',
  'Nottinghamshire City Council',
  'Kent City Council',
  'Royal Borough of Camden',
  'London Borough of Leeds',
  'Leicester City Football Club',
  'Council',
  'City of',
  'City Council',
  'Borough of',
  '',
  '   ',
  'E06000000',
  'E0600002',
  'E06000023x',
  'E07000178',
  'E54000008',
  'NHS Lincolnshire Integrated Care Board',
  'Kingston upon Thame',
  'Bristoll',
];

describe('findCouncil', () => {
  it.each(REAL_WORLD)('resolves %j', (input, code) => {
    expect(findCouncil(input)?.code).toBe(code);
  });

  it.each(NEAR_MISSES)('finds nothing for the near miss %j', (input) => {
    expect(findCouncil(input)).toBeUndefined();
    expect(resolveCouncil(input).status).toBe('not-found');
  });

  it('resolves every council by its ONS code and its ONS name', () => {
    for (const c of COUNCILS) {
      expect(findCouncil(c.code)).toBe(c);
      // The bare city names that a county shares (Nottingham, Derby, Leicester) are ambiguous by design.
      if (!['Nottingham', 'Derby', 'Leicester'].includes(c.name))
        expect(findCouncil(c.name)).toBe(c);
    }
  });

  it('never picks one council for an ambiguous name', () => {
    const ambiguous: Record<string, readonly string[]> = {
      Nottingham: ['E06000018', 'E10000024'],
      Derby: ['E06000015', 'E10000007'],
      Leicester: ['E06000016', 'E10000018'],
      Kingston: ['E06000010', 'E09000021'],
      Cheshire: ['E06000049', 'E06000050'],
      Cumbria: ['E06000063', 'E06000064'],
      Northamptonshire: ['E06000061', 'E06000062'],
      Sussex: ['E10000011', 'E10000032'],
    };
    for (const [input, codes] of Object.entries(ambiguous)) {
      const r = resolveCouncil(input);
      expect(r.status).toBe('ambiguous');
      expect(r.candidates.map((c) => c.code)).toEqual(codes);
      expect(findCouncil(input)).toBeUndefined();
    }
  });

  it('returns frozen resolutions', () => {
    const r = resolveCouncil('Bristol');
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.candidates)).toBe(true);
  });

  it('never throws, and agrees with resolveCouncil, on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (input) => {
        const r = resolveCouncil(input as string);
        expect(['found', 'ambiguous', 'not-found']).toContain(r.status);
        expect(findCouncil(input as string)).toBe(
          r.status === 'found' ? r.candidates[0] : undefined,
        );
      }),
    );
  });

  it('reads a code followed by punctuation (found by the property below)', () => {
    expect(findCouncil('.e06000023.')?.code).toBe('E06000023');
  });

  it('ignores case, spacing and punctuation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REAL_WORLD),
        fc.boolean(),
        fc.constantFrom('', ' ', '.', '  '),
        ([input, code], upper, pad) => {
          const variant = `${pad}${upper ? input.toUpperCase() : input.toLowerCase()}${pad}`;
          expect(findCouncil(variant)?.code).toBe(code);
        },
      ),
    );
  });
});
