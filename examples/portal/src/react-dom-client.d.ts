// The one function of react-dom the portal calls, typed here: the repository has React's own
// types but not react-dom's, and this is all the page needs of it.
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';

  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }

  export function createRoot(container: Element | DocumentFragment): Root;
}
