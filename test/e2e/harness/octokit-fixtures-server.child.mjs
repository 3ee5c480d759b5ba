// Child process for the octokit fixtures-server harness (see octokit-fixtures-server.ts).
//
// The package's stock launcher (bin/server.js) calls `app.listen(port)`, which listens on every
// interface, and it must be told its own URL up front. We use its programmatic API instead: an
// express app bound to 127.0.0.1 on an ephemeral port, with the fixtures middleware mounted once
// the port is known so that Link headers and scenario URLs are rewritten to this very server.
// It runs in its own process because the middleware replays fixtures through nock, which patches
// node:http globally for the whole process.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';

const requireFromPackage = createRequire(import.meta.resolve('@octokit/fixtures-server'));
const express = requireFromPackage('express');
const cors = requireFromPackage('cors');
const { default: fixtureServerMiddleware } = await import('@octokit/fixtures-server');

const app = express();
app.use(cors());
app.get('/ping', (_request, response) => response.json({ ok: true }));
const server = createServer(app);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  app.use(
    fixtureServerMiddleware({
      port,
      fixturesUrl: `http://127.0.0.1:${port}`,
      logLevel: process.env.FIXTURES_LOG_LEVEL ?? 'error',
      ttl: 120_000,
    }),
  );
  console.log(`FIXTURES_SERVER_READY ${JSON.stringify({ port, pid: process.pid })}`);
});
const shutdown = () => server.close(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
