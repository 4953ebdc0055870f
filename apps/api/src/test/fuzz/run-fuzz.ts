/**
 * `npm run fuzz [-- --seed N --runs N --only "GET /api/v1/regions" --json report.json]`: the API fuzzer with
 * ≥ 10,000 requests (default) against a fresh app on the embedded database, or on DATABASE_URL. Prints the counts
 * per status class, caller, body kind and operation, and every failure with what reproduces it. Exit code 1 on
 * any failure.
 */
import { writeFileSync } from 'node:fs';
import { createFuzzEnvironment } from './fuzz-target';
import { formatReport, runFuzz } from './fuzzer';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index >= 0) return process.argv[index + 1];
  const inline = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

async function main(): Promise<void> {
  const seed = Number(argument('seed') ?? Math.floor(Math.random() * 2 ** 31));
  const runs = Number(argument('runs') ?? 10_000);
  const only = argument('only');
  const json = argument('json');
  if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
    throw new Error(
      'usage: npm run fuzz -- [--seed <integer>] [--runs <integer>] [--only <operation text>] [--json <file>]',
    );
  }
  process.stdout.write(
    `Ketenkaart API fuzzer: seed ${seed}, ${runs} requests, database ${process.env.DATABASE_URL ? 'server (DATABASE_URL)' : 'embedded (in memory)'}\n`,
  );
  const environment = await createFuzzEnvironment();
  try {
    const target = environment.target;
    process.stdout.write(
      `${target.operations.length} operations, ${target.callers.length} callers (${target.callers.map((c) => c.name).join(', ')}), ` +
        `${target.pools.ids.length} real ids in the pool\n`,
    );
    let lastPrint = Date.now();
    const report = await runFuzz(target, {
      seed,
      runs,
      only,
      onProgress(done, total) {
        if (Date.now() - lastPrint > 10_000 || done === total) {
          lastPrint = Date.now();
          process.stdout.write(`  … ${done}/${total}\n`);
        }
      },
    });
    process.stdout.write(`${formatReport(report, { perOperation: true })}\n`);
    if (json) writeFileSync(json, JSON.stringify(report, null, 2));
    if (report.failures.length) {
      process.stdout.write(
        `Reproduce: npm run fuzz -- --seed ${seed} --runs ${runs}${only ? ` --only "${only}"` : ''}\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await environment.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
