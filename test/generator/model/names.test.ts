/**
 * Names on the specs people have (fixtures/names/: FastAPI's own output, NestJS, springfox, and a
 * Jupyter-style Swagger 2.0 without operationIds), env/client/package names, reserved members, and
 * stability when operations come and go. The listings are the names docs/names.md promises.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { buildModel } from '../../../generator/model/index.js';
import type { ApiModel } from '../../../generator/model/index.js';
import { clientNameFromTitle, packageNameFromTitle } from '../../../generator/config.js';
import { modelNames } from '../../../scripts/names/dump-model-names.js';
import { configFor, doc, REPO_ROOT, specFromDocument } from './helpers.js';

const ok = { '200': { description: 'ok' } };
const op = (extra: Record<string, unknown>) => ({ responses: ok, ...extra });

async function listing(fixture: string) {
  const named = await modelNames(resolve(REPO_ROOT, fixture), fixture);
  const methods = Object.fromEntries(
    named.operations.map((o) => [
      o.operationId ?? `${o.method} ${o.path}`,
      o.resource !== undefined ? `${o.resource}.${o.methodName}` : o.methodName,
    ]),
  );
  return { ...named, methods };
}

function methodsOf(m: ApiModel): Record<string, string> {
  return Object.fromEntries(m.operations.map((o) => [o.id, `${o.resource ?? '<root>'}.${o.methodName}`]));
}

describe('framework operationIds', () => {
  test('FastAPI (its own app.openapi() output): function names, CRUD by HTTP semantics, env split as written', async () => {
    const named = await listing('fixtures/names/fastapi.json');
    assert.deepEqual(named.methods, {
      create_item_items__post: 'items.create',
      delete_item_items__item_id__delete: 'items.delete',
      health_health_get: 'health',
      login_token_post: 'auth.login',
      read_item_items__item_id__get: 'items.get',
      read_items_items__get: 'items.list',
      read_user_items_users__username__items_get: 'users.readUserItems',
      read_users_me_users_me_get: 'users.readUsersMe',
      update_item_items__item_id__patch: 'items.update',
      upload_photo_items__item_id__photo_post: 'items.uploadPhoto',
    });
    assert.equal(named.clientName, 'InventoryService');
    assert.equal(named.packageName, 'inventory-service');
    assert.deepEqual(named.envNames, ['INVENTORY_SERVICE_OAUTH2_PASSWORD_BEARER']);
    const params = named.operations.find((o) => o.operationId === 'read_item_items__item_id__get')!.paramsTypeName;
    assert.equal(params, 'ReadItemParams');
  });

  test('NestJS: Controller_ prefixes go, findAll/findOne/remove read as list/get/delete; auth and session are plain properties', async () => {
    const named = await listing('fixtures/names/nestjs.json');
    assert.deepEqual(named.methods, {
      AppController_getHello: 'getHello',
      AuthController_getProfile: 'auth.getProfile',
      AuthController_login: 'auth.login',
      CatsController_create: 'cats.create',
      CatsController_findAll: 'cats.list',
      CatsController_findOne: 'cats.get',
      CatsController_remove: 'cats.delete',
      CatsController_update: 'cats.update',
      SessionController_logout: 'session.logout',
    });
    assert.deepEqual(named.envNames, ['CATS_EXAMPLE_BEARER']);
  });

  test('springfox: UsingVERB and -controller go; the `_1` duplicate yields', async () => {
    const named = await listing('fixtures/names/springfox.json');
    assert.deepEqual(named.methods, {
      cancelOrderUsingPOST: 'order.cancel',
      createUserUsingPOST: 'user.create',
      deleteUserUsingDELETE: 'user.delete',
      getAllUsersUsingGET: 'user.list',
      getOrderUsingGET: 'order.get',
      getOrdersUsingGET: 'user.getOrders',
      getOrdersUsingGET_1: 'order.list',
      getUserByIdUsingGET: 'user.get',
      updateUserUsingPUT: 'user.update',
    });
    const types = Object.fromEntries(named.operations.map((o) => [o.operationId, o.paramsTypeName]));
    assert.equal(types.getOrdersUsingGET, 'GetOrdersParams');
    assert.equal(types.getOrdersUsingGET_1, 'OrderListParams');
  });

  test('Jupyter-style Swagger 2.0 without operationIds: names relative to the resource, /api carries no meaning', async () => {
    const named = await listing('fixtures/names/jupyter-server.yaml');
    assert.deepEqual(named.methods, {
      'DELETE /api/contents/{path}': 'contents.delete',
      'DELETE /api/contents/{path}/checkpoints/{checkpoint_id}': 'contents.deleteCheckpoint',
      'DELETE /api/kernels/{kernel_id}': 'kernels.delete',
      'DELETE /api/sessions/{session}': 'sessions.delete',
      'DELETE /api/terminals/{terminal_id}': 'terminals.delete',
      'GET /api/': 'api.get',
      'GET /api/config/{section_name}': 'config.get',
      'GET /api/contents/{path}': 'contents.get',
      'GET /api/contents/{path}/checkpoints': 'contents.listCheckpoints',
      'GET /api/kernels': 'kernels.list',
      'GET /api/kernels/{kernel_id}': 'kernels.get',
      'GET /api/kernelspecs': 'kernelspecs.list',
      'GET /api/me': 'identity.get',
      'GET /api/sessions': 'sessions.list',
      'GET /api/sessions/{session}': 'sessions.get',
      'GET /api/spec.yaml': 'api.getSpecYaml',
      'GET /api/status': 'status.get',
      'GET /api/terminals': 'terminals.list',
      'GET /api/terminals/{terminal_id}': 'terminals.get',
      'PATCH /api/config/{section_name}': 'config.update',
      'PATCH /api/contents/{path}': 'contents.update',
      'PATCH /api/sessions/{session}': 'sessions.update',
      'POST /api/contents/{path}': 'contents.create',
      'POST /api/contents/{path}/checkpoints': 'contents.createCheckpoint',
      'POST /api/contents/{path}/checkpoints/{checkpoint_id}': 'contents.postCheckpoint',
      'POST /api/kernels': 'kernels.create',
      'POST /api/kernels/{kernel_id}/interrupt': 'kernels.interrupt',
      'POST /api/kernels/{kernel_id}/restart': 'kernels.restart',
      'POST /api/sessions': 'sessions.create',
      'POST /api/terminals': 'terminals.create',
      'PUT /api/contents/{path}': 'contents.replace',
    });
    assert.equal(named.clientName, 'JupyterServer');
    assert.deepEqual(named.envNames, ['JUPYTER_SERVER_TOKEN']);
  });

  test('an operationId that only repeats its tag is named by HTTP semantics; a tag prefix goes', () => {
    const m = buildModel(
      specFromDocument(
        doc({
          '/widgets': {
            get: op({ operationId: 'widgets', tags: ['widgets'] }),
            post: op({ operationId: 'widgetsAdd', tags: ['widgets'] }),
          },
          '/widgets/{id}/spin': { post: op({ operationId: 'widgetsSpin', tags: ['widgets'] }) },
        }),
      ),
      configFor(),
    );
    assert.deepEqual(methodsOf(m), {
      widgets: 'widgets.list',
      widgetsAdd: 'widgets.create',
      widgetsSpin: 'widgets.spin',
    });
  });
});

describe('client, package and env names', () => {
  test('a title reads like a product name; the server host is the fallback; config still wins', () => {
    const title = "GitHub's official OpenAPI spec + Octokit extension";
    assert.equal(clientNameFromTitle(title), 'GitHub');
    assert.equal(packageNameFromTitle(title), 'github');
    assert.equal(clientNameFromTitle('Swagger Petstore - OpenAPI 3.0'), 'Petstore');
    assert.equal(clientNameFromTitle('REST API v2', 'https://api.stripe.com/v1'), 'Stripe');
    assert.equal(packageNameFromTitle('OpenAPI spec', 'https://api.example.co.uk'), 'example');
    // On a shared hosting domain the tenant is the product, not the host (ASP.NET on Azure, Heroku ...).
    assert.equal(packageNameFromTitle('API', 'https://tl-api.azurewebsites.net'), 'tl-api');
    assert.equal(clientNameFromTitle('API', 'https://bookshelf.herokuapp.com/v1'), 'Bookshelf');
    assert.equal(clientNameFromTitle('Swagger', 'https://api.shop.fly.dev'), 'Shop');
    const m = buildModel(
      specFromDocument(
        doc(
          { '/x': { get: op({ operationId: 'x', security: [{ apiKey: [] }] }) } },
          {
            components: {
              securitySchemes: {
                apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' },
                OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { tokenUrl: '/token', scopes: {} } } },
              },
            },
          },
        ),
      ),
      configFor({ client: { name: 'GitHub' } }),
    );
    assert.equal(m.envPrefix, 'GITHUB');
    assert.deepEqual([...m.securitySchemes.values()].map((s) => ('env' in s ? s.env : undefined)).sort(), [
      'GITHUB_API_KEY',
      'GITHUB_OAUTH2_PASSWORD_BEARER',
    ]);
  });

  test('a plural acronym stays one word (APIs, IDs, URLs); a dotted product name keeps its document words', () => {
    const m = buildModel(
      specFromDocument(
        doc({
          '/apis': { get: op({ operationId: 'listAPIs', tags: ['APIs'] }) },
          '/users/ids': { get: op({ operationId: 'getUserIDs', tags: ['users'] }) },
          '/cpu': { get: op({ operationId: 'getCPUsage', tags: ['metrics'] }) },
        }),
      ),
      configFor(),
    );
    assert.deepEqual(methodsOf(m), {
      listAPIs: 'apis.list',
      getUserIDs: 'users.getUserIds',
      getCPUsage: 'metrics.getCpUsage',
    });
    // A literal segment without words (daniweb.com's `/~`) names nothing and must not throw.
    const odd = buildModel(
      specFromDocument(doc({ '/meta/~': { get: op({ tags: ['meta'] }), post: op({ tags: ['meta'] }) } })),
      configFor(),
    );
    assert.equal(new Set(odd.operations.map((o) => o.methodName)).size, 2);
    assert.equal(clientNameFromTitle('APIs.guru'), 'APIsGuru');
    assert.equal(packageNameFromTitle('APIs.guru'), 'apis-guru');
    assert.equal(clientNameFromTitle('api.video'), 'ApiVideo');
    assert.equal(clientNameFromTitle('The APIs.guru API'), 'APIsGuru');
  });
});

describe('reserved names', () => {
  test("auth, session, api, logger are free; the Client's real members are not", () => {
    const m = buildModel(
      specFromDocument(
        doc({
          '/a': { get: op({ operationId: 'a', tags: ['auth'] }) },
          '/s': { get: op({ operationId: 's', tags: ['session'] }) },
          '/p': { get: op({ operationId: 'p', tags: ['api'] }) },
          '/l': { get: op({ operationId: 'l', tags: ['logger'] }) },
          '/r': { get: op({ operationId: 'r', tags: ['request'] }) },
          '/w': { get: op({ operationId: 'w', tags: ['withOptions'] }) },
        }),
      ),
      configFor(),
    );
    const props = m.resources.map((r) => r.propertyName).sort();
    assert.deepEqual(
      props.filter((p) => ['auth', 'session', 'api', 'logger'].includes(p)),
      ['api', 'auth', 'logger', 'session'],
    );
    assert.ok(!props.includes('request') && !props.includes('withOptions'), props.join());
    // Class names avoid only real names: `Logger` is a runtime export and `Request` a global.
    assert.deepEqual(
      m.resources
        .filter((r) => r.className.endsWith('Resource'))
        .map((r) => r.className)
        .sort(),
      ['LoggerResource', 'RequestResource'],
    );
  });
});

describe('stability', () => {
  const pulls = {
    '/repos/{owner}/{repo}/pulls': {
      get: op({ operationId: 'pulls/list', tags: ['pulls'] }),
      post: op({ operationId: 'pulls/create', tags: ['pulls'] }),
    },
    '/repos/{owner}/{repo}/pulls/{pull_number}': { get: op({ operationId: 'pulls/get', tags: ['pulls'] }) },
  };
  const stacks = {
    '/repos/{owner}/{repo}/pulls/stacks': {
      get: op({ operationId: 'pull-request-stacks/list', tags: ['pulls'] }),
      post: op({ operationId: 'pull-request-stacks/create', tags: ['pulls'] }),
    },
    '/repos/{owner}/{repo}/pulls/stacks/{stack}': {
      get: op({ operationId: 'pull-request-stacks/get', tags: ['pulls'] }),
    },
  };

  test('a newcomer from another namespace yields (GitHub 23: pull-request-stacks under pulls)', () => {
    const before = methodsOf(buildModel(specFromDocument(doc(pulls)), configFor()));
    const after = methodsOf(buildModel(specFromDocument(doc({ ...pulls, ...stacks })), configFor()));
    for (const [id, name] of Object.entries(before)) assert.equal(after[id], name, id);
    assert.deepEqual(before, { 'pulls/list': 'pulls.list', 'pulls/create': 'pulls.create', 'pulls/get': 'pulls.get' });
    assert.equal(after['pull-request-stacks/create'], 'pulls.pullRequestStacksCreate');
  });

  test('adding or removing an unrelated operation renames nothing; x-sdk-name still wins', () => {
    const base = methodsOf(buildModel(specFromDocument(doc(pulls)), configFor()));
    const more = methodsOf(
      buildModel(
        specFromDocument(doc({ ...pulls, '/gists': { get: op({ operationId: 'gists/list', tags: ['gists'] }) } })),
        configFor(),
      ),
    );
    for (const [id, name] of Object.entries(base)) assert.equal(more[id], name, id);
    const named = methodsOf(
      buildModel(
        specFromDocument(
          doc({
            ...pulls,
            '/x': { get: op({ operationId: 'pull-request-stacks/list-all', tags: ['pulls'], 'x-sdk-name': 'list' }) },
          }),
        ),
        configFor(),
      ),
    );
    assert.equal(named['pull-request-stacks/list-all'], 'pulls.list');
    assert.equal(named['pulls/list'], 'pulls.pullsList');
  });
});
