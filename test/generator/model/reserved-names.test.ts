/** The reserved-name lists must track the runtime, or a spec name could shadow a runtime member. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import ts from 'typescript';
import { CLIENT_MEMBER_NAMES, RUNTIME_EXPORT_NAMES } from '../../../generator/model/reserved-names.js';
import { REPO_ROOT } from './helpers.js';

// The checker follows `export *` / `export type *` to the runtime's real export list. Names need
// no types, so no lib or @types files are loaded.
const indexPath = resolve(REPO_ROOT, 'runtime/index.ts');
const program = ts.createProgram([indexPath], {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noLib: true,
  types: [],
  noEmit: true,
});
const checker = program.getTypeChecker();

/** Names of the instance members of a class: fields, methods, accessors, constructor parameter properties. */
function instanceMemberNames(file: ts.SourceFile, className: string): string[] {
  const cls = file.statements.find(
    (s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === className,
  );
  assert.ok(cls, `class ${className} in ${file.fileName}`);
  const names = new Set<string>();
  for (const member of cls.members) {
    if (ts.isConstructorDeclaration(member)) {
      for (const p of member.parameters)
        if (ts.isParameterPropertyDeclaration(p, member)) names.add(p.name.getText(file));
    } else if (ts.isPropertyDeclaration(member) || ts.isMethodDeclaration(member) || ts.isAccessor(member)) {
      const isStatic = ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;
      if (!isStatic) names.add(member.name.getText(file));
    }
  }
  return [...names];
}

test('every runtime export except SCREAMING_CASE constants is a reserved type name', () => {
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(indexPath)!);
  assert.ok(moduleSymbol);
  const exported = checker
    .getExportsOfModule(moduleSymbol)
    .map((s) => s.name)
    .filter((name) => !/^[A-Z0-9_]+$/.test(name));
  assert.ok(exported.includes('Client'));
  const missing = exported.filter((name) => !RUNTIME_EXPORT_NAMES.includes(name)).sort();
  assert.deepEqual(missing, []);
});

test('every public member of the runtime Client is reserved on the generated client', () => {
  const clientFile = program.getSourceFile(resolve(REPO_ROOT, 'runtime/client.ts'));
  assert.ok(clientFile);
  const members = instanceMemberNames(clientFile, 'Client').filter(
    (name) => !name.startsWith('#') && !name.startsWith('['),
  );
  assert.ok(members.includes('request'));
  const missing = members.filter((name) => !CLIENT_MEMBER_NAMES.includes(name)).sort();
  assert.deepEqual(missing, []);
});

test('nothing else is reserved on the client: each reserved name is a real Client member, `then` or `constructor`', () => {
  const clientFile = program.getSourceFile(resolve(REPO_ROOT, 'runtime/client.ts'));
  assert.ok(clientFile);
  const members = new Set(instanceMemberNames(clientFile, 'Client'));
  const invented = CLIENT_MEMBER_NAMES.filter(
    (name) => !members.has(name) && name !== 'then' && name !== 'constructor',
  );
  assert.deepEqual(invented, []);
});
