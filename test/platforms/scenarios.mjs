// The one scenario list every engine runs (Node undici, Node fetch, Deno, Bun, workerd, Chromium)
// against the loopback server of scenario-server.ts. Plain JavaScript with web globals only, so
// the same file is imported by Node, Deno and Bun and bundled into the workerd script and the
// browser page. Each scenario returns nothing or throws; runScenarios() never throws, it reports.

/** The read timeout the timeout scenario sets, and how late it may fire on a loaded machine. */
const READ_TIMEOUT_MS = 200;
const TIMER_SLACK_MS = 150;
/** The abort scenario cancels this long after the call starts. */
const ABORT_AFTER_MS = 100;

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function same(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  check(a === e, `${what}: expected ${e}, got ${a}`);
}

/** Generated method names (generator/model/naming): the one place they are spelled here. */
export const SCENARIOS = [
  [
    'typed GET',
    async ({ client }) => {
      same(await client.pets.get({ petId: '7' }), { id: '7', name: 'Rex', tag: 'bearer-ok' }, 'pet');
    },
  ],
  [
    'POST JSON',
    async ({ client }) => {
      same(
        await client.pets.create({ name: 'Tom', tag: 'cat' }),
        { id: 'new', name: 'Tom', tag: 'cat:application/json' },
        'created',
      );
    },
  ],
  [
    '503 then retry',
    async ({ client, runId }) => {
      same(await client.pets.getFlaky({ key: `retry-${runId}` }), { attempts: 2 }, 'flaky');
    },
  ],
  [
    'read timeout',
    async ({ client, sdk }) => {
      const started = Date.now();
      const error = await client.pets
        .get({ petId: 'slow', delayMs: 3000 }, { timeout: { read: READ_TIMEOUT_MS }, retry: { maxRetries: 0 } })
        .then(
          () => undefined,
          (e) => e,
        );
      const elapsed = Date.now() - started;
      check(error instanceof sdk.ReadTimeoutError, `expected ReadTimeoutError, got ${error?.name}: ${error?.message}`);
      check(
        elapsed >= READ_TIMEOUT_MS - 5 && elapsed <= READ_TIMEOUT_MS + TIMER_SLACK_MS,
        `read timeout fired after ${elapsed} ms`,
      );
    },
  ],
  [
    '404 as NotFoundError',
    async ({ client, sdk }) => {
      const error = await client.pets.get({ petId: 'missing' }).then(
        () => undefined,
        (e) => e,
      );
      check(error instanceof sdk.NotFoundError, `expected NotFoundError, got ${error?.name}: ${error?.message}`);
      // The name logs show: it must survive a minified bundle (Chromium, workerd).
      check(
        error.name === 'NotFoundError' && error.code === 'SDK_ERR_NOT_FOUND',
        `name ${error.name}, code ${error.code}`,
      );
      check(error.status === 404, `status ${error.status}`);
      same(error.body, { message: 'no such pet' }, 'error body');
    },
  ],
  [
    'Link pagination over 3 pages',
    async ({ client }) => {
      const ids = [];
      for await (const item of client.items.list()) ids.push(item.id);
      same(ids, [1, 2, 3, 4, 5, 6, 7, 8, 9], 'items');
    },
  ],
  [
    'SSE stream',
    async ({ client }) => {
      const stream = await client.events.stream();
      const seen = [];
      for await (const event of stream) seen.push(`${event.id}:${event.event}:${event.data}`);
      same(seen, ['1:tick:{"n":1}', '2:tick:{"n":2}', '3:tick:{"n":3}'], 'events');
    },
  ],
  [
    'multipart upload',
    async ({ client }) => {
      const file = new File(['hello from a blob'], 'hello.txt', { type: 'text/plain' });
      same(
        await client.files.upload({ title: 'greeting', file }),
        { title: 'greeting', fileName: 'hello.txt', size: 17 },
        'upload',
      );
    },
  ],
  [
    'abort',
    async ({ client, sdk }) => {
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), ABORT_AFTER_MS);
      const error = await client.pets.get({ petId: 'slow', delayMs: 3000 }, { signal: controller.signal }).then(
        () => undefined,
        (e) => e,
      );
      check(error instanceof sdk.AbortError, `expected AbortError, got ${error?.name}: ${error?.message}`);
      check(Date.now() - started < ABORT_AFTER_MS + 1000, 'abort took too long');
    },
  ],
];

/**
 * @param sdk      the generated package's module namespace
 * @param options  { baseUrl, token, clientOptions } (clientOptions: e.g. { fetch })
 * @returns        [{ name, ok, error?, ms }] in list order
 */
export async function runScenarios(sdk, { baseUrl, token, clientOptions = {} }) {
  const client = new sdk.Platforms({ baseUrl, auth: { token }, logLevel: 'off', ...clientOptions });
  const runId = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const results = [];
  try {
    for (const [name, run] of SCENARIOS) {
      const started = Date.now();
      try {
        await run({ client, sdk, runId });
        results.push({ name, ok: true, ms: Date.now() - started });
      } catch (error) {
        results.push({
          name,
          ok: false,
          error: `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`,
          ms: Date.now() - started,
        });
      }
    }
  } finally {
    await client.close?.();
  }
  return results;
}
