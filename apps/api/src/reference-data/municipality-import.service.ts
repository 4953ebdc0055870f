import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { RegionMembershipEntity } from '../regions/region-membership.entity';
import {
  checkEffectiveDate,
  formatImportIssue,
  ImportIssue,
  ListedMunicipality,
  Merger,
  parseMergers,
  parseMunicipalityList,
} from './municipality-list-validation';
import { referenceRegionKey, referenceRegionsOf, ReferenceDataService } from './reference-data.service';
import { readReferenceGrids } from './reference-grids';

export interface MunicipalityImportOptions {
  /** The day the new list takes effect (CBS: 1 January); ended periods end and new ones start on it. */
  effectiveDate: string;
  /** CSV `old_gm_code,successor_gm_code`: one row per code that disappears from the list. */
  mergers?: string;
  /** Check and report what would change, then roll back. */
  dryRun?: boolean;
}

interface MunicipalityName {
  name: string;
  displayName: string | null;
}

export interface MunicipalityImportReport {
  effectiveDate: string;
  dryRun: boolean;
  added: { code: string; name: string }[];
  renamed: { code: string; from: MunicipalityName; to: MunicipalityName }[];
  ended: { code: string; name: string; successorCode: string }[];
  /** One entry per municipality and reference grid it changes region in. */
  moved: { code: string; regionType: string; from: string | null; to: string }[];
  /** Listed municipalities that needed no change. */
  unchanged: number;
  /** Editable regions (ketenregie, zorgcoördinatie, …) that a successor joined in place of merged members. */
  successorJoined: {
    code: string;
    regionType: string;
    regionCode: string;
    regionName: string;
    replaces: string[];
  }[];
}

/** The input was refused; nothing was imported. `issues` names the row and column of each problem. */
export class MunicipalityImportError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(
      `Municipality list not imported: ${issues.length} problem(s).\n${issues.map((issue) => `  ${formatImportIssue(issue)}`).join('\n')}`,
    );
    this.name = 'MunicipalityImportError';
  }
}

class DryRunRollback extends Error {
  constructor(readonly report: MunicipalityImportReport) {
    super('dry run');
  }
}

interface StoredMunicipality {
  code: string;
  name: string;
  display_name: string | null;
  valid_from: string;
  valid_until: string | null;
  successor_code: string | null;
}

interface OpenMembership {
  region_id: string;
  municipality_code: string;
  type_code: string;
  code: string;
  name: string;
  valid_from: string;
}

/**
 * Loads a newer CBS municipality list. Municipalities are never deleted: a code that disappears ends on the
 * effective date with its successor, and so do its memberships, so every link to the old code keeps working
 * and history stays queryable. The whole import is one transaction and refuses any input with a problem.
 */
@Injectable()
export class MunicipalityImportService {
  private readonly logger = new Logger('MunicipalityImport');

  constructor(
    private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceDataService,
    private readonly config: AppConfig,
  ) {}

  async importMunicipalityList(
    csvText: string,
    options: MunicipalityImportOptions,
  ): Promise<MunicipalityImportReport> {
    const grids = readReferenceGrids(this.config.resolvePath(this.config.REFERENCE_DATA_DIR));
    const list = parseMunicipalityList(csvText, grids);
    const mergers =
      options.mergers === undefined ? { mergers: [], issues: [] } : parseMergers(options.mergers);
    const issues = [...checkEffectiveDate(options.effectiveDate), ...list.issues, ...mergers.issues];
    if (issues.length > 0) throw new MunicipalityImportError(issues);
    try {
      const report = await this.dataSource.transaction(async (manager) => {
        const result = await this.apply(manager, list.rows, mergers.mergers, options.effectiveDate);
        if (options.dryRun) throw new DryRunRollback(result);
        return result;
      });
      this.logger.log(
        `imported municipality list of ${options.effectiveDate}: ${report.added.length} added, ${report.renamed.length} renamed, ` +
          `${report.ended.length} ended, ${report.moved.length} region change(s), ${report.unchanged} unchanged`,
      );
      return report;
    } catch (error) {
      if (error instanceof DryRunRollback) return { ...error.report, dryRun: true };
      throw error;
    }
  }

  private async apply(
    manager: EntityManager,
    rows: ListedMunicipality[],
    mergers: Merger[],
    effectiveDate: string,
  ): Promise<MunicipalityImportReport> {
    // One import at a time; readers (the API) carry on.
    await manager.query('LOCK TABLE municipality IN SHARE ROW EXCLUSIVE MODE');
    const stored: StoredMunicipality[] = await manager.query(
      `SELECT code, name, display_name, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
              to_char(valid_until, 'YYYY-MM-DD') AS valid_until, successor_code
         FROM municipality`,
    );
    const { ending, issues } = await this.check(manager, rows, mergers, stored, effectiveDate);
    if (issues.length > 0) throw new MunicipalityImportError(issues);

    const storedByCode = new Map(stored.map((municipality) => [municipality.code, municipality]));
    const report: MunicipalityImportReport = {
      effectiveDate,
      dryRun: false,
      added: [],
      renamed: [],
      ended: [],
      moved: [],
      unchanged: 0,
      successorJoined: [],
    };

    const added = rows.filter((row) => !storedByCode.has(row.gmCode));
    if (added.length > 0) {
      await this.referenceData.insertMunicipalities(manager, added, effectiveDate);
      await this.referenceData.linkReferenceRegions(manager, added, effectiveDate);
      report.added = added.map((row) => ({ code: row.gmCode, name: row.name }));
    }

    const kept = rows.filter((row) => storedByCode.has(row.gmCode));
    for (const row of kept) {
      const before = storedByCode.get(row.gmCode)!;
      if (before.name === row.name && before.display_name === row.displayName) continue;
      await manager.query(`UPDATE municipality SET name = $2, display_name = $3 WHERE code = $1`, [
        row.gmCode,
        row.name,
        row.displayName,
      ]);
      report.renamed.push({
        code: row.gmCode,
        from: { name: before.name, displayName: before.display_name },
        to: { name: row.name, displayName: row.displayName },
      });
    }
    report.moved = await this.moveBetweenReferenceRegions(manager, kept, effectiveDate);

    const successorOf = new Map(mergers.map((merger) => [merger.oldCode, merger.successorCode]));
    report.successorJoined = await this.endMunicipalities(manager, ending, successorOf, effectiveDate);
    report.ended = ending.map((municipality) => ({
      code: municipality.code,
      name: municipality.name,
      successorCode: successorOf.get(municipality.code)!,
    }));

    const changed = new Set([...report.renamed, ...report.moved].map((change) => change.code));
    report.unchanged = kept.filter((row) => !changed.has(row.gmCode)).length;
    return report;
  }

  /** Checks the list and mergers against what is stored; returns the current municipalities that end. */
  private async check(
    manager: EntityManager,
    rows: ListedMunicipality[],
    mergers: Merger[],
    stored: StoredMunicipality[],
    effectiveDate: string,
  ): Promise<{ ending: StoredMunicipality[]; issues: ImportIssue[] }> {
    const issues: ImportIssue[] = [];
    const [{ last }]: { last: string | null }[] = await manager.query(
      `SELECT to_char(greatest(max(m.valid_from), max(m.valid_until),
                               (SELECT max(g.valid_from) FROM municipality g),
                               (SELECT max(g.valid_until) FROM municipality g)), 'YYYY-MM-DD') AS last
         FROM region_membership m JOIN region r ON r.id = m.region_id AND r.source = 'reference'`,
    );
    if (last !== null && effectiveDate < last) {
      issues.push({
        source: 'options',
        column: 'effectiveDate',
        message: `${effectiveDate} lies before ${last}, the date of a list already imported; import lists in date order`,
      });
    }
    const storedByCode = new Map(stored.map((municipality) => [municipality.code, municipality]));
    const listedRow = new Map(rows.map((row) => [row.gmCode, row.row]));
    for (const row of rows) {
      const before = storedByCode.get(row.gmCode);
      if (before?.valid_until) {
        const merged = before.successor_code ? ` when it merged into ${before.successor_code}` : '';
        issues.push({
          source: 'list',
          row: row.row,
          column: 'gm_code',
          message: `${row.gmCode} (${before.name}) ended on ${before.valid_until}${merged}; CBS does not reuse codes`,
        });
      }
    }
    const mergerOf = new Map(mergers.map((merger) => [merger.oldCode, merger]));
    for (const merger of mergers) {
      const old = storedByCode.get(merger.oldCode);
      const problem = (column: string, message: string) =>
        issues.push({ source: 'mergers', row: merger.row, column, message });
      if (!old) {
        problem('old_gm_code', `${merger.oldCode} is not a known municipality`);
      } else if (listedRow.has(merger.oldCode)) {
        problem(
          'old_gm_code',
          `${merger.oldCode} (${old.name}) is still in the municipality list (row ${listedRow.get(merger.oldCode)})`,
        );
      } else if (old.valid_until) {
        // Already merged by an earlier import: fine when it says the same, so a mergers file can be re-used.
        if (old.successor_code !== merger.successorCode) {
          problem(
            'successor_gm_code',
            `${merger.oldCode} already ended on ${old.valid_until} with successor ${old.successor_code}`,
          );
        }
      } else if (!listedRow.has(merger.successorCode)) {
        problem('successor_gm_code', `${merger.successorCode} is not in the new municipality list`);
      }
    }
    const ending = stored.filter(
      (municipality) => !municipality.valid_until && !listedRow.has(municipality.code),
    );
    for (const municipality of ending) {
      if (!mergerOf.has(municipality.code)) {
        issues.push({
          source: 'mergers',
          column: 'old_gm_code',
          message:
            `${municipality.code} (${municipality.name}) is missing from the municipality list and has no successor; ` +
            'CBS removes a code only by merger, so add it to the mergers file',
        });
      } else if (municipality.valid_from >= effectiveDate) {
        issues.push({
          source: 'mergers',
          row: mergerOf.get(municipality.code)!.row,
          column: 'old_gm_code',
          message: `${municipality.code} began on ${municipality.valid_from} and cannot end on ${effectiveDate}`,
        });
      }
    }
    return { ending, issues: issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
  }

  /**
   * Gives each listed municipality exactly the province, veiligheidsregio, politie-eenheid and RIEC of its row:
   * a membership that no longer fits ends on the effective date and the new one starts on it.
   */
  private async moveBetweenReferenceRegions(
    manager: EntityManager,
    rows: ListedMunicipality[],
    effectiveDate: string,
  ): Promise<MunicipalityImportReport['moved']> {
    const open: OpenMembership[] = await manager.query(
      `SELECT m.region_id, m.municipality_code, r.type_code, r.code, r.name, to_char(m.valid_from, 'YYYY-MM-DD') AS valid_from
         FROM region_membership m JOIN region r ON r.id = m.region_id
        WHERE r.source = 'reference' AND (m.valid_until IS NULL OR m.valid_until > $1::date)`,
      [effectiveDate],
    );
    const openByKey = new Map<string, OpenMembership[]>();
    for (const membership of open) {
      const key = `${membership.municipality_code}|${membership.type_code}`;
      openByKey.set(key, [...(openByKey.get(key) ?? []), membership]);
    }
    const moved: MunicipalityImportReport['moved'] = [];
    const starts: { row: ListedMunicipality; regionKey: string }[] = [];
    for (const row of rows) {
      for (const wanted of referenceRegionsOf(row)) {
        const current = openByKey.get(`${row.gmCode}|${wanted.typeCode}`) ?? [];
        if (current.length === 1 && current[0].code === wanted.code) continue;
        for (const membership of current.filter((candidate) => candidate.code !== wanted.code)) {
          await this.endMembership(manager, membership, effectiveDate);
        }
        if (!current.some((membership) => membership.code === wanted.code)) {
          starts.push({ row, regionKey: referenceRegionKey(wanted) });
        }
        const from = current
          .filter((membership) => membership.code !== wanted.code)
          .map((membership) => membership.code);
        moved.push({
          code: row.gmCode,
          regionType: wanted.typeCode,
          from: from.join(', ') || null,
          to: wanted.code,
        });
      }
    }
    if (starts.length > 0) {
      const regionId = await this.referenceData.ensureReferenceRegions(
        manager,
        starts.flatMap(({ row }) => referenceRegionsOf(row)),
        effectiveDate,
      );
      await manager.insert(
        RegionMembershipEntity,
        starts.map(({ row, regionKey }) => ({
          regionId: regionId.get(regionKey)!,
          municipalityCode: row.gmCode,
          validFrom: effectiveDate,
          validUntil: null,
        })),
      );
    }
    return moved;
  }

  /**
   * Ends merged municipalities and all their memberships on the effective date. Editable regions are the
   * choice of the people involved, not a legal grid; so that a merger does not leave a hole in their
   * coverage, the successor joins every editable region a merged municipality was in. Their maintainers
   * can still remove it; the region's version changes so that an edit based on the old members conflicts.
   */
  private async endMunicipalities(
    manager: EntityManager,
    ending: StoredMunicipality[],
    successorOf: Map<string, string>,
    effectiveDate: string,
  ): Promise<MunicipalityImportReport['successorJoined']> {
    if (ending.length === 0) return [];
    const codes = ending.map((municipality) => municipality.code);
    const editable: OpenMembership[] = await manager.query(
      `SELECT m.region_id, m.municipality_code, r.type_code, r.code, r.name, to_char(m.valid_from, 'YYYY-MM-DD') AS valid_from
         FROM region_membership m JOIN region r ON r.id = m.region_id
        WHERE m.municipality_code = ANY($1) AND r.source <> 'reference'
          AND (m.valid_until IS NULL OR m.valid_until > $2::date)
          AND (r.valid_until IS NULL OR r.valid_until > $2::date)
        ORDER BY r.code, m.municipality_code`,
      [codes, effectiveDate],
    );
    const regionIds = [...new Set(editable.map((membership) => membership.region_id))].sort();
    if (regionIds.length > 0) {
      await manager.query(`SELECT id FROM region WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [regionIds]);
    }
    for (const municipality of ending) {
      await manager.query(`UPDATE municipality SET valid_until = $2, successor_code = $3 WHERE code = $1`, [
        municipality.code,
        effectiveDate,
        successorOf.get(municipality.code),
      ]);
    }
    // A membership that would only begin on or after the end has no period left.
    await manager.query(
      `DELETE FROM region_membership WHERE municipality_code = ANY($1) AND valid_from >= $2::date`,
      [codes, effectiveDate],
    );
    await manager.query(
      `UPDATE region_membership SET valid_until = $2
        WHERE municipality_code = ANY($1) AND (valid_until IS NULL OR valid_until > $2::date)`,
      [codes, effectiveDate],
    );

    const joins = new Map<
      string,
      MunicipalityImportReport['successorJoined'][number] & { regionId: string }
    >();
    for (const membership of editable) {
      const successor = successorOf.get(membership.municipality_code)!;
      const key = `${membership.region_id}|${successor}`;
      const join = joins.get(key) ?? {
        regionId: membership.region_id,
        code: successor,
        regionType: membership.type_code,
        regionCode: membership.code,
        regionName: membership.name,
        replaces: [],
      };
      join.replaces.push(membership.municipality_code);
      joins.set(key, join);
    }
    const joined: MunicipalityImportReport['successorJoined'] = [];
    for (const { regionId, ...join } of joins.values()) {
      const [present] = await manager.query(
        `SELECT 1 FROM region_membership
          WHERE region_id = $1 AND municipality_code = $2 AND (valid_until IS NULL OR valid_until > $3::date)`,
        [regionId, join.code, effectiveDate],
      );
      if (present) continue;
      await manager.insert(RegionMembershipEntity, {
        regionId,
        municipalityCode: join.code,
        validFrom: effectiveDate,
        validUntil: null,
      });
      joined.push(join);
    }
    if (regionIds.length > 0) {
      await manager.query(`UPDATE region SET version = version + 1, updated_at = now() WHERE id = ANY($1)`, [
        regionIds,
      ]);
    }
    return joined;
  }

  private async endMembership(manager: EntityManager, membership: OpenMembership, effectiveDate: string) {
    const id = {
      regionId: membership.region_id,
      municipalityCode: membership.municipality_code,
      validFrom: membership.valid_from,
    };
    // Begun on the same day (a corrected list for the same date): no period remains, so it goes.
    if (membership.valid_from >= effectiveDate) await manager.delete(RegionMembershipEntity, id);
    else await manager.update(RegionMembershipEntity, id, { validUntil: effectiveDate });
  }
}
