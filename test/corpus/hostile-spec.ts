/**
 * A seeded generator of small, valid OpenAPI documents whose names and strings are drawn from a
 * hostile alphabet: comment and template terminators, quotes, backslashes, line separators,
 * `</script>`, Object.prototype names, reserved words, leading digits, the empty string, unicode
 * and emoji, and strings that would run an injection sentinel if they ever reached code.
 *
 * Only the spec's own validity rules are respected (unique operationIds, path templates that
 * match their path parameters, server variables that match the URL); everything else is fair game.
 */
import { seededRandom } from '../../scripts/lib/seeded-random.js';

/** What a successful injection would do. */
export const SENTINEL_CODE = 'globalThis.__pwned = 1';

export const HOSTILE_TOKENS: readonly string[] = [
  '*/',
  '/*',
  '`',
  '${',
  '}',
  '"',
  "'",
  '\\',
  '\\u0022',
  '\u2028',
  '\u2029',
  '\n',
  '\r\n',
  '\t',
  '</script>',
  '<!--',
  '-->',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'then',
  'class',
  'delete',
  'import',
  'default',
  'new',
  'await',
  'enum',
  'function',
  'let',
  'yield',
  'this',
  'super',
  'type',
  'interface',
  'any',
  'never',
  'string',
  'number',
  'File',
  'Blob',
  'Error',
  'Date',
  'Response',
  'Headers',
  'Body',
  'Client',
  'ApiError',
  'Promise',
  'paths',
  'components',
  'operations',
  'api',
  '0',
  '1a',
  '42',
  '-',
  '_',
  '.',
  ' ',
  '$',
  '#',
  '%',
  '%2F',
  '~',
  '~1',
  '@',
  '!',
  '?',
  '&',
  '=',
  ',',
  ';',
  ':',
  '[',
  ']',
  '(',
  ')',
  'ü',
  'Ünïcödé',
  'ß',
  'İ',
  '日本',
  'مرحبا',
  '😀',
  '👩‍💻',
  '\u200d',
  '\u00a0',
  '\u0007',
  'get_user',
  'getUser',
  'GetUser',
  'User',
  'user',
  'USER',
  'list',
  'pets',
  'Pets',
  'body',
  'params',
  'options',
  'client',
  `\${${SENTINEL_CODE}}`,
  `\`; ${SENTINEL_CODE}; \``,
  `"; ${SENTINEL_CODE}; "`,
  `'; ${SENTINEL_CODE}; '`,
  `*/ ${SENTINEL_CODE}; /*`,
  `\u2028${SENTINEL_CODE}`,
  `</script><script>${SENTINEL_CODE}</script>`,
  `\\"; ${SENTINEL_CODE}; //`,
];

export interface HostileSpecOptions {
  readonly seed: number;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** `obj[key] = value` that also works for `__proto__` (an own key, as JSON.parse makes it). */
function put(obj: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** An object literal whose keys may be `__proto__`. */
function entries(pairs: readonly (readonly [string, Json])[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of pairs) put(out, k, v);
  return out;
}

export function hostileSpec({ seed }: HostileSpecOptions): Record<string, Json> {
  const random = seededRandom(seed * 7919 + 17);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  /** 0-3 tokens: the empty string included. */
  const name = (avoid: RegExp = /(?!)/): string => {
    const count = int(4);
    let out = '';
    for (let i = 0; i < count; i++) out += pick(HOSTILE_TOKENS);
    return out.replace(avoid, '');
  };
  const text = (): string => `${name()} ${name()} ${pick(HOSTILE_TOKENS)}${name()}`;
  /** Distinct names (a JSON object cannot hold two equal keys anyway). */
  const names = (count: number, avoid?: RegExp): string[] => {
    const out = new Set<string>();
    for (let i = 0; i < count * 3 && out.size < count; i++) out.add(name(avoid));
    return [...out];
  };
  // Path templates and server URLs cut names at braces and slashes: those are spec syntax.
  const TEMPLATE_UNSAFE = /[{}/?#]/g;
  const pointerSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

  const schemaNames = names(1 + int(4));
  const schemaRef = (s: string): Json => ({ $ref: `#/components/schemas/${encodeURIComponent(pointerSegment(s))}` });
  /**
   * `aliases`: the schemas a ref may name where it stands for the whole schema (alone, or in a
   * oneOf): only earlier ones, since `A: {$ref: A}` describes no value and is refused. Under
   * `properties` any schema will do.
   */
  const schemaFor = (depth: number, aliases: readonly string[]): Json => {
    const roll = int(depth > 1 ? 4 : 8);
    switch (roll) {
      case 0:
        return { type: 'string', description: text(), default: text(), example: text() };
      case 1:
        return { type: 'string', enum: names(1 + int(4)), description: text() };
      case 2:
        return { type: 'integer', enum: [0, 1, -1], default: 1 };
      case 3:
        return aliases.length > 0 ? schemaRef(pick(aliases)) : { type: 'boolean' };
      case 4:
        return { type: 'array', items: schemaFor(depth + 1, aliases), description: text() };
      case 5:
        return { oneOf: [schemaFor(depth + 1, aliases), schemaFor(depth + 1, aliases)], description: text() };
      default: {
        const props: Record<string, Json> = {};
        const propNames = names(1 + int(4));
        for (const p of propNames) put(props, p, schemaFor(depth + 1, schemaNames));
        return {
          type: 'object',
          description: text(),
          title: text(),
          properties: props,
          required: propNames.filter(() => random() < 0.5),
          example: entries([[name(), text()]]),
        };
      }
    }
  };
  const schemas: Record<string, Json> = {};
  schemaNames.forEach((s, i) => put(schemas, s, schemaFor(1, schemaNames.slice(0, i))));

  const schemeNames = names(int(3));
  const securitySchemes: Record<string, Json> = {};
  for (const s of schemeNames) {
    put(
      securitySchemes,
      s,
      pick<Json>([
        { type: 'apiKey', in: pick(['header', 'query', 'cookie']), name: name() || 'key', description: text() },
        { type: 'http', scheme: 'bearer', description: text() },
        { type: 'http', scheme: 'basic' },
        {
          type: 'oauth2',
          flows: {
            clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: entries([[name(), text()]]) },
          },
        },
      ]),
    );
  }

  const tags = names(int(4));
  const paths: Record<string, Json> = {};
  const usedIds = new Set<string>();
  const operationCount = 1 + int(5);
  for (let i = 0; i < operationCount; i++) {
    const pathParams = names(int(3), TEMPLATE_UNSAFE).filter((p) => p !== '');
    const segments = [name(TEMPLATE_UNSAFE) || `s${i}`, ...pathParams.map((p) => `{${p}}`), `${i}`];
    const path = `/${segments.join('/')}`;
    const method = pick(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
    const parameters: Json[] = pathParams.map((p) => ({
      name: p,
      in: 'path',
      required: true,
      description: text(),
      schema: schemaFor(3, schemaNames),
    }));
    for (const p of names(int(4))) {
      parameters.push({
        name: p,
        in: pick(['query', 'header', 'cookie']),
        required: random() < 0.3,
        description: text(),
        example: text(),
        schema: schemaFor(2, schemaNames),
      });
    }
    const id = name();
    const operation: Record<string, Json> = {
      summary: text(),
      description: text(),
      parameters,
      responses: {
        '200': {
          description: text(),
          content: { 'application/json': { schema: schemaFor(1, schemaNames), example: text() } },
        },
        ...(random() < 0.5
          ? { '404': { description: text(), content: { 'application/json': { schema: schemaFor(2, schemaNames) } } } }
          : {}),
        ...(random() < 0.3 ? { default: { description: text() } } : {}),
      },
    };
    if (id !== '' && !usedIds.has(id) && random() < 0.85) {
      usedIds.add(id);
      operation.operationId = id;
    }
    if (tags.length > 0 && random() < 0.8) operation.tags = [pick(tags)];
    if (method === 'post' || method === 'put' || method === 'patch') {
      const mediaType = pick([
        'application/json',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'text/plain',
        'application/octet-stream',
      ]);
      operation.requestBody = {
        required: random() < 0.5,
        description: text(),
        content: { [mediaType]: { schema: schemaFor(1, schemaNames) } },
      };
    }
    if (schemeNames.length > 0 && random() < 0.5) operation.security = [entries([[pick(schemeNames), []]])];
    if (random() < 0.2) operation.deprecated = true;
    put(paths, path, { [method]: operation, summary: text(), description: text() });
  }

  const serverVars = names(int(3), TEMPLATE_UNSAFE).filter((v) => v !== '');
  const variables: Record<string, Json> = {};
  for (const v of serverVars) {
    const values = [name() || 'x', ...names(2)].filter((e, i, all) => all.indexOf(e) === i);
    put(variables, v, { default: values[0]!, enum: values, description: text() });
  }

  return {
    openapi: pick(['3.0.3', '3.1.0']),
    info: { title: text() || 'T', version: pick(['1.0.0', text()]), description: text() },
    servers: [
      {
        url: `https://${serverVars.map((v) => `{${v}}.`).join('')}example.com/${encodeURIComponent(name())}`,
        description: text(),
        ...(serverVars.length ? { variables } : {}),
      },
      { url: 'https://example.com', description: pick(['production', 'staging', text()]) },
    ],
    ...(tags.length ? { tags: tags.map((t) => ({ name: t, description: text() })) } : {}),
    paths,
    components: { schemas, ...(schemeNames.length ? { securitySchemes } : {}) },
    ...(schemeNames.length ? { security: [entries([[pick(schemeNames), []]])] } : {}),
  };
}
