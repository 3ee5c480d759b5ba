// Preloaded with `node --require` (through NODE_OPTIONS, so child node processes get it too):
// appends this process's peak RSS in KiB to $BENCH_RSS_FILE when it exits.
'use strict';
const { appendFileSync } = require('node:fs');
const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
    } catch {
      // the benchmark reads what is there; a missing line shows as "n/a"
    }
  });
}
