/**
 * Child process of the real-spec test: generates one SDK and prints its phase timings as JSON, so
 * peak RSS is this generation's alone (with response schemas, so they are built under strict too).
 * Usage: generate-one.ts <spec.json> <outDir> <ClientName>
 */
import { readFileSync } from 'node:fs';
import { buildModel } from '../../../generator/model/index.js';
import { emitPackage, type EmitTimings } from '../../../generator/emit/index.js';
import { configFor, specFromDocument } from '../model/helpers.js';
import { writeFiles } from '../emit/harness.js';

const [specPath, outDir, clientName] = process.argv.slice(2);
const start = performance.now();
const document = JSON.parse(readFileSync(specPath!, 'utf8')) as object;
const parsed = performance.now();
const spec = specFromDocument(document, specPath);
const config = configFor({
  client: { name: clientName! },
  package: { name: `@real/${clientName!.toLowerCase()}`, version: '1.0.0' },
  output: outDir!,
  validateResponses: true,
});
const model = buildModel(spec, config);
const modelled = performance.now();
const emitTimings: EmitTimings = { types: 0, code: 0, packageFiles: 0 };
const files = await emitPackage(model, spec, config, emitTimings);
const emitted = performance.now();
writeFiles(outDir!, files);
const written = performance.now();
process.stdout.write(
  JSON.stringify({
    operations: model.operations.length,
    parseMs: Math.round(parsed - start),
    modelMs: Math.round(modelled - parsed),
    typesMs: Math.round(emitTimings.types),
    codeMs: Math.round(emitTimings.code),
    packageFilesMs: Math.round(emitTimings.packageFiles),
    generateMs: Math.round(emitted - start),
    writeMs: Math.round(written - emitted),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    files: files.size,
    bytes: [...files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0),
  }),
);
