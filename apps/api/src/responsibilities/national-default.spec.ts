import {
  EXPLOITATION_FORMS,
  ORGANISATION_TYPES,
  RESPONSIBILITY_LEVELS,
  RESPONSIBILITY_TASKS,
  ResponsibilityLevel,
  TARGET_GROUPS,
} from '@ketenkaart/shared-domain';
import { findSecondLead, leadCells, MatrixCell, periodsOverlap, resolveCell } from './matrix-resolution';
import { cellKey, NATIONAL_DEFAULT } from './national-default';

const cells: MatrixCell[] = NATIONAL_DEFAULT.map((cell) => ({
  ...cell,
  overrideId: null,
  regionId: null,
  organisationId: null,
  validFrom: null,
  validUntil: null,
}));

describe('national default matrix', () => {
  it('uses only known codes, one cell per key, each with a note and a source', () => {
    expect(new Set(NATIONAL_DEFAULT.map(cellKey)).size).toBe(NATIONAL_DEFAULT.length);
    for (const cell of NATIONAL_DEFAULT) {
      expect(RESPONSIBILITY_TASKS).toContain(cell.task);
      expect(ORGANISATION_TYPES).toContain(cell.organisationType);
      expect(RESPONSIBILITY_LEVELS).toContain(cell.level);
      expect(cell.note.length).toBeGreaterThan(5);
      expect(cell.source.title.length).toBeGreaterThan(3);
    }
  });

  it('has exactly one lead organisation type for every task, form and target group', () => {
    for (const task of RESPONSIBILITY_TASKS) {
      for (const form of EXPLOITATION_FORMS) {
        for (const group of TARGET_GROUPS) {
          const leads = leadCells(cells, task, form, group).map((cell) => cell.organisationType);
          expect({ task, form, group, leads: leads.length }).toEqual({ task, form, group, leads: 1 });
        }
      }
    }
  });

  it('resolves the most specific cell: opvang for a minor is the gemeente (Jeugdwet), not VO/MO or COSM', () => {
    expect(resolveCell(cells, 'opvang', 'gemeente', 'criminele-uitbuiting', 'minor')?.level).toBe(
      ResponsibilityLevel.lead,
    );
    expect(resolveCell(cells, 'opvang', 'opvang', 'criminele-uitbuiting', 'minor')?.level).toBe(
      ResponsibilityLevel.notResponsible,
    );
    expect(resolveCell(cells, 'opvang', 'cosm', 'criminele-uitbuiting', 'minor')?.level).toBe(
      ResponsibilityLevel.notResponsible,
    );
    expect(resolveCell(cells, 'opsporing', 'nla', 'arbeidsuitbuiting', 'eu-adult')?.level).toBe(
      ResponsibilityLevel.lead,
    );
    expect(resolveCell(cells, 'opsporing', 'politie', 'arbeidsuitbuiting', 'eu-adult')?.level).toBe(
      ResponsibilityLevel.contributes,
    );
  });

  it('finds a second lead for a candidate, and none once the current lead is agreed away', () => {
    const candidate = {
      ...cells[0],
      task: 'opvang' as const,
      organisationType: 'opvang' as const,
      exploitationForm: null,
      targetGroup: 'minor' as const,
      level: ResponsibilityLevel.lead,
      validFrom: '2026-01-01',
      validUntil: null,
    };
    expect(findSecondLead(cells, [], candidate)).toMatchObject({
      targetGroup: 'minor',
      otherTypes: ['gemeente'],
    });
    const handOver = {
      ...candidate,
      organisationType: 'gemeente' as const,
      level: ResponsibilityLevel.contributes,
      overrideId: 'x',
      validFrom: '2026-01-01',
      validUntil: null,
    };
    expect(findSecondLead(cells, [handOver], candidate)).toBeNull();
    // Agreed away only from March: January still has two leads.
    expect(findSecondLead(cells, [{ ...handOver, validFrom: '2026-03-01' }], candidate)).toMatchObject({
      date: '2026-01-01',
    });
  });

  it('treats periods as half-open', () => {
    expect(
      periodsOverlap(
        { validFrom: '2026-01-01', validUntil: '2026-02-01' },
        { validFrom: '2026-02-01', validUntil: null },
      ),
    ).toBe(false);
    expect(
      periodsOverlap(
        { validFrom: '2026-01-01', validUntil: null },
        { validFrom: '2030-01-01', validUntil: null },
      ),
    ).toBe(true);
  });
});
