/**
 * Default client class and package names, read like a product name: "GitHub's official OpenAPI
 * spec + Octokit extension" -> `GitHub` / `github`, "Inventory Service" -> `InventoryService` /
 * `inventory-service`. Sources in order: the title's possessor ("GitHub's ..."), the title
 * without words that describe the document rather than the product, then the first server's
 * host (`https://api.stripe.com` -> Stripe). The config's `client.name` / `package.name` win.
 */
import { splitWords } from './words.js';

/**
 * Words that say what the document is, not what the product is called. Lowercase. `service`,
 * `server` and `store` stay: in "Inventory Service" or "Jupyter Server" they are part of the name.
 */
export const DOCUMENT_WORDS: ReadonlySet<string> = new Set([
  'api',
  'apis',
  'openapi',
  'swagger',
  'spec',
  'specs',
  'specification',
  'extension',
  'extensions',
  'rest',
  'restful',
  'http',
  'https',
  'json',
  'official',
  'the',
  'a',
  'an',
  'of',
  'for',
  'documentation',
  'docs',
  'reference',
  'definition',
  'definitions',
  'interface',
  'version',
]);

/** `v1`, `v2.1`, `2023`, `1.0.0`: versions are not part of a product name. */
const VERSION_WORD = /^(v?\d+([._]\d+)*[a-z]?|\d{4}-\d{2}(-\d{2})?)$/i;

/** Host labels that name the front door, not the product (`api.stripe.com`). */
const HOST_NOISE_LABELS: ReadonlySet<string> = new Set([
  'api',
  'www',
  'app',
  'rest',
  'gateway',
  'public',
  'sandbox',
  'test',
  'dev',
  'staging',
  'prod',
]);

/**
 * Shared hosting domains (the Public Suffix List's private section, the ones specs in the corpus
 * use): under them the label before the suffix is the tenant, the product
 * (`tl-api.azurewebsites.net` -> TlApi, not Azurewebsites). Cloud hosts whose label is a random
 * id (`*.execute-api.*.amazonaws.com`) are not here: the host then gives no name.
 */
const SHARED_HOSTING_SUFFIXES: readonly string[] = [
  'azurewebsites.net',
  'azure-api.net',
  'cloudapp.net',
  'azurecontainerapps.io',
  'azurestaticapps.net',
  'herokuapp.com',
  'appspot.com',
  'cloudfunctions.net',
  'run.app',
  'web.app',
  'firebaseapp.com',
  'vercel.app',
  'netlify.app',
  'github.io',
  'gitlab.io',
  'onrender.com',
  'fly.dev',
  'pages.dev',
  'workers.dev',
  'deno.dev',
  'glitch.me',
  'ngrok.io',
  'railway.app',
];

/** The words of the title before its first possessive: "GitHub's official spec" -> ["GitHub"]. */
function possessor(title: string): string[] | undefined {
  const match = /^(.*?[A-Za-z0-9])['\u2019]s\b/u.exec(title);
  if (match === null) return undefined;
  const words = titleWords(match[1]!);
  return words.length > 0 ? words : undefined;
}

/**
 * A product named like a domain that starts with a document word (`APIs.guru`, `api.video`): two
 * parts, one dot. Hosts with more labels (`api.clarify.io`) and URLs drop the word as usual.
 */
const DOTTED_NAME = /^(api|apis)\.[A-Za-z][A-Za-z0-9]*$/i;

/**
 * Title words as written (accents dropped), split at spaces and punctuation, never inside `GitHub`.
 * Document words are dropped, except inside a dotted name: there they are the product's own
 * spelling (`APIs.guru` -> ApisGuru, not Guru).
 */
function titleWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/\s+/)
    .flatMap((token) => {
      const words = token.split(/[^A-Za-z0-9]+/).filter((w) => w !== '' && !VERSION_WORD.test(w));
      return DOTTED_NAME.test(token) ? words : words.filter((w) => !DOCUMENT_WORDS.has(w.toLowerCase()));
    });
}

/** `https://api.stripe.com/v1` -> ["stripe"]; nothing for localhost, IPs and templated hosts. */
function hostWords(serverUrl: string | undefined): string[] {
  if (serverUrl === undefined) return [];
  let host: string;
  try {
    host = new URL(serverUrl).hostname;
  } catch {
    return [];
  }
  if (host === 'localhost' || /^[\d.]+$/.test(host) || host.includes('[') || host.includes('%7B')) return [];
  const shared = SHARED_HOSTING_SUFFIXES.find((suffix) => host.endsWith(`.${suffix}`));
  if (shared !== undefined) {
    const tenant = host
      .slice(0, -shared.length - 1)
      .split('.')
      .filter((l) => l !== '' && !HOST_NOISE_LABELS.has(l));
    return tenant.length > 0 ? [tenant[tenant.length - 1]!] : [];
  }
  const labels = host.split('.').filter((l) => l !== '' && !HOST_NOISE_LABELS.has(l));
  // The registrable label: the one before the public suffix (`stripe` of stripe.com, `example` of example.co.uk).
  const label =
    labels.length >= 3 && labels[labels.length - 2]!.length <= 3
      ? labels[labels.length - 3]
      : labels[labels.length - 2];
  return label !== undefined ? [label] : [];
}

/** The product's words, best source first; [] when none has letters. */
export function productWords(title: string, serverUrl?: string): string[] {
  for (const words of [possessor(title), titleWords(title), hostWords(serverUrl)]) {
    if (words !== undefined && words.length > 0) return words;
  }
  return [];
}

/** "inventory" -> "Inventory"; "GitHub" stays (an inner capital is the product's own spelling). */
export function pascalWord(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** The env prefix of a client name: `InventoryService` -> `INVENTORY_SERVICE`, `GitHub` -> `GITHUB`. */
export function envPrefixWords(clientName: string): string[] {
  return splitWords(clientName).map((w) => w.toUpperCase());
}
