// Each example site's own backend, mounted at /<site>/api/ on the examples origin.
import { intranetBackend } from '../intranet/backend.mjs';
import { storefrontBackend } from '../storefront/backend.mjs';

export const backends = {
  storefront: storefrontBackend,
  intranet: intranetBackend,
};
