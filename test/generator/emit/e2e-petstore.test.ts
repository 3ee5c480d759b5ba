/**
 * The built petstore SDK against a real node:http server on 127.0.0.1: typed calls go over the
 * wire as the spec says (path encoding, query, JSON body, auth), errors are typed, and Link
 * pagination iterates every item with for await.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, generateFixture } from './harness.js';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

const PETS = [
  { id: 'p1', name: 'Rex', createdAt: '2024-01-01T00:00:00Z' },
  { id: 'p2', name: 'Tom', createdAt: '2024-01-02T00:00:00Z' },
  { id: 'p3', name: 'Kit', createdAt: '2024-01-03T00:00:00Z' },
];
/** Page size of the fake server, so three pets take two pages. */
const PAGE_SIZE = 2;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

type PetStoreModule = {
  PetStore: new (
    options: object,
  ) => {
    pets: {
      get(p: object): Promise<{ id: string; name: string }>;
      create(p: object): Promise<{ id: string; name: string }>;
      list(p?: object): AsyncIterable<{ id: string }> & PromiseLike<unknown>;
    };
    close(): Promise<void>;
  };
  NotFoundError: new (...args: never[]) => Error;
};

describe('e2e: the built petstore SDK on loopback', () => {
  let server: Server;
  let baseUrl = '';
  const seen: Seen[] = [];
  let sdk: PetStoreModule;

  before(async () => {
    const { outDir } = await generateFixture('fixtures/petstore.yaml', 'e2e-petstore');
    const built = compile(outDir);
    assert.equal(built.output.trim(), '');
    sdk = (await import(pathToFileURL(join(outDir, 'dist/index.node.js')).href)) as PetStoreModule;
    server = createServer((req, res) => {
      void readBody(req).then((body) => {
        seen.push({
          method: req.method!,
          url: req.url!,
          body,
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        });
        const url = new URL(req.url!, 'http://127.0.0.1');
        const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(value));
        };
        if (req.method === 'GET' && url.pathname === '/v1/pets') {
          const page = Number(url.searchParams.get('page') ?? '1');
          const items = PETS.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
          const next: Record<string, string> =
            page * PAGE_SIZE < PETS.length
              ? { link: `<${baseUrl}/pets?page=${page + 1}&limit=${PAGE_SIZE}>; rel="next"` }
              : {};
          return json(200, items, next);
        }
        if (req.method === 'GET' && url.pathname === '/v1/pets/a%2Fb') return json(200, { ...PETS[0], id: 'a/b' });
        if (req.method === 'GET' && url.pathname.startsWith('/v1/pets/'))
          return json(404, { code: 'not_found', message: 'no such pet' });
        if (req.method === 'POST' && url.pathname === '/v1/pets')
          return json(201, { ...(JSON.parse(body) as object), id: 'new', createdAt: '2024-02-01T00:00:00Z' });
        return json(500, { code: 'unexpected', message: `${req.method} ${req.url}` });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const client = () => new sdk.PetStore({ baseUrl, auth: { bearerAuth: 'sekret' }, retry: { maxRetries: 0 } });

  test('path params are encoded, auth is sent, the body is typed data', async () => {
    const c = client();
    try {
      const pet = await c.pets.get({ petId: 'a/b' });
      assert.equal(pet.id, 'a/b');
      const last = seen[seen.length - 1]!;
      assert.equal(last.url, '/v1/pets/a%2Fb');
      assert.equal(last.authorization, 'Bearer sekret');
    } finally {
      await c.close();
    }
  });

  test('flat params become the JSON body', async () => {
    const c = client();
    try {
      const pet = await c.pets.create({ name: 'Rex', tag: 'dog' });
      assert.deepEqual([pet.id, pet.name], ['new', 'Rex']);
      const last = seen[seen.length - 1]!;
      assert.equal(last.method, 'POST');
      assert.deepEqual(JSON.parse(last.body), { name: 'Rex', tag: 'dog' });
    } finally {
      await c.close();
    }
  });

  test('404 raises NotFoundError', async () => {
    const c = client();
    try {
      await assert.rejects(c.pets.get({ petId: 'missing' }), (err: Error) => {
        assert.ok(err instanceof sdk.NotFoundError, err.name);
        return true;
      });
    } finally {
      await c.close();
    }
  });

  test('for await follows Link rel="next" across pages, query params sent', async () => {
    const c = client();
    try {
      const ids: string[] = [];
      for await (const pet of c.pets.list({ limit: PAGE_SIZE, status: 'available' })) ids.push(pet.id);
      assert.deepEqual(ids, ['p1', 'p2', 'p3']);
      const listCalls = seen.filter((s) => s.url.startsWith('/v1/pets?'));
      assert.equal(listCalls[0]!.url, `/v1/pets?limit=${PAGE_SIZE}&status=available`);
      assert.ok(listCalls.some((s) => s.url.includes('page=2')));
    } finally {
      await c.close();
    }
  });
});
