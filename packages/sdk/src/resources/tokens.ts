// Short-lived customer and staff tokens, minted by the shop's server for its signed-in users.
import { TokenResponse, type TokenRequest } from '@kith/schema';
import type { KithCore } from '../core.js';
import { sender, type SendOptions } from './shared.js';

export interface TokensResource {
  /**
   * Mints a token (`POST /v1/tokens`) for a shopper (their own data) or a staff user (by
   * scope), at most 15 minutes, bound to the publishable key of the page that will send it.
   * Secret key only: call it from the shop's server after its own sign-in, and hand the token
   * to the page's `token` function.
   */
  mint(request: TokenRequest, options?: SendOptions): Promise<TokenResponse>;
}

export function tokens(core: KithCore): TokensResource {
  const send = sender(core);
  return {
    mint: (request, options) => send({ method: 'POST', path: '/v1/tokens', body: request, schema: TokenResponse }, options),
  };
}
