// The browser page's script (bundled by web-bundle.ts for Chromium): the generated package by its
// name, so its `browser` export condition decides what is loaded, and the one scenario list.
// The test calls window.runScenarioList(baseUrl, token) and gets the results back.
import * as sdk from 'platforms';
import { runScenarios } from './scenarios.mjs';

globalThis.runScenarioList = (baseUrl, token) => runScenarios(sdk, { baseUrl, token });
