// The workerd script (bundled by web-bundle.ts with the workerd/worker/browser conditions): one
// request runs the scenario list against the loopback API named in its query and answers the
// results as JSON. GET /?baseUrl=...&token=...
import * as sdk from 'platforms';
import { runScenarios } from './scenarios.mjs';

export default {
  async fetch(request) {
    const query = new URL(request.url).searchParams;
    const results = await runScenarios(sdk, { baseUrl: query.get('baseUrl'), token: query.get('token') });
    return Response.json(results);
  },
};
