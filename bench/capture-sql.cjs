// Preload (`node --require bench/capture-sql.cjs`) used by bench/directory.mjs to check that the baseline server
// runs exactly the SQL the API runs: when BENCH_SQL_LOG names a file, every statement sent through `pg` (text and
// parameters) is appended to it as one JSON line. Without BENCH_SQL_LOG it does nothing. Never loaded while
// measuring: the benchmark restarts both servers without it.
'use strict';
const file = process.env.BENCH_SQL_LOG;
if (file) {
  const { appendFileSync } = require('node:fs');
  const { Client } = require('pg');
  const query = Client.prototype.query;
  Client.prototype.query = function capturedQuery(config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : (config?.values ?? []);
    if (typeof text === 'string') {
      appendFileSync(
        file,
        `${JSON.stringify({ text, params: params.map((value) => (value == null ? null : String(value))) })}\n`,
      );
    }
    return query.call(this, config, values, callback);
  };
}
