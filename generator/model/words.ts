/**
 * Splitting names into words as people read them, for the names that are not camelCase
 * identifiers: environment variables (`INVENTORY_SERVICE_OAUTH2_PASSWORD_BEARER`), package names
 * and default client names. change-case splits at every lower->Upper step, which is right for
 * `bearerAuth` and wrong for the brand words people write in camelCase (`OAuth2` -> `O`, `Auth2`;
 * `GitHub` -> `Git`, `Hub`): those are joined again from a short list.
 */
import { split } from 'change-case';

/**
 * Words written with an inner capital that are one word to their readers. Lowercase; each is
 * matched as the concatenation of the pieces change-case makes of it. Kept short on purpose:
 * a missing brand only costs an underscore in an env variable name.
 */
export const COMPOUND_WORDS: readonly string[] = [
  'oauth',
  'oauth1',
  'oauth2',
  'openid',
  'openapi',
  'github',
  'gitlab',
  'bitbucket',
  'openai',
  'paypal',
  'youtube',
  'linkedin',
  'hubspot',
  'docusign',
  'wordpress',
  'mailchimp',
  'sendgrid',
  'dropbox',
  'graphql',
  'mongodb',
  'mysql',
  'postgresql',
  'javascript',
  'typescript',
  'ios',
  'macos',
  'iphone',
  'ipad',
  'ebay',
  'fastapi',
  'nestjs',
  'jupyter',
];

const COMPOUNDS: ReadonlySet<string> = new Set(COMPOUND_WORDS);

/**
 * An acronym with a plural `s` (`APIs`, `IDs`, `URLs`) at the end or before a new word (`IDsFor`);
 * not before a capital that is not a word's start (`VirtualWANAsAService` is WAN As A Service).
 */
const PLURAL_ACRONYM = /([A-Z]{2,})s(?=$|[^A-Za-z]|[A-Z][a-z])/g;

/**
 * `APIs` -> `Apis`, `userIDs` -> `userIds`: change-case splits a plural acronym before its last
 * capital (`AP`, `Is`), which made the tag `APIs` into `client.apIs`. Written as one capitalized
 * word first, it stays one word (`apis`, `listApisForUser`, `APIS_GURU`).
 */
export function joinPluralAcronyms(raw: string): string {
  return raw.replace(PLURAL_ACRONYM, (_, acronym: string) => `${acronym[0]}${acronym.slice(1).toLowerCase()}s`);
}
/** The longest compound spans this many change-case pieces (`O`+`Auth2`, `Postgre`+`SQL`). */
const MAX_COMPOUND_PIECES = 3;

/** change-case's word pieces, a plural acronym kept whole: `listAPIsForUser` -> list, Apis, For, User. */
export function identifierPieces(text: string): string[] {
  return split(joinPluralAcronyms(text));
}

/** Lowercase words of an identifier or path segment: `list-for_repo` and `listForRepo` alike. */
export function lowerWords(text: string): string[] {
  return identifierPieces(text)
    .flatMap((w) => w.split(/[^A-Za-z0-9]+/))
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** `OAuth2PasswordBearer` -> ['OAuth2', 'Password', 'Bearer']; `apiKey` -> ['api', 'Key']. */
export function splitWords(raw: string): string[] {
  const pieces = identifierPieces(raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .flatMap((p) => p.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  const words: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    let taken = 1;
    for (let n = Math.min(MAX_COMPOUND_PIECES, pieces.length - i); n > 1; n--) {
      if (
        COMPOUNDS.has(
          pieces
            .slice(i, i + n)
            .join('')
            .toLowerCase(),
        )
      ) {
        taken = n;
        break;
      }
    }
    words.push(pieces.slice(i, i + taken).join(''));
    i += taken;
  }
  return words;
}

/** `OAuth2PasswordBearer` -> `OAUTH2_PASSWORD_BEARER`; '' when there are no letters or digits. */
export function constantWords(raw: string): string {
  return splitWords(raw)
    .map((w) => w.toUpperCase())
    .join('_');
}
