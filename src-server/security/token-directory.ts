/**
 * What the pipeline needs from the token store: lookups by secret and usage updates, and of a token
 * only what it checks. Narrow views of the store's TokensRepo, so the stages state their needs.
 */
import type { TokenRecord, TokensRepo } from '../store/tokens-repo.ts';

export type AuthToken = Pick<TokenRecord, 'id' | 'name' | 'expiresAt' | 'grants' | 'origins' | 'ipAllow' | 'rateLimit' | 'hmac'> &
  /** Answers show fake personal data (absent = false, e.g. the Studio's own explorer credential). */
  Partial<Pick<TokenRecord, 'sandbox'>>;

export type TokenDirectory = Pick<TokensRepo, 'findBySecret' | 'hmacSecret' | 'liveCount' | 'touch'>;
