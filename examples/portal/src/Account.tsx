// The signed-in shopper's account: points, orders, reviews and complaints, from the SDK's reads —
// saved answers first, then the server's — and the offline note when Kith cannot be reached.
import { useMemo, useState } from 'react';
import type { PortalClient } from './kith.js';
import { FeedbackSections } from './Feedback.js';
import { OfflineNote } from './OfflineNote.js';
import { Orders } from './Orders.js';
import { Points } from './Points.js';
import { connection } from './reachability.js';
import { accountReads } from './reads.js';
import type { Shopper } from './session.js';
import { useRead } from './use-read.js';

export function Account({ kith, shopper }: { readonly kith: PortalClient; readonly shopper: Shopper }) {
  const reads = useMemo(() => accountReads(kith, shopper.id), [kith, shopper.id]);
  const account = useRead(reads.account);
  const program = useRead(reads.program);
  const ledger = useRead(reads.ledger);
  const orders = useRead(reads.orders);
  const reviews = useRead(reads.reviews);
  const complaints = useRead(reads.complaints);
  const [retrying, setRetrying] = useState(false);

  const status = connection([account, program, ledger, orders, reviews, complaints]);
  // A review names its product by id; the shopper's orders know the names they bought.
  const productNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const order of orders.data?.items ?? []) {
      for (const line of order.lines) if (line.productId) names.set(line.productId, line.name);
    }
    return names;
  }, [orders.data]);

  /**
   * Asks the server again for every read. Awaiting fresh reads of the same queries shares their
   * cache entries, so the observed states above move to the answer (or the new failure).
   */
  const retry = () => {
    if (retrying) return;
    setRetrying(true);
    void Promise.allSettled(Object.values(accountReads(kith, shopper.id)).map((read) => read.then())).then(() => setRetrying(false));
  };

  if (status.nothingSaved) {
    return (
      <>
        <OfflineNote connection={status} retrying={retrying} onRetry={retry} />
        <div id="offline-empty" className="note offline" role="alert">
          <h2>You are offline</h2>
          <p>Kith cannot be reached, and nothing from your account has been saved on this device yet: it is saved the first time you open this page online.</p>
          <button type="button" id="portal-retry" onClick={retry} aria-disabled={retrying}>
            {retrying ? 'Trying again…' : 'Retry'}
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      <OfflineNote connection={status} retrying={retrying} onRetry={retry} />
      <div className="grid">
        <Points account={account} program={program} ledger={ledger} />
        <Orders first={orders} kith={kith} customerId={shopper.id} />
        <FeedbackSections reviews={reviews} complaints={complaints} productNames={productNames} />
      </div>
    </>
  );
}
