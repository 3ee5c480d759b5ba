/**
 * LoadedSpec + config -> ApiModel. The one place that reads the spec's structure: emit/ reads the
 * model, and the schemas it points at when it prints their types (emit/schema-printer.ts).
 */
import type { LoadedSpec, SdkgenConfig } from '../types.js';
import type { ApiModel, ModelAlias, OperationModel, ResourceModel } from './ir.js';
import { isObject } from '../lib/json-pointer.js';
import { RefResolver, inputError } from './refs.js';
import { readSecurity, readSecuritySchemes } from './security.js';
import { readServers } from './servers.js';
import { readOperations } from './operation.js';
import { assignNames } from './naming.js';
import { toPascalIdentifier } from './identifiers.js';
import { envPrefixWords } from './product-name.js';
import { componentSchemaKey, SchemaViews } from './schema-views.js';
import { assignTypeNames } from './type-names.js';
import { countLostParameters } from './parameters.js';

const optionalName = <K extends string>(key: K, name: string | undefined) =>
  name === undefined ? {} : ({ [key]: name } as Record<K, string>);

export type * from './ir.js';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `PetStore` -> `PET_STORE`, `GitHub` -> `GITHUB`: the prefix of PET_STORE_BEARER_AUTH,
 * PET_STORE_LOG, PET_STORE_BASE_URL, with the words split as people write them (see words.ts).
 */
export function envPrefixFor(clientName: string): string {
  const prefix = envPrefixWords(clientName).join('_');
  return /^[A-Z]/.test(prefix) ? prefix : `SDK_${prefix}`.replace(/_$/, '');
}

export function buildModel(spec: LoadedSpec, config: SdkgenConfig): ApiModel {
  const document = spec.document;
  if (!isObject(document.info)) throw inputError(spec, '/info', 'the document needs an `info` object');
  const refs = new RefResolver(spec);
  const clientName = toPascalIdentifier(config.client.name, 'Api');
  const envPrefix = envPrefixFor(clientName);
  const securitySchemes = readSecuritySchemes(spec, refs, envPrefix);
  const security = readSecurity(spec, document.security, '/security', securitySchemes);
  const servers = readServers(spec);
  const rawOps = readOperations(spec, refs, config, securitySchemes);

  const schemas =
    isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  const schemaNames = Object.keys(schemas).sort(byString);
  const names = assignNames(rawOps, schemaNames, clientName);
  const views = new SchemaViews(refs);
  const typeNames = assignTypeNames(
    names,
    rawOps,
    schemaNames.filter((s) => views.refDiffers(componentSchemaKey(s))),
    clientName,
  );

  const operations = operationModels(rawOps, names, typeNames);

  const resources = resourceModels(names, operations, tagDescriptions(document));
  const rootOperations = operations
    .filter((op) => op.resource === undefined)
    .sort((a, b) => byString(a.methodName, b.methodName));

  const models = modelAliases(schemaNames, schemas, names, typeNames);

  const info = document.info;
  const defaults = {
    ...(config.defaults.timeout ? { timeout: config.defaults.timeout } : {}),
    ...(config.defaults.retry ? { retry: config.defaults.retry } : {}),
  };
  return {
    clientName,
    packageName: config.package.name,
    packageVersion: config.package.version,
    envPrefix,
    title: typeof info.title === 'string' ? info.title : clientName,
    ...(typeof info.description === 'string' ? { description: info.description } : {}),
    servers,
    securitySchemes,
    ...(security !== undefined ? { security } : {}),
    resources,
    rootOperations,
    operations,
    models,
    ...(config.errors?.envelope !== undefined ? { errorEnvelope: config.errors.envelope } : {}),
    parametersLost: operations.reduce(
      (sum, op) => sum + countLostParameters(op.params, op.body?.placement === 'flat' ? op.body.properties : []),
      0,
    ),
    ...(Object.keys(defaults).length > 0 ? { defaults } : {}),
  };
}

type AssignedNames = ReturnType<typeof assignNames>;
type AssignedTypeNames = ReturnType<typeof assignTypeNames>;

/** The operations with their assigned names, sorted by key. */
function operationModels(
  rawOps: ReturnType<typeof readOperations>,
  names: AssignedNames,
  typeNames: AssignedTypeNames,
): OperationModel[] {
  const operations: OperationModel[] = rawOps.map((raw) => {
    const { group, nameOverride: _override, ...rest } = raw;
    const resource = group !== undefined ? names.resources.get(group)!.propertyName : undefined;
    return {
      ...rest,
      key: names.operationKeys.get(raw.pointer)!,
      ...(resource !== undefined ? { resource } : {}),
      methodName: names.methodNames.get(raw.pointer)!,
      paramsTypeName: names.paramsTypeNames.get(raw.pointer)!,
      ...optionalName('responseTypeName', typeNames.responseTypeNames.get(raw.pointer)),
      ...optionalName('errorTypeName', typeNames.errorTypeNames.get(raw.pointer)),
    };
  });
  operations.sort((a, b) => byString(a.key, b.key));
  return operations;
}

/** Tag name -> its description, for the resources' doc comments. */
function tagDescriptions(document: LoadedSpec['document']): Map<string, string> {
  const descriptions = new Map<string, string>();
  if (Array.isArray(document.tags)) {
    for (const tag of document.tags) {
      // An empty description says nothing: the resource gets the generated one instead.
      if (
        isObject(tag) &&
        typeof tag.name === 'string' &&
        typeof tag.description === 'string' &&
        tag.description.trim() !== ''
      )
        descriptions.set(tag.name, tag.description);
    }
  }
  return descriptions;
}

/** One resource per group, each with its operations sorted by method name; sorted by property name. */
function resourceModels(
  names: AssignedNames,
  operations: readonly OperationModel[],
  tagDescriptions: ReadonlyMap<string, string>,
): ResourceModel[] {
  return [...names.resources.values()]
    .map((r) => {
      const description = tagDescriptions.get(r.group);
      return {
        propertyName: r.propertyName,
        className: r.className,
        fileName: r.fileName,
        tag: r.group,
        ...(description !== undefined ? { description } : {}),
        operations: operations
          .filter((op) => op.resource === r.propertyName)
          .sort((a, b) => byString(a.methodName, b.methodName)),
      };
    })
    .sort((a, b) => byString(a.propertyName, b.propertyName));
}

/** One alias per component schema, sorted by name. */
function modelAliases(
  schemaNames: readonly string[],
  schemas: Record<string, unknown>,
  names: AssignedNames,
  typeNames: AssignedTypeNames,
): ModelAlias[] {
  return schemaNames
    .map((schemaName) => {
      const schema = schemas[schemaName];
      const description = isObject(schema) && typeof schema.description === 'string' ? schema.description : undefined;
      const inputName = typeNames.inputNames.get(schemaName);
      return {
        name: names.modelNames.get(schemaName)!,
        ...(inputName !== undefined ? { inputName } : {}),
        schemaName,
        ...(description !== undefined ? { description } : {}),
      };
    })
    .sort((a, b) => byString(a.name, b.name));
}
