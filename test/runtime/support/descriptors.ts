/** Shared fixtures for the shaping tests: descriptor builders and loopback servers. */
// The runtime's Node entry (undici transport, node:fs uploads, MD5): what a generated SDK's src/index.ts loads first.
import '../../../runtime/node.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ApiDescriptor,
  OperationDescriptor,
  ParameterDescriptor,
  ParameterStyle,
  RequestBodyDescriptor,
} from '../../../runtime/descriptor.js';

export function param(
  name: string,
  where: ParameterDescriptor['in'],
  style: ParameterStyle,
  explode: boolean,
  extra: Partial<ParameterDescriptor> = {},
): ParameterDescriptor {
  return { name, in: where, style, explode, required: where === 'path', ...extra };
}

export function op(
  path: string,
  params: ParameterDescriptor[],
  extra: Partial<OperationDescriptor> = {},
): OperationDescriptor {
  return {
    id: 'testOp',
    method: 'GET',
    path,
    params,
    response: { success: [{ status: '200', kind: 'json' }] },
    ...extra,
  };
}

export function bodyOp(body: RequestBodyDescriptor, params: ParameterDescriptor[] = []): OperationDescriptor {
  return op('/upload', params, { method: 'POST', body });
}

export function api(extra: Partial<ApiDescriptor> = {}): ApiDescriptor {
  return {
    name: 'PetStore',
    packageName: '@acme/petstore',
    packageVersion: '1.0.0',
    envPrefix: 'PETSTORE',
    servers: [],
    securitySchemes: {},
    ...extra,
  };
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

export interface TestServer {
  readonly server: Server;
  readonly url: string;
  readonly origin: string;
  /** Requests seen, by path+query. */
  readonly hits: string[];
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1, random port; the handler gets the whole request body. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      hits.push(req.url ?? '');
      handler(req, res, Buffer.concat(chunks));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    url: origin,
    origin,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
