// The shopper's orders, newest first, a page at a time: each with its lines, totals and status.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Money, Order, OrderPage } from '@kith/schema';
import type { ReadState } from '@kith/sdk/core';
import { count, date, list, money } from './format.js';
import type { PortalClient } from './kith.js';
import { ORDER_STATUS } from './labels.js';
import { Loadable } from './Loadable.js';
import { useRead } from './use-read.js';

export const ORDERS_PER_PAGE = 10;

interface OrdersProps {
  readonly first: ReadState<OrderPage>;
  readonly kith: PortalClient;
  readonly customerId: string;
}

export function Orders({ first, kith, customerId }: OrdersProps) {
  return (
    <section className="card" aria-labelledby="orders-heading">
      <h2 id="orders-heading">Your orders</h2>
      <Loadable state={first} what="your orders">
        {(page) =>
          page.items.length === 0 ? (
            <p className="empty">No orders yet.</p>
          ) : (
            <OrdersFrom page={page} kith={kith} customerId={customerId} first />
          )
        }
      </Loadable>
    </section>
  );
}

interface PageProps {
  readonly kith: PortalClient;
  readonly customerId: string;
}

/** One page of orders, then a button for the next page, which replaces it once pressed. */
function OrdersFrom({ page, kith, customerId, first = false }: PageProps & { readonly page: OrderPage; readonly first?: boolean }) {
  const [more, setMore] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    // The button that was pressed is gone: focus moves to the orders it brought.
    if (!first) list.current?.focus();
  }, [first]);
  return (
    <>
      <ol ref={list} id={first ? 'orders-list' : undefined} className="orders" aria-label={first ? 'Latest orders' : 'Older orders'} tabIndex={first ? undefined : -1}>
        {page.items.map((order) => <OrderItem key={order.id} order={order} />)}
      </ol>
      {page.next &&
        (more ? (
          <NextPage kith={kith} customerId={customerId} cursor={page.next} />
        ) : (
          <button type="button" id={first ? 'orders-more' : undefined} className="secondary more" onClick={() => setMore(true)}>
            Show older orders
          </button>
        ))}
    </>
  );
}

/** The page after a cursor: a read of its own, cached too, so pages a shopper opened are there offline. */
function NextPage({ kith, customerId, cursor }: PageProps & { readonly cursor: string }) {
  const read = useMemo(() => kith.orders.list(customerId, { limit: ORDERS_PER_PAGE, cursor }), [kith, customerId, cursor]);
  const state = useRead(read);
  return (
    <Loadable state={state} what="your older orders">
      {(page) => <OrdersFrom page={page} kith={kith} customerId={customerId} />}
    </Loadable>
  );
}

function OrderItem({ order }: { readonly order: Order }) {
  const headingId = `order-${order.id}`;
  return (
    <li className="order" data-external-id={order.externalId}>
      <article aria-labelledby={headingId}>
        <header className="order-head">
          <h3 id={headingId}>Order {order.externalId}</h3>
          <span className={`status status-${order.status}`}>{ORDER_STATUS[order.status]}</span>
        </header>
        <p className="meta">
          Placed <time dateTime={order.placedAt}>{date(order.placedAt)}</time> · Total <strong>{money(order.total)}</strong>
        </p>
        <details className="lines">
          <summary>Items: {itemsSummary(order)}</summary>
          <div className="table-scroll" role="region" aria-label={`Lines of order ${order.externalId}`} tabIndex={0}>
            <table>
              <caption className="visually-hidden">Lines of order {order.externalId}</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" className="number">Qty</th>
                  <th scope="col" className="number">Price</th>
                  <th scope="col" className="number">Total</th>
                </tr>
              </thead>
              <tbody>
                {order.lines.map((line, i) => (
                  <tr key={`${line.externalProductId ?? line.productId ?? ''}-${i}`}>
                    <td>{line.name}</td>
                    <td className="number">{line.quantity}</td>
                    <td className="number">{money(line.unitPrice)}</td>
                    <td className="number">{money(line.total)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <Sum label="Subtotal" value={order.subtotal} />
                {order.discount.amount > 0 && <Sum label="Discount" value={order.discount} minus />}
                {order.shipping.amount > 0 && <Sum label="Shipping" value={order.shipping} />}
                {order.tax.amount > 0 && <Sum label="Tax" value={order.tax} />}
                <Sum label="Total" value={order.total} strong />
              </tfoot>
            </table>
          </div>
        </details>
      </article>
    </li>
  );
}

/** "Rain jacket", "Knitted cardigan, Rain jacket and Wool overcoat", "… and 2 more": what the order holds. */
function itemsSummary(order: Order): string {
  const names = order.lines.map((line) => (line.quantity > 1 ? `${line.name} × ${line.quantity}` : line.name));
  const shown = names.length > MAX_NAMES ? [...names.slice(0, MAX_NAMES - 1), `${count(names.length - MAX_NAMES + 1)} more`] : names;
  return list(shown);
}

const MAX_NAMES = 3;

function Sum({ label, value, minus, strong }: { readonly label: string; readonly value: Money; readonly minus?: boolean; readonly strong?: boolean }) {
  const text = `${minus ? '−' : ''}${money(value)}`;
  return (
    <tr className={strong ? 'sum total' : 'sum'}>
      <th scope="row" colSpan={3}>{label}</th>
      <td className="number">{text}</td>
    </tr>
  );
}
