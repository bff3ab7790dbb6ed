// The shopper's points: balance, tier and the way to the next one, then the ledger.
import type { LedgerPage, LoyaltyAccount, LoyaltyProgramResponse, Tier } from '@kith/schema';
import type { ReadState } from '@kith/sdk/core';
import { count, date, signed } from './format.js';
import { LEDGER_REASON } from './labels.js';
import { Loadable } from './Loadable.js';

interface PointsProps {
  readonly account: ReadState<LoyaltyAccount>;
  readonly program: ReadState<LoyaltyProgramResponse>;
  readonly ledger: ReadState<LedgerPage>;
}

export function Points({ account, program, ledger }: PointsProps) {
  return (
    <section className="card" aria-labelledby="points-heading">
      <h2 id="points-heading">Your points</h2>
      <Loadable state={account} what="your points">
        {(data) => <Standing account={data} tiers={program.data?.program.tiers} />}
      </Loadable>
      <h3 id="ledger-heading">Points history</h3>
      <Loadable state={ledger} what="your points history">
        {(page) => (page.items.length === 0 ? <p className="empty">No points earned or spent yet.</p> : <Ledger page={page} />)}
      </Loadable>
    </section>
  );
}

function Standing({ account, tiers }: { readonly account: LoyaltyAccount; readonly tiers: readonly Tier[] | undefined }) {
  const tier = tiers?.find((t) => t.id === account.tierId);
  const next = account.nextTier;
  const nextThreshold = next ? tiers?.find((t) => t.id === next.tierId)?.threshold : undefined;
  return (
    <>
      <dl className="figures">
        <div>
          <dt>Balance</dt>
          <dd>
            <data id="points-balance" value={account.balance}>{count(account.balance)}</data> points
          </dd>
        </div>
        <div>
          <dt>Tier</dt>
          <dd id="points-tier">{tier?.name ?? (account.tierId === null ? 'No tier yet' : '…')}</dd>
        </div>
        <div>
          <dt>Earned in all</dt>
          <dd>{count(account.lifetimePoints)} points</dd>
        </div>
      </dl>
      {next ? (
        <Progress from={tier?.threshold ?? 0} to={nextThreshold} needed={next.pointsNeeded} nextName={next.name} />
      ) : (
        <p id="points-next">You are in the top tier.</p>
      )}
      {account.tierExpiresAt && <p>Your tier is held until {date(account.tierExpiresAt)}; keep earning points to keep it.</p>}
    </>
  );
}

/**
 * The way from this tier's threshold to the next one's. The points that count (lifetime, or the
 * program's rolling window) are the next threshold less the points still needed, so the bar is
 * right for both kinds of program; without the program's tiers (not loaded yet) only the words show.
 */
function Progress({ from, to, needed, nextName }: { readonly from: number; readonly to: number | undefined; readonly needed: number; readonly nextName: string }) {
  const text = `${count(needed)} more points to ${nextName}`;
  return (
    <div className="progress">
      <p id="points-next">{text}</p>
      {to !== undefined && to > from && (
        <progress id="points-progress" aria-labelledby="points-next" max={to - from} value={Math.max(0, to - needed - from)}>
          {text}
        </progress>
      )}
    </div>
  );
}

function Ledger({ page }: { readonly page: LedgerPage }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="ledger-heading" tabIndex={0}>
      <table id="ledger-table">
        <caption className="visually-hidden">Points history, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">What</th>
            <th scope="col" className="number">Points</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((entry) => (
            <tr key={entry.id}>
              <td>{date(entry.createdAt)}</td>
              <td>
                {LEDGER_REASON[entry.reason]}
                {entry.note && <span className="note"> — {entry.note}</span>}
              </td>
              <td className={entry.points < 0 ? 'number minus' : 'number plus'}>{signed(entry.points)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
