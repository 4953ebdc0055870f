import { coverageOf } from './directory.service';
import { diffSnapshots } from './directory-history';
import { functionRuleViolations } from './functions.service';

describe('diffSnapshots', () => {
  it('lists every field of a new entry as null → value', () => {
    expect(diffSnapshots(null, { name: 'CoMensha', website: null })).toEqual([
      { field: 'name', old: null, new: 'CoMensha' },
    ]);
  });

  it('lists only changed fields, comparing arrays and objects by value', () => {
    const before = { name: 'A', regionIds: ['x', 'y'], contactPoints: [{ label: 'L', phone: '1' }] };
    const after = { name: 'B', regionIds: ['x', 'y'], contactPoints: [{ label: 'L', phone: '2' }] };
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'name', old: 'A', new: 'B' },
      { field: 'contactPoints', old: [{ label: 'L', phone: '1' }], new: [{ label: 'L', phone: '2' }] },
    ]);
  });
});

describe('functionRuleViolations', () => {
  const valid = {
    functionType: 'aandachtsfunctionaris' as const,
    personId: '00000000-0000-4000-8000-000000000001',
    regionId: null,
    municipalityCode: 'GM0363',
    startDate: '2025-01-01',
    endDate: null,
    trainingDate: '2025-02-01',
    opAfstand: false,
    deputyPersonId: null,
  };

  it('accepts a gemeente function with a holder', () => {
    expect(functionRuleViolations(valid)).toEqual([]);
  });

  it('needs exactly one scope, a holder unless op afstand, and a period that does not end before it starts', () => {
    const names = functionRuleViolations({
      ...valid,
      regionId: '00000000-0000-4000-8000-000000000002',
      personId: null,
      endDate: '2024-12-31',
    }).map((problem) => problem.name);
    expect(names).toEqual(['regionId', 'personId', 'endDate']);
  });

  it('allows CoMensha op afstand without a person, and a training date only for the aandachtsfunctionaris', () => {
    expect(
      functionRuleViolations({
        ...valid,
        functionType: 'zorgcoordinator',
        personId: null,
        opAfstand: true,
        trainingDate: null,
      }),
    ).toEqual([]);
    expect(
      functionRuleViolations({ ...valid, functionType: 'ketenregisseur' }).map((problem) => problem.code),
    ).toEqual(['training_date_not_applicable']);
  });
});

describe('coverageOf', () => {
  it('is vacant without holders, op-afstand with only CoMensha, filled with a regional holder', () => {
    expect(coverageOf([])).toBe('vacant');
    expect(coverageOf([{ opAfstand: true }])).toBe('op-afstand');
    expect(coverageOf([{ opAfstand: true }, { opAfstand: false }])).toBe('filled');
  });
});
