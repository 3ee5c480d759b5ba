import { writeFileSync, mkdirSync } from 'node:fs';
import { hostileSpec } from './hostile-spec.js';
const seed = Number(process.argv[2]);
mkdirSync(`/work/main/.tmp/fz/${seed}`, { recursive: true });
writeFileSync(`/work/main/.tmp/fz/${seed}/openapi.json`, JSON.stringify(hostileSpec({ seed }), null, 2));
