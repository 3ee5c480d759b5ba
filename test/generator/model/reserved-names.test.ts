/** The reserved-name lists must track the runtime, or a spec name could shadow a runtime member. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { Project } from 'ts-morph';
import { CLIENT_MEMBER_NAMES, RUNTIME_EXPORT_NAMES } from '../../../generator/model/reserved-names.js';
import { REPO_ROOT } from './helpers.js';

const project = new Project({ tsConfigFilePath: resolve(REPO_ROOT, 'tsconfig.json'), skipAddingFilesFromTsConfig: true });
const index = project.addSourceFileAtPath(resolve(REPO_ROOT, 'runtime/index.ts'));
project.resolveSourceFileDependencies();

test('every runtime export except SCREAMING_CASE constants is a reserved type name', () => {
  const exported = [...index.getExportedDeclarations().keys()].filter((name) => !/^[A-Z0-9_]+$/.test(name));
  assert.ok(exported.includes('Client'));
  const missing = exported.filter((name) => !RUNTIME_EXPORT_NAMES.includes(name)).sort();
  assert.deepEqual(missing, []);
});

test('every public member of the runtime Client is reserved on the generated client', () => {
  const client = project.getSourceFileOrThrow(resolve(REPO_ROOT, 'runtime/client.ts')).getClassOrThrow('Client');
  const members = client
    .getInstanceMembers()
    .map((m) => m.getName())
    .filter((name) => !name.startsWith('#') && !name.startsWith('['));
  assert.ok(members.includes('request'));
  const missing = members.filter((name) => !CLIENT_MEMBER_NAMES.includes(name)).sort();
  assert.deepEqual(missing, []);
});
