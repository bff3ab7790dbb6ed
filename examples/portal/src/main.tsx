// The portal's entry: one SDK client for the page, and the React app in #portal.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createPortalClient } from './kith.js';

const container = document.getElementById('portal');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App kith={createPortalClient()} />
    </StrictMode>,
  );
}
