// The browser page's script (bundled by web-bundle.ts for Chromium): the generated package by its
// name, so its `browser` export condition decides what is loaded, and the two lists every web
// engine runs. The test calls window.runScenarioList / window.runWebLimitsList(baseUrl, token).
import * as sdk from 'platforms';
import * as op from 'platforms/functions';
import { runScenarios } from './scenarios.mjs';
import { runWebLimits } from './web-limits.mjs';

globalThis.runScenarioList = (baseUrl, token) => runScenarios(sdk, { baseUrl, token });
globalThis.runWebLimitsList = (baseUrl, token) => runWebLimits(sdk, op, { baseUrl, token });
