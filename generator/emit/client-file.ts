/** src/client.ts: the client class, its typed auth and options, and the untagged operations. */
import type { ApiModel } from '../model/index.js';
import type { SecuritySchemeDescriptor } from '../../runtime/descriptor.js';
import { docText, GENERATED_HEADER, jsDoc, stringLiteral, typePropertyKey } from './escape.js';
import { methodDeclaration, operationDeclarations } from './methods.js';
import { importLines } from './resource-file.js';
import type { SchemaPrinter } from './schema-printer.js';
import { newTypeUses, type TypeUses } from './type-expressions.js';
import { classDeclaration, INDENT, memberBody, sourceFile } from './code-writer.js';

/** What a caller passes for each scheme; the runtime also reads the scheme's env variable. */
function credentialType(scheme: SecuritySchemeDescriptor, uses: TypeUses): string | undefined {
  switch (scheme.type) {
    case 'http':
      if (scheme.scheme === 'bearer') {
        uses.runtime.add('BearerToken');
        return 'BearerToken';
      }
      uses.runtime.add('BasicCredentials');
      return 'BasicCredentials';
    case 'apiKey':
      uses.runtime.add('ApiKey');
      return 'ApiKey';
    case 'oauth2':
      // An access token or a provider of one; with a clientCredentials flow the runtime can also
      // fetch, cache and refresh the token itself from the client id and secret.
      uses.runtime.add('BearerToken');
      if (scheme.flows.clientCredentials !== undefined) {
        uses.runtime.add('OAuth2ClientCredentials');
        return 'BearerToken | OAuth2ClientCredentials';
      }
      return 'BearerToken';
    case 'openIdConnect':
      uses.runtime.add('BearerToken');
      return 'BearerToken';
    default:
      // mutualTLS is configured through the `tls` option, not a credential.
      return undefined;
  }
}

function schemeDoc(name: string, scheme: SecuritySchemeDescriptor): string {
  const where =
    scheme.type === 'apiKey'
      ? `API key sent in ${scheme.in} ${JSON.stringify(scheme.name)}`
      : scheme.type === 'http'
        ? `HTTP ${scheme.scheme} auth`
        : scheme.type;
  const env =
    'env' in scheme && scheme.env !== undefined
      ? scheme.type === 'http' && scheme.scheme !== 'bearer'
        ? ` Defaults to the ${scheme.env}_USERNAME and ${scheme.env}_PASSWORD environment variables.`
        : ` Defaults to the ${scheme.env} environment variable.`
      : '';
  return docText([`${where} (security scheme ${JSON.stringify(name)}).${env}`])!;
}

export function emitClientFile(
  model: ApiModel,
  printer: SchemaPrinter,
  runtimeImport: string,
  wiring: { hooks?: boolean } = {},
): string {
  const uses = newTypeUses();
  printer.uses = uses;
  uses.runtime.add('ClientOptions');
  const authMembers: string[] = [];
  for (const name of [...model.securitySchemes.keys()].sort()) {
    const scheme = model.securitySchemes.get(name)!;
    const type = credentialType(scheme, uses);
    if (type === undefined) continue;
    authMembers.push(`  /** ${schemeDoc(name, scheme)} */\n  ${typePropertyKey(name)}?: ${type};`);
  }
  const authName = `${model.clientName}Auth`;
  const optionsName = `${model.clientName}Options`;
  const environments = model.servers.map((s) => stringLiteral(s.name));
  const paramsTypes = model.rootOperations.flatMap((op) => operationDeclarations(op, printer, uses));
  const methods = model.rootOperations.map((op) => methodDeclaration(op, 'this', printer, uses));
  printer.uses = undefined;
  const imports = importLines(uses, { runtime: runtimeImport, models: './models.js' }, ['Client']);
  const resourceImports = model.resources.map(
    (r) => `import { ${r.className} } from ${stringLiteral(`./resources/${r.fileName}.js`)};`,
  );
  // The user's hooks (src/hooks.ts) ride on the runtime's middleware option (emit/hooks-file.ts).
  if (wiring.hooks)
    resourceImports.unshift(
      `import { hooks } from ${stringLiteral('./hooks.js')};`,
      `import { withHooks } from ${stringLiteral('./hook-middleware.js')};`,
    );
  const operationsImport = model.rootOperations.length > 0 ? 'api, operations' : 'api';
  // The resource methods' paginated calls (src/functions.ts passes the feature per call instead).
  const paginates = model.operations.some((op) => op.pagination);
  const runtimeDir = runtimeImport.slice(0, runtimeImport.lastIndexOf('/') + 1);
  if (paginates)
    resourceImports.push(
      `import { installFeatures } from ${stringLiteral(`${runtimeDir}features.js`)};`,
      `import { pagination } from ${stringLiteral(`${runtimeDir}features/pagination.js`)};`,
    );

  // One property per resource (a blank line between them and the constructor), none when untagged.
  const properties = model.resources.map(
    (r) => `${jsDoc([r.description], INDENT)}${INDENT}readonly ${r.propertyName}: ${r.className};`,
  );
  const ctorStatements = [
    wiring.hooks ? 'super(api, withHooks(options, hooks));' : 'super(api, options);',
    ...model.resources.map((r) => `this.${r.propertyName} = new ${r.className}(this);`),
  ];
  const ctor = `${INDENT}constructor(options: ${optionsName} = {}) ${memberBody(ctorStatements)}`;
  const classDoc = jsDoc([model.title, model.description]) || jsDoc([model.clientName]);

  return sourceFile(
    [
      `${GENERATED_HEADER}${imports}\nimport { ${operationsImport} } from './operations.js';${resourceImports.length ? `\n${resourceImports.join('\n')}` : ''}\n`,
      ...(paginates ? ['installFeatures({ pagination });'] : []),
      `/** Credentials, keyed by the spec's security scheme names. */\nexport interface ${authName} {${authMembers.length ? `\n${authMembers.join('\n')}\n` : ''}}`,
      `export interface ${optionsName} extends ClientOptions<${authName}> {${
        environments.length
          ? `\n  /** A server from the spec; \`baseUrl\` wins over it. Default: the first. */\n  readonly environment?: ${environments.join(' | ')};\n`
          : ''
      }}`,
      ...paramsTypes,
    ],
    classDeclaration(classDoc, `export class ${model.clientName} extends Client<${authName}>`, [
      ...(properties.length > 0 ? [properties.join('\n')] : []),
      ctor,
      ...methods,
    ]),
  );
}
