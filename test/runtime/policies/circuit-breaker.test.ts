import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { CircuitOpenError, ServiceUnavailableError, NotFoundError } from '../../../runtime/index.js';
import { json, sleep } from '../support/server.js';
import { ops } from '../support/api.js';
import { harness } from '../support/harness.js';

const { setup } = harness();

describe('circuit breaker (opt-in)', () => {
  test('opens after N consecutive failures, fails fast, probes after the cooldown, closes on success', async () => {
    let healthy = false;
    const { server, client } = await setup((_req, res) => json(res, healthy ? 200 : 503, {}), {
      circuitBreaker: { failures: 3, cooldown: 300 },
      retry: { maxRetries: 0 },
    });
    for (let i = 0; i < 3; i++)
      await assert.rejects(client.request(ops.getPet, { petId: '1' }), ServiceUnavailableError);
    const open = await client.request(ops.getPet, { petId: '1' }).catch((e: unknown) => e);
    assert.ok(open instanceof CircuitOpenError, String(open));
    assert.ok(open.retryAfterMs !== undefined && open.retryAfterMs > 0 && open.retryAfterMs <= 300);
    assert.equal(server.requests.length, 3, 'the open circuit sent nothing');

    await sleep(320);
    healthy = true;
    assert.deepEqual(await client.request(ops.getPet, { petId: '1' }), {});
    assert.deepEqual(await client.request(ops.getPet, { petId: '1' }), {});
    assert.equal(server.requests.length, 5);
  });

  test('a failed probe opens the circuit again; 4xx answers do not count as failures', async () => {
    let status = 503;
    const { server, client } = await setup((_req, res) => json(res, status, {}), {
      circuitBreaker: { failures: 2, cooldown: 200 },
      retry: { maxRetries: 0 },
    });
    await assert.rejects(client.request(ops.getPet, { petId: '1' }));
    await assert.rejects(client.request(ops.getPet, { petId: '1' }));
    await assert.rejects(client.request(ops.getPet, { petId: '1' }), CircuitOpenError);
    await sleep(220);
    await assert.rejects(client.request(ops.getPet, { petId: '1' }), ServiceUnavailableError); // the probe
    await assert.rejects(client.request(ops.getPet, { petId: '1' }), CircuitOpenError);
    assert.equal(server.requests.length, 3);

    status = 404;
    await sleep(220);
    for (let i = 0; i < 4; i++) await assert.rejects(client.request(ops.getPet, { petId: '1' }), NotFoundError);
    assert.equal(server.requests.length, 7);
  });
});
