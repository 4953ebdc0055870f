/**
 * Generates a migration from the difference between the entities and the migrated schema.
 * Usage: npm run db:migration:generate -- <Name>   (uses DATABASE_URL, else a throwaway embedded database)
 * With `--check` it writes nothing and exits 1 when entities and migrations drift (CI).
 */
import 'reflect-metadata';
import { writeFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../../config/app-config';
import { closeDatabase, createDataSource } from '../data-source';
import { pendingSchemaChanges } from '../schema-drift';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const name = args.find((arg) => !arg.startsWith('--'));
  if (!check && !name) throw new Error('usage: generate-migration <Name> | --check');
  const config = loadConfig({ ...process.env, PGLITE_DATA_DIR: 'memory://' });
  const handle = await createDataSource(config);
  try {
    await handle.dataSource.initialize();
    await handle.dataSource.runMigrations({ transaction: 'each' });
    const { up, down } = await pendingSchemaChanges(handle.dataSource);
    if (check) {
      if (up.length > 0) {
        console.error(`Entities and migrations drift; a migration would run:\n${up.join(';\n')}`);
        process.exitCode = 1;
      } else console.log('No schema drift: entities match the migrations.');
      return;
    }
    if (up.length === 0) {
      console.log('No changes: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const fileBase = `${timestamp}-${name!.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;
    const dir = path.resolve('apps/api/src/database/migrations');
    const quote = (sql: string) => '`' + sql.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map((sql) => `    await queryRunner.query(${quote(sql)});`).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down.map((sql) => `    await queryRunner.query(${quote(sql)});`).join('\n')}
  }
}
`;
    writeFileSync(path.join(dir, `${fileBase}.ts`), body);
    const indexPath = path.join(dir, 'index.ts');
    const index = readFileSync(indexPath, 'utf8')
      .replace(/(\n\/\*\*)/, `import { ${className} } from './${fileBase}';\n$1`)
      .replace(/\];\s*$/, `  ${className},\n];\n`);
    writeFileSync(indexPath, index);
    console.log(`Wrote migrations/${fileBase}.ts`);
  } finally {
    await closeDatabase(handle);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
