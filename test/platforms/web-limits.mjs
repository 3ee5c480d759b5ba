// What the platform-neutral entry (dist/index.js: browsers, workers) cannot do, and what it does
// instead: each Node-only feature is refused with an InvalidArgumentError naming the feature and
// the platform (never a ReferenceError), and its web replacement works. Plain JavaScript with web
// globals only, like scenarios.mjs: Node runs it on the neutral entry (engine-web-main.mjs), and
// the Chromium and workerd harnesses can import it as is. runWebLimits() never throws, it reports.

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** The error `run` fails with is an InvalidArgumentError whose message names `feature` and the platform. */
async function refused(run, feature) {
  let caught;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  check(caught !== undefined, `${feature}: no error`);
  check(caught.name === 'InvalidArgumentError', `${feature}: ${caught.name}: ${caught.message}`);
  check(caught.message.includes(feature), `${feature}: the message does not name it: ${caught.message}`);
  check(/not supported on /.test(caught.message), `${feature}: the message names no platform: ${caught.message}`);
}

const BLOB_BYTES = 256 * 1024;

export const WEB_LIMITS = [
  [
    'fileFromPath is refused, naming the platform',
    async ({ sdk }) => refused(() => sdk.fileFromPath('/etc/hostname'), 'fileFromPath'),
  ],
  [
    'downloadToFile is refused, naming the platform',
    async ({ sdk }) =>
      refused(() => sdk.downloadToFile(() => Promise.reject(new Error('not called')), 'x.bin'), 'downloadToFile'),
  ],
  [
    'a binary body: stream() (a Node Readable) is refused, webStream() reads it',
    async ({ client, op }) => {
      const first = await op.downloadBlob(client, { name: 'x.bin' });
      await refused(() => first.stream(), 'stream()');
      first.cancel?.();
      const second = await op.downloadBlob(client, { name: 'x.bin' });
      const reader = second.webStream().getReader();
      let total = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
      }
      check(total === BLOB_BYTES, `webStream() gave ${total} bytes`);
    },
  ],
  [
    'a socket option (proxy) is refused at construction, naming the option and the platform',
    async ({ sdk, baseUrl }) => refused(() => new sdk.Platforms({ baseUrl, proxy: 'http://127.0.0.1:9' }), 'proxy'),
  ],
  [
    'OAuth2 client credentials: the token request goes through fetch',
    async ({ sdk, op, baseUrl }) => {
      const oauthClient = new sdk.Platforms({
        baseUrl,
        auth: { oauth: { clientId: 'app', clientSecret: 'app-secret' } },
        logLevel: 'off',
      });
      const answer = await op.getSecure(oauthClient);
      check(answer.ok === true, `answer ${JSON.stringify(answer)}`);
    },
  ],
  [
    'upload from a Blob',
    async ({ client, op }) => {
      const blob = await op.uploadRaw(client, { body: new Blob([new Uint8Array(1000)]) });
      check(blob.size === 1000, `Blob: server got ${blob.size} bytes`);
    },
  ],
  [
    // Its own row: Chromium streams a request body only over HTTP/2 or later (chromium.test.ts).
    'upload from a ReadableStream',
    async ({ client, op }) => {
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('hello'));
          controller.close();
        },
      });
      const streamed = await op.uploadRaw(client, { body: stream });
      check(streamed.size === 5, `ReadableStream: server got ${streamed.size} bytes`);
    },
  ],
];

/**
 * @param sdk  the neutral entry (dist/index.js), @param op  its functions (dist/functions.js)
 */
export async function runWebLimits(sdk, op, { baseUrl, token }) {
  const client = new sdk.Platforms({ baseUrl, auth: { token }, logLevel: 'off' });
  const results = [];
  try {
    for (const [name, run] of WEB_LIMITS) {
      const started = Date.now();
      try {
        await run({ sdk, op, client, baseUrl });
        results.push({ name, ok: true, ms: Date.now() - started });
      } catch (error) {
        results.push({ name, ok: false, error: `${error?.name}: ${error?.message}`, ms: Date.now() - started });
      }
    }
  } finally {
    await client.close();
  }
  return results;
}
