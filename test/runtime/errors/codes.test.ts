/** runtime/errors.ts: a stable code per class, the brand, and instanceof for callers' own subclasses. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as errors from '../../../runtime/errors.js';
import {
  ERROR_CODES,
  InvalidArgumentError,
  NotFoundError,
  SdkError,
  apiErrorForStatus,
} from '../../../runtime/errors.js';

const exportedClasses = Object.entries(errors).filter(
  ([, value]) => typeof value === 'function' && (value === SdkError || value.prototype instanceof SdkError),
);

describe('error codes and brands', () => {
  it('every exported error class is in ERROR_CODES with its own SDK_ERR_ code', () => {
    const codes = new Set<string>();
    for (const [name, ctor] of exportedClasses) {
      const code = ERROR_CODES.get(ctor as typeof SdkError);
      assert.ok(code !== undefined, `${name} has no code`);
      assert.match(code, /^SDK_ERR(_[A-Z_]+)?$/);
      assert.ok(!codes.has(code), `${code} used twice`);
      codes.add(code);
    }
    assert.equal(codes.size, ERROR_CODES.size);
  });

  it('instances carry their class code and name, not as own (JSON-visible) fields', () => {
    const error = apiErrorForStatus({ status: 404, headers: {}, body: null, method: 'GET', url: 'https://x.test/a' });
    assert.equal(error.code, 'SDK_ERR_NOT_FOUND');
    assert.equal(error.name, 'NotFoundError');
    assert.ok(!Object.keys(error).includes('code'));
    assert.equal(new InvalidArgumentError('bad').code, 'SDK_ERR_INVALID_ARGUMENT');
  });

  it('the brand is Symbol.for, so a look-alike from another copy of the runtime is recognised', () => {
    const foreign = Object.create(Error.prototype, {
      [Symbol.for('sdkgen.error.SDK_ERR')]: { value: true },
      [Symbol.for('sdkgen.error.SDK_ERR_NOT_FOUND')]: { value: true },
    });
    assert.ok(foreign instanceof NotFoundError);
    assert.ok(foreign instanceof SdkError);
    assert.ok(!(new Error('plain') instanceof SdkError));
    assert.ok(!((null as unknown as object) instanceof SdkError));
  });

  it("a caller's own subclass keeps the ordinary instanceof", () => {
    class MyAppError extends SdkError {}
    assert.ok(new MyAppError('x') instanceof MyAppError);
    assert.ok(new MyAppError('x') instanceof SdkError);
    assert.ok(!(new SdkError('x') instanceof MyAppError));
    assert.ok(!(new InvalidArgumentError('x') instanceof MyAppError));
  });
});
