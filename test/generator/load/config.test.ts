import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  clientNameFromTitle,
  durationMs,
  FALLBACK_PACKAGE_VERSION,
  findConfigFile,
  loadConfig,
  packageNameFromTitle,
  resolveConfig,
} from '../../../generator/config.js';
import { loadSpec } from '../../../generator/load/index.js';
import { InputError } from '../../../generator/types.js';
import { REPO_ROOT, scratchDir } from '../cli/run-cli.js';

const scratch = scratchDir('config');
after(() => scratch.cleanup());
const petstore = join(REPO_ROOT, 'fixtures/petstore.yaml');

function writeConfig(name: string, text: string): string {
  const dir = join(scratch.path, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sdkgen.config.yaml'), text);
  return join(dir, 'sdkgen.config.yaml');
}

async function configError(path: string): Promise<InputError> {
  try {
    await loadConfig(path, { cwd: scratch.path });
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error;
  }
  assert.fail('expected the config to be refused');
}

describe('loadConfig + resolveConfig', () => {
  test('a full config: absolute paths, durations in ms, spec-derived defaults filled', async () => {
    const path = writeConfig(
      'full',
      [
        `spec: ${petstore}`,
        'output: ./generated',
        'defaults:',
        '  timeout: { connect: 10s, read: 500ms, total: 2m }',
        '  retry: { maxRetries: 2 }',
        'idempotency: { header: Idempotency-Key, operations: [createPet] }',
        'pagination:',
        '  listPets: { style: link }',
        'names:',
        '  getInventory: store.inventory',
        '',
      ].join('\n'),
    );
    const settings = await loadConfig(path, { cwd: scratch.path });
    const config = resolveConfig(settings, await loadSpec(settings.spec, { allowRemoteRefs: false }));
    assert.equal(config.spec, petstore);
    assert.equal(config.output, join(scratch.path, 'full/generated'));
    assert.deepEqual(config.defaults, {
      timeout: { connect: 10_000, read: 500, total: 120_000 },
      retry: { maxRetries: 2 },
    });
    assert.deepEqual(config.package, { name: 'pet-store', version: '1.0.0' });
    assert.deepEqual(config.client, { name: 'PetStore' });
    assert.equal(config.runtime, 'vendored');
    assert.equal(config.configPath, path);
  });

  test('command-line spec and output win, relative to cwd', async () => {
    const path = writeConfig('override', 'spec: ./nope.yaml\noutput: ./from-config\n');
    const settings = await loadConfig(path, { spec: 'cli.yaml', output: 'cli-out', cwd: '/somewhere' });
    assert.equal(settings.spec, '/somewhere/cli.yaml');
    assert.equal(settings.output, '/somewhere/cli-out');
  });

  test('without a config file: output defaults to ./sdk under cwd', async () => {
    const settings = await loadConfig(undefined, { spec: 'a.yaml', cwd: '/work/x' });
    assert.equal(settings.output, '/work/x/sdk');
  });

  test('./sdkgen.config.yaml is found only when present', () => {
    const path = writeConfig('found', 'spec: a.yaml\n');
    assert.equal(findConfigFile(undefined, join(scratch.path, 'found')), path);
    assert.equal(findConfigFile(undefined, join(scratch.path, 'nowhere')), undefined);
    assert.equal(findConfigFile('x/c.yaml', '/base'), '/base/x/c.yaml');
  });

  test('an unknown nested key is named with its line:col and a suggestion', async () => {
    const error = await configError(writeConfig('unknown', 'spec: a.yaml\ndefaults:\n  timeout:\n    conect: 1s\n'));
    assert.match(error.message, /unknown key "defaults\.timeout\.conect"/);
    assert.deepEqual(error.details.location, {
      file: join(scratch.path, 'unknown/sdkgen.config.yaml'),
      line: 4,
      col: 5,
    });
    assert.match(error.details.hint ?? '', /did you mean "connect"/);
  });

  test('a bad duration, a bad enum and a bad type are located', async () => {
    const duration = await configError(
      writeConfig('duration', 'spec: a.yaml\ndefaults: { timeout: { read: 10 seconds } }\n'),
    );
    assert.match(duration.message, /defaults\.timeout\.read .* not a duration/);
    assert.equal(duration.details.location?.line, 2);
    const runtime = await configError(writeConfig('enum', 'spec: a.yaml\nruntime: shared\n'));
    assert.match(runtime.message, /must be one of: vendored, package/);
    assert.deepEqual(runtime.details.location, {
      file: join(scratch.path, 'enum/sdkgen.config.yaml'),
      line: 2,
      col: 10,
    });
    const version = await configError(writeConfig('type', 'spec: a.yaml\npackage: { version: latest }\n'));
    assert.match(version.message, /package\.version/);
  });

  test('runtime: package without runtimePackage is refused', async () => {
    const error = await configError(writeConfig('runtime', 'spec: a.yaml\nruntime: package\n'));
    assert.match(error.message, /runtimePackage/);
  });

  test('an operationId the spec lacks is refused at the config key', async () => {
    const path = writeConfig('opid', `spec: ${petstore}\npagination:\n  listPet: { style: link }\n`);
    const settings = await loadConfig(path, { cwd: scratch.path });
    const spec = await loadSpec(settings.spec, { allowRemoteRefs: false });
    assert.throws(
      () => resolveConfig(settings, spec),
      (error: unknown) =>
        error instanceof InputError &&
        /listPet/.test(error.message) &&
        error.details.location?.line === 3 &&
        /listPets/.test(error.details.hint ?? ''),
    );
  });

  test('missing config file and missing spec are input errors', async () => {
    await assert.rejects(loadConfig(join(scratch.path, 'absent.yaml'), {}), InputError);
    await assert.rejects(loadConfig(undefined, { cwd: scratch.path }), /no spec/);
  });
});

describe('defaults derived from the spec', () => {
  test('durations', () => {
    assert.equal(durationMs('10s'), 10_000);
    assert.equal(durationMs('500ms'), 500);
    assert.equal(durationMs('2m'), 120_000);
    assert.equal(durationMs('1.5s'), 1500);
    assert.equal(durationMs(250), 250);
  });

  test('package names are npm-valid', () => {
    assert.equal(packageNameFromTitle('Pet Store'), 'pet-store');
    assert.equal(packageNameFromTitle('Hostile */ API ${process.exit(1)} `tick`'), 'hostile-process-exit-tick');
    assert.equal(packageNameFromTitle('Ünïcödé Zoo'), 'unicode-zoo');
    assert.equal(packageNameFromTitle('***'), 'api-sdk');
  });

  test('client names are PascalCase identifiers', () => {
    assert.equal(clientNameFromTitle('Pet Store'), 'PetStore');
    assert.equal(clientNameFromTitle('2fa codes'), 'Api2faCodes');
    assert.equal(clientNameFromTitle('client'), 'ClientApi');
    assert.equal(clientNameFromTitle(''), 'Api');
  });

  test('a non-semver info.version falls back', async () => {
    const dir = join(scratch.path, 'version');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'a.yaml'),
      'openapi: 3.0.3\ninfo: { title: Dated API, version: "2024-01-01" }\npaths: {}\n',
    );
    const settings = await loadConfig(undefined, { spec: join(dir, 'a.yaml'), cwd: dir });
    const config = resolveConfig(settings, await loadSpec(settings.spec, { allowRemoteRefs: false }));
    assert.equal(config.package.version, FALLBACK_PACKAGE_VERSION);
  });
});

describe('fixtures/petstore.config.yaml', () => {
  test('uses every section and validates', async () => {
    const path = join(REPO_ROOT, 'fixtures/petstore.config.yaml');
    const settings = await loadConfig(path, { cwd: REPO_ROOT });
    const config = resolveConfig(settings, await loadSpec(settings.spec, { allowRemoteRefs: false }));
    assert.equal(config.client.name, 'PetStore');
    assert.deepEqual(config.pagination, { listPets: { style: 'link' } });
    assert.deepEqual(config.idempotency, { header: 'Idempotency-Key', operations: ['createPet'] });
    assert.equal(config.errors?.envelope, '$.error');
    assert.equal(config.output, join(REPO_ROOT, '.tmp/petstore-sdk'));
    assert.equal(config.validateResponses, true);
  });

  test('every top-level key of the config schema appears in it', async () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'generator/config.schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    const text = readFileSync(join(REPO_ROOT, 'fixtures/petstore.config.yaml'), 'utf8');
    const missing = Object.keys(schema.properties).filter(
      (key) =>
        key !== '$schema' && key !== 'runtimePackage' && !new RegExp(`^${key.replace('$', '\\$')}:`, 'm').test(text),
    );
    assert.deepEqual(missing, []);
  });
});
