import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp } from '../test/test-app';
import { pendingSchemaChanges } from './schema-drift';

describe('schema', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('is fully described by the migrations: entities and migrations do not drift', async () => {
    const { up } = await pendingSchemaChanges(app.get(DataSource));
    // On failure: `npm run db:migration:generate -- <Name>` and commit the migration.
    expect(up).toEqual([]);
  });

  it('never synchronizes the schema from entities', () => {
    expect(app.get(DataSource).options.synchronize).toBe(false);
  });

  it('can undo every migration and apply them again', async () => {
    const dataSource = app.get(DataSource);
    const count = dataSource.migrations.length;
    // Only on a throwaway database: in CI the server database is created for this run.
    for (let step = 0; step < count; step++) await dataSource.undoLastMigration({ transaction: 'each' });
    const [{ exists }] = await dataSource.query(`SELECT to_regclass('public.region') IS NOT NULL AS exists`);
    expect(exists).toBe(false);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await pendingSchemaChanges(dataSource)).up).toEqual([]);
  });
});
