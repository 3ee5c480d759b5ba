/** OAuth2 client credentials (token request and cache), for installFeatures() (runtime/features.ts). */
import type { OAuth2Feature } from '../features.js';
import { OAuth2TokenManager } from '../auth/oauth2.js';

export const oauth2: OAuth2Feature = {
  tokenManager: (name, tokenUrl, credential) => new OAuth2TokenManager(name, tokenUrl, credential),
};
