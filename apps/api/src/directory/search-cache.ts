import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AppConfig } from '../config/app-config';

/**
 * Search result pages of this API instance, keyed by the directory's revision and today's date (which decide which
 * function assignments are current), so a page is never served after a committed change, whichever instance made
 * it: the revision is read from PostgreSQL on every request (table `directory_revision`, bumped at commit of any
 * change to organisations, people, functions, regions or gemeenten; migration DirectoryRevision1795882000000).
 * The revision is read before the search runs, so a page cached under revision r holds at least the data of r.
 * Nothing here is needed by another instance: a cold cache only costs time. Least recently used pages go first.
 */
@Injectable()
export class DirectorySearchCache<Page = unknown> {
  private readonly pages = new Map<string, Page>();
  private stamp = '';

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async page(parts: readonly unknown[], compute: () => Promise<Page>): Promise<Page> {
    const capacity = this.config.SEARCH_CACHE_ENTRIES;
    if (capacity === 0) return compute();
    // Straight to the driver's pool: this read is all the database work of a cache hit, and TypeORM's query runner
    // (acquire, log hooks, release) cost as much again as the query itself.
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const {
      rows: [{ revision, today }],
    } = await pool.query<{ revision: string; today: string }>(
      `SELECT revision::text AS revision, CURRENT_DATE::text AS today FROM directory_revision WHERE id = 1`,
    );
    const stamp = `${revision}/${today}`;
    if (stamp !== this.stamp) {
      // Pages of an older revision can never be asked for again.
      this.pages.clear();
      this.stamp = stamp;
    }
    const key = JSON.stringify(parts);
    const cached = this.pages.get(key);
    if (cached !== undefined) {
      this.pages.delete(key);
      this.pages.set(key, cached);
      return cached;
    }
    const page = await compute();
    if (this.stamp === stamp) {
      this.pages.set(key, page);
      if (this.pages.size > capacity) this.pages.delete(this.pages.keys().next().value as string);
    }
    return page;
  }
}
