import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatInputError, formatInternalError } from '../../../generator/cli/errors.js';
import { InputError } from '../../../generator/types.js';
import { STACK_LINE } from './run-cli.js';

describe('error printing', () => {
  test('bad input is one block: error, at file:line:col (pointer), fix', () => {
    const error = new InputError('unresolvable $ref', {
      location: { file: `${process.cwd()}/specs/a.yaml`, line: 3, col: 7 },
      pointer: '/paths/~1a/get',
      hint: 'fix the reference',
    });
    assert.equal(
      formatInputError(error),
      'error: unresolvable $ref\n  at specs/a.yaml:3:7 (/paths/~1a/get)\n  fix: fix the reference\n',
    );
    assert.equal(formatInputError(new InputError('no spec')), 'error: no spec\n');
  });

  test('an internal error asks for a report and hides the stack unless SDKGEN_DEBUG=1', () => {
    const bug = new TypeError('cannot read properties of undefined');
    const quiet = formatInternalError(bug, {});
    assert.match(quiet, /^internal error: cannot read properties of undefined\n/);
    assert.match(quiet, /report/);
    assert.doesNotMatch(quiet, STACK_LINE);
    assert.match(formatInternalError(bug, { SDKGEN_DEBUG: '1' }), STACK_LINE);
  });
});
