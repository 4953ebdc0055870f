import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  checkEffectiveDate,
  formatImportIssue,
  parseMergers,
  parseMunicipalityList,
} from './municipality-list-validation';
import { readReferenceGrids } from './reference-grids';

const dataDir = path.resolve(__dirname, '../../data');
const grids = readReferenceGrids(dataDir);
const bundled = readFileSync(path.join(dataDir, 'gemeenten.csv'), 'utf8');
const HEADER =
  'gm_code,cbs_code,name,display_name,province_code,province_name,vr_code,vr_name,politie_eenheid,riec';
const AMSTERDAM =
  'GM0363,0363,Amsterdam,,PV27,Noord-Holland,VR13,Amsterdam-Amstelland,Amsterdam,RIEC Amsterdam-Amstelland';
const list = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('parseMunicipalityList', () => {
  it('accepts the bundled list of 342 gemeenten, quoted names included', () => {
    const { rows, issues } = parseMunicipalityList(bundled, grids);
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(342);
    expect(rows.find((row) => row.gmCode === 'GM0820')?.name).toBe('Nuenen, Gerwen en Nederwetten');
    expect(rows[0]).toMatchObject({ row: 2, gmCode: 'GM0014', displayName: null, vrCode: 'VR01' });
  });

  it("knows the 25 veiligheidsregio's and 12 provinces", () => {
    expect(grids.veiligheidsregios.size).toBe(25);
    expect(grids.veiligheidsregios.get('VR13')).toEqual({
      name: 'Amsterdam-Amstelland',
      politieEenheid: 'Amsterdam',
      riec: 'RIEC Amsterdam-Amstelland',
    });
    expect(grids.provinces.size).toBe(12);
  });

  it('reports each bad value with its row (header is row 1) and column', () => {
    const { rows, issues } = parseMunicipalityList(
      list(
        AMSTERDAM,
        'GM12,0012,Nergens,,PV27,Noord-Holland,VR13,Amsterdam-Amstelland,Amsterdam,RIEC Amsterdam-Amstelland',
        'GM0384,0384,,,PV27,Noord-Holland,VR13,Amsterdam-Amstelland,Amsterdam,RIEC Amsterdam-Amstelland',
        'GM0437,0437,Ouder-Amstel,,PV27,Noord-Holland,VR99,Nergensland,Amsterdam,RIEC Amsterdam-Amstelland',
        'GM0451,0415,Uithoorn,,PV99,Noord-Holland,VR13,Amsterdam-Amstelland,Rotterdam,RIEC Rotterdam',
      ),
      grids,
    );
    expect(rows.map((row) => row.gmCode)).toEqual(['GM0363']);
    expect(issues.map(({ row, column }) => `${row}:${column}`)).toEqual([
      '3:gm_code',
      '4:name',
      '5:vr_code',
      '6:cbs_code',
      '6:province_code',
      '6:politie_eenheid',
      '6:riec',
    ]);
    expect(formatImportIssue(issues[0])).toBe(
      "municipality list, row 3, column gm_code: 'GM12' is not a municipality code (GM followed by four digits)",
    );
    expect(issues[2].message).toBe("'VR99' is not a veiligheidsregio (VR01 to VR25)");
  });

  it('refuses a duplicate code, a wrong number of values and a name that does not match its code', () => {
    const { issues } = parseMunicipalityList(
      list(
        AMSTERDAM,
        '',
        AMSTERDAM,
        'GM0384,0384,Diemen,,PV27,Noord-Holland,VR13',
        'GM0451,0451,Uithoorn,,PV27,Noord-Holland,VR13,Amstelland,Amsterdam,RIEC Amsterdam-Amstelland',
      ),
      grids,
    );
    expect(issues).toEqual([
      { source: 'list', row: 4, column: 'gm_code', message: 'GM0363 is listed twice (also in row 2)' },
      expect.objectContaining({
        row: 5,
        message: expect.stringMatching(/^has 7 values where the header has 10/),
      }),
      expect.objectContaining({ row: 6, column: 'vr_name' }),
    ]);
  });

  it('checks the header before any row', () => {
    const { rows, issues } = parseMunicipalityList(
      'gm_code,cbs_code,naam,display_name,province_code,province_name,vr_code,vr_name,politie_eenheid,riec\n' +
        AMSTERDAM,
      grids,
    );
    expect(rows).toEqual([]);
    expect(issues.map(({ row, column }) => `${row}:${column}`)).toEqual(['1:naam', '1:name']);
  });

  it('refuses an empty list and unreadable CSV', () => {
    expect(parseMunicipalityList('', grids).issues).toEqual([
      { source: 'list', message: 'the file is empty' },
    ]);
    expect(parseMunicipalityList(HEADER, grids).issues).toEqual([
      { source: 'list', message: 'the list has no municipalities' },
    ]);
    const unclosed = parseMunicipalityList(list(AMSTERDAM, 'GM0384,0384,"Diemen'), grids).issues;
    expect(unclosed).toEqual([
      expect.objectContaining({
        source: 'list',
        row: 3,
        message: expect.stringMatching(/^not readable as CSV/),
      }),
    ]);
  });
});

describe('parseMergers', () => {
  it('reads old_gm_code,successor_gm_code rows, also with mixed Windows and Unix line ends', () => {
    expect(parseMergers('old_gm_code,successor_gm_code\r\nGM0384,GM1999\nGM0437,GM1999\r\n')).toEqual({
      mergers: [
        { oldCode: 'GM0384', successorCode: 'GM1999', row: 2 },
        { oldCode: 'GM0437', successorCode: 'GM1999', row: 3 },
      ],
      issues: [],
    });
  });

  it('reports bad codes, self-succession and duplicates by row and column', () => {
    const { mergers, issues } = parseMergers(
      'old_gm_code,successor_gm_code\nGM0384,1999\nGM0437,GM0437\nGM0451,GM1999\nGM0451,GM0363\n',
    );
    expect(mergers).toEqual([{ oldCode: 'GM0451', successorCode: 'GM1999', row: 4 }]);
    expect(issues.map(({ row, column }) => `${row}:${column}`)).toEqual([
      '2:successor_gm_code',
      '3:successor_gm_code',
      '5:old_gm_code',
    ]);
  });

  it('refuses the wrong header', () => {
    expect(parseMergers('old,new\nGM0384,GM1999').issues.map((issue) => issue.column)).toEqual([
      'old',
      'new',
      'old_gm_code',
      'successor_gm_code',
    ]);
  });
});

describe('checkEffectiveDate', () => {
  it('accepts only real calendar dates', () => {
    expect(checkEffectiveDate('2024-01-01')).toEqual([]);
    expect(checkEffectiveDate('2024-02-29')).toEqual([]);
    for (const bad of ['2023-02-29', '2024-13-01', '1-1-2024', '2024-01-01T00:00', '']) {
      expect(checkEffectiveDate(bad)).toEqual([
        expect.objectContaining({ source: 'options', column: 'effectiveDate' }),
      ]);
    }
  });
});
