// File-path features under an engine (Deno, Bun, Node): downloadToFile, then fileFromPath to
// upload what was written; and OAuth2 client credentials (the token request is not the
// transport). Arguments: <dist/index.js URL> <dist/functions.js URL> <base URL> <token>
// <file path>. Prints one JSON line (SCENARIO-RESULTS, like engine-main.mjs).
const [sdkUrl, functionsUrl, baseUrl, token, path] = globalThis.Deno?.args ?? globalThis.process?.argv.slice(2) ?? [];
const sdk = await import(sdkUrl);
const op = await import(functionsUrl);
const client = new sdk.Platforms({ baseUrl, auth: { token }, logLevel: 'off' });

async function scenario(name, run) {
  const started = Date.now();
  try {
    await run();
    return { name, ok: true, ms: Date.now() - started };
  } catch (error) {
    return { name, ok: false, error: `${error?.name}: ${error?.message}`, ms: Date.now() - started };
  }
}

const BLOB_BYTES = 256 * 1024;
const results = [
  await scenario('downloadToFile', async () => {
    const written = await sdk.downloadToFile(
      (headers) => op.downloadBlob(client, { name: 'x.bin' }, { headers }),
      path,
    );
    if (written.bytes !== BLOB_BYTES) throw new Error(`wrote ${written.bytes} bytes`);
  }),
  await scenario('upload from fileFromPath', async () => {
    const file = await sdk.fileFromPath(path, { type: 'application/octet-stream' });
    const answer = await op.uploadRaw(client, { body: file });
    if (answer.size !== BLOB_BYTES) throw new Error(`server got ${answer.size} bytes`);
  }),
  await scenario('OAuth2 client credentials (token request, then the call)', async () => {
    const oauthClient = new sdk.Platforms({
      baseUrl,
      auth: { oauth: { clientId: 'app', clientSecret: 'app-secret' } },
      logLevel: 'off',
    });
    try {
      const answer = await op.getSecure(oauthClient);
      if (answer.ok !== true) throw new Error(`answer ${JSON.stringify(answer)}`);
    } finally {
      await oauthClient.close();
    }
  }),
];
await client.close();
console.log(`SCENARIO-RESULTS ${JSON.stringify(results)}`);
