// How an example site's own backend talks to Kith: over HTTP with the shop's SECRET key, as a
// real shop's server would. The secret key stays in this process; pages get only short-lived
// tokens minted here after their own sign-in.

/** A refusal from Kith, with its typed error body (`{ error: { code, message } }`). */
export class KithApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message ?? `Kith answered ${status}`);
    this.status = status;
    this.code = body?.error?.code ?? 'unknown';
  }
}

/**
 * @param {{ url: string, secretKey: string, publishableKey: string }} kith
 * @returns {{ call: (method: string, path: string, body?: unknown) => Promise<any>, mintToken: (grant: object) => Promise<{ token: string, expiresAt: string }>, publishableKey: string, url: string }}
 */
export function kithApi(kith) {
  const call = async (method, path, body) => {
    const response = await fetch(`${kith.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${kith.secretKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) throw new KithApiError(response.status, json);
    return json;
  };
  return {
    url: kith.url,
    publishableKey: kith.publishableKey,
    /** The seeded sample customer, product SKU and staff user, for the sign-in pages to offer first. */
    demo: kith.demo,
    call,
    // Five minutes: the page's token function asks again when it runs out.
    mintToken: (grant) => call('POST', '/v1/tokens', { publishableKey: kith.publishableKey, expiresInSeconds: 300, ...grant }),
  };
}
