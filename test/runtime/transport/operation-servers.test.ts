/**
 * Item 7: operation-level servers (GitHub's uploads.github.com) replace the API's for that
 * operation; the client's environment picks among them by name; an explicit baseUrl wins.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client } from '../../../runtime/index.js';
import type { OperationDescriptor, ServerDescriptor } from '../../../runtime/descriptor.js';
import { ops, testApi } from '../support/api.js';
import { cleanup, sendJson, startRawServer, type RawServer } from '../support/raw-server.js';

const track = cleanup();

async function echoServer(name: string): Promise<RawServer> {
  return track.server(await startRawServer((_req, res, seen) => sendJson(res, 200, { server: name, path: seen.url })));
}

function upload(servers: readonly ServerDescriptor[]): OperationDescriptor {
  return { ...ops.getText, id: 'uploadAsset', path: '/assets', response: ops.listPets.response, servers };
}

describe('operation-level servers', () => {
  test('the first server of the operation, variables filled with their defaults', async () => {
    const [apiServer, uploads] = [await echoServer('api'), await echoServer('uploads')];
    const api = testApi({ servers: [{ url: `${apiServer.origin}/v1`, name: 'production' }] });
    const client = track.client(new Client(api, { logLevel: 'off' }));
    const op = upload([
      { url: `${uploads.origin}/{version}`, name: 'uploads', variables: { version: { default: 'v2' } } },
    ]);
    assert.deepEqual(await client.request(op), { server: 'uploads', path: '/v2/assets' });
    // Operations without servers still use the API's.
    assert.deepEqual(await client.request(ops.listPets), { server: 'api', path: '/v1/pets' });
  });

  test('the environment picks the operation server of the same name', async () => {
    const [apiServer, uploads] = [await echoServer('api'), await echoServer('uploads')];
    const api = testApi({
      servers: [
        { url: `${apiServer.origin}/prod`, name: 'production' },
        { url: `${apiServer.origin}/staging`, name: 'staging' },
      ],
    });
    const op = upload([
      { url: `${uploads.origin}/prod`, name: 'production' },
      { url: `${uploads.origin}/staging`, name: 'staging' },
    ]);
    const staging = track.client(new Client(api, { logLevel: 'off', environment: 'staging' }));
    assert.deepEqual(await staging.request(op), { server: 'uploads', path: '/staging/assets' });
    assert.deepEqual(await staging.request(ops.listPets), { server: 'api', path: '/staging/pets' });
  });

  test('an explicit baseUrl still sends everything to one place', async () => {
    const [proxy, uploads] = [await echoServer('proxy'), await echoServer('uploads')];
    const client = track.client(new Client(testApi(), { logLevel: 'off', baseUrl: `${proxy.origin}/all` }));
    assert.deepEqual(await client.request(upload([{ url: uploads.origin, name: 'uploads' }])), {
      server: 'proxy',
      path: '/all/assets',
    });
    assert.equal(uploads.requests.length, 0);
  });
});
