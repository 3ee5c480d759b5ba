// Child process for the json-server harness (see json-server.ts): json-server 0.17's
// programmatic API (create/defaults/router) bound to 127.0.0.1 on an ephemeral port.
// argv: <db.json> <static dir>
'use strict';
const jsonServer = require('json-server');

const [dbFile, staticDir] = process.argv.slice(2);
const app = jsonServer.create();
// logger off (noise), static from an empty temp dir (not ./public of whatever cwd we run in)
app.use(jsonServer.defaults({ logger: false, static: staticDir }));
app.use(jsonServer.router(dbFile));
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`JSON_SERVER_READY ${JSON.stringify({ port: server.address().port, pid: process.pid })}`);
});
const shutdown = () => server.close(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
