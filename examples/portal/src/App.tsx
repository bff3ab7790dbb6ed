// The portal's shell: the shop's header, who is signed in (asked of the shop's own backend), and
// the account of that shopper, or a way to sign in.
import { useEffect, useState } from 'react';
import { Account } from './Account.js';
import { SHOP } from './config.js';
import type { PortalClient } from './kith.js';
import { signInUrl, signOut, whoIsSignedIn, type Session } from './session.js';

export function App({ kith }: { readonly kith: PortalClient | Error }) {
  const [session, setSession] = useState<Session>({ kind: 'checking' });
  const [asked, setAsked] = useState(0);
  const [signOutFailed, setSignOutFailed] = useState(false);
  const [signedOut, setSignedOut] = useState(false);

  useEffect(() => {
    let current = true;
    void whoIsSignedIn().then((answer) => current && setSession(answer));
    return () => {
      current = false;
    };
  }, [asked]);

  const leave = async () => {
    if (kith instanceof Error) return;
    try {
      await signOut();
    } catch {
      setSignOutFailed(true);
      return;
    }
    setSignOutFailed(false);
    setSession({ kind: 'signed-out' });
    setSignedOut(true);
  };

  // Whoever uses this browser next sees nothing of this shopper's: the cache is emptied, once
  // the account has unmounted (emptying it under observed reads would send them again, keyless).
  useEffect(() => {
    if (signedOut && !(kith instanceof Error)) void kith.core.clear();
  }, [signedOut, kith]);

  const shopper = session.kind === 'signed-in' ? session.shopper : null;
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="site">
        <a className="brand" href={SHOP.home}>Kith Shop</a>
        <nav aria-label="Shop">
          <ul>
            <li><a href={SHOP.home}>Products</a></li>
            <li><a href="/portal/" aria-current="page">My account</a></li>
          </ul>
        </nav>
        {shopper && (
          <div className="who">
            <span>
              Signed in as <strong id="portal-shopper">{shopper.name}</strong>
            </span>
            <button type="button" id="portal-sign-out" className="secondary" onClick={() => void leave()}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <h1>My account</h1>
        {signOutFailed && <p className="failure" role="alert">Could not sign out: the shop cannot be reached. Try again when you are online.</p>}
        <Body session={session} kith={kith} onAskAgain={() => setAsked((n) => n + 1)} />
      </main>
      <footer className="site">
        <p>
          An example of a shop's account page built with React and the <code>@kith/sdk</code> client alone. <a href="/">All examples</a>
        </p>
      </footer>
    </>
  );
}

function Body({ session, kith, onAskAgain }: { readonly session: Session; readonly kith: PortalClient | Error; readonly onAskAgain: () => void }) {
  if (kith instanceof Error) {
    return (
      <p className="failure" role="alert">
        This page is not set up: {kith.message} Open it through the examples server (<code>npm start</code>).
      </p>
    );
  }
  switch (session.kind) {
    case 'checking':
      return <p className="loading-text" role="status">Checking who is signed in…</p>;
    case 'signed-out':
      return (
        <div id="portal-signed-out" className="note">
          <p>Sign in to the shop to see your points, your orders and what you have written.</p>
          <p>
            <a id="portal-sign-in" className="button" href={signInUrl}>Sign in</a>
          </p>
        </div>
      );
    case 'unreachable':
      return (
        <div className="note offline" role="alert">
          <p>The shop cannot be reached, so this page cannot tell who is signed in. Check your connection.</p>
          <button type="button" id="portal-retry" onClick={onAskAgain}>Retry</button>
        </div>
      );
    case 'signed-in':
      return <Account kith={kith} shopper={session.shopper} />;
  }
}
