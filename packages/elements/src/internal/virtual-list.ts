// The long lists' machinery as one lazy chunk (rollup's `lists`): the timeline and the pipeline's
// columns import it as they connect, while their data loads, and render their first items plainly
// until it is there — so neither carries it in the code a page fetches before it is interactive.
export { repeat } from 'lit/directives/repeat.js';
export { VirtualWindow, type VirtualWindowOptions } from './virtual-window.js';
