/**
 * A small Pet Store server for `npm start`, on 127.0.0.1 only. It speaks fixtures/petstore.yaml
 * and misbehaves on purpose in the ways the demo shows off:
 * - GET /v1/pets pages with an RFC 8288 `Link` header;
 * - GET /v1/store/inventory answers 503 (with Retry-After) to the first call, then 200;
 * - GET /v1/pets/slow-* waits longer than the demo's read timeout;
 * - unknown pets are a 404 with the spec's NotFoundError body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The token the demo client sends; anything else is a 401, as a real API would answer. */
export const DEMO_TOKEN = 'demo-token';
/** How long a `slow-*` pet takes: far beyond the demo's 300 ms read timeout. */
const SLOW_PET_DELAY_MS = 5_000;
/** Seconds the first inventory call asks the client to wait: short, so the demo stays quick. */
const INVENTORY_RETRY_AFTER_S = 1;
const DEFAULT_PAGE_SIZE = 20;
const SEEDED_PETS = 23;

interface Pet {
  id: string;
  name: string;
  tag?: string;
  status?: 'available' | 'pending' | 'sold';
  createdAt: string;
}

export interface DemoServer {
  readonly baseUrl: string;
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const pets = new Map<string, Pet>();
  const statuses = ['available', 'pending', 'sold'] as const;
  for (let i = 1; i <= SEEDED_PETS; i++) {
    const id = `pet-${String(i).padStart(3, '0')}`;
    pets.set(id, {
      id,
      name: `Pet ${i}`,
      status: statuses[i % 3],
      createdAt: new Date(Date.UTC(2026, 0, i)).toISOString(),
    });
  }
  const hits = new Map<string, number>();
  const pending = new Set<NodeJS.Timeout>();

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${url.pathname.replace(/\/pets\/[^/]+$/, '/pets/{petId}')}`;
    hits.set(route, (hits.get(route) ?? 0) + 1);
    if (req.headers.authorization !== `Bearer ${DEMO_TOKEN}` && url.searchParams.get('api_key') !== DEMO_TOKEN) {
      return json(res, 401, { code: 'unauthorized', message: 'Send a bearer token or an api_key.' });
    }
    handle(req, res, url).catch((err: unknown) => json(res, 500, { code: 'internal', message: String(err) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    if (path === '/v1/pets' && req.method === 'GET') {
      const limit = Number(url.searchParams.get('limit') ?? DEFAULT_PAGE_SIZE);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const all = [...pets.values()];
      const page = all.slice(offset, offset + limit);
      if (offset + limit < all.length) {
        res.setHeader('Link', `</v1/pets?limit=${limit}&offset=${offset + limit}>; rel="next"`);
      }
      return json(res, 200, page);
    }
    if (path === '/v1/pets' && req.method === 'POST') {
      const body = JSON.parse(await readBody(req)) as Partial<Pet>;
      if (typeof body.name !== 'string' || body.name === '') {
        return json(res, 422, { code: 'invalid', message: 'name is required', details: ['name'] });
      }
      const id = `pet-${String(pets.size + 1).padStart(3, '0')}`;
      const pet: Pet = {
        id,
        name: body.name,
        tag: body.tag,
        status: body.status ?? 'available',
        createdAt: new Date(0).toISOString(),
      };
      pets.set(id, pet);
      return json(res, 201, pet);
    }
    const petMatch = /^\/v1\/pets\/([^/]+)$/.exec(path);
    if (petMatch) {
      const id = decodeURIComponent(petMatch[1]);
      if (id.startsWith('slow-')) {
        const timer = setTimeout(() => {
          pending.delete(timer);
          json(res, 200, { id, name: 'Sloth', createdAt: new Date(0).toISOString() });
        }, SLOW_PET_DELAY_MS);
        pending.add(timer);
        return;
      }
      const pet = pets.get(id);
      if (!pet) return json(res, 404, { code: 'not_found', message: `No pet with id ${id}` });
      if (req.method === 'DELETE') {
        pets.delete(id);
        res.writeHead(204).end();
        return;
      }
      return json(res, 200, pet);
    }
    if (path === '/v1/store/inventory') {
      if ((hits.get('GET /v1/store/inventory') ?? 0) === 1) {
        res.setHeader('Retry-After', String(INVENTORY_RETRY_AFTER_S));
        return json(res, 503, { code: 'unavailable', message: 'Inventory is warming up, try again shortly.' });
      }
      const counts: Record<string, number> = {};
      for (const pet of pets.values()) counts[pet.status ?? 'available'] = (counts[pet.status ?? 'available'] ?? 0) + 1;
      return json(res, 200, counts);
    }
    json(res, 404, { code: 'not_found', message: `No route ${req.method} ${path}` });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    hits,
    close: async () => {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
