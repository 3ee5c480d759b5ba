// The workerd script (bundled by web-bundle.ts with the workerd/worker/browser conditions): one
// request runs a list against the loopback API named in its query and answers the results as
// JSON. GET /scenarios?baseUrl=...&token=... (scenarios.mjs), GET /web-limits?... (web-limits.mjs).
import * as sdk from 'platforms';
import * as op from 'platforms/functions';
import { runScenarios } from './scenarios.mjs';
import { runWebLimits } from './web-limits.mjs';

const LISTS = {
  '/scenarios': (options) => runScenarios(sdk, options),
  '/web-limits': (options) => runWebLimits(sdk, op, options),
};

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const run = LISTS[url.pathname];
    if (run === undefined) return new Response(`no list at ${url.pathname}`, { status: 404 });
    const options = { baseUrl: url.searchParams.get('baseUrl'), token: url.searchParams.get('token') };
    return Response.json(await run(options));
  },
};
