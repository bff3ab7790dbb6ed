import type { BoardToolsTexts } from './tools-texts.js';

const en: BoardToolsTexts = {
  $lang: 'en',
  help: 'Space or Enter lifts the deal, the arrow keys move it between columns and positions, Space or Enter drops it, Escape cancels. With a finger, drag the handle ⠿; with a mouse, the card. A click opens the deal.',
  lifted: (title, stage, position, count) =>
    `Lifted '${title}' in ${stage}, position ${position} of ${count}. Arrow keys move it, Space or Enter drops it, Escape cancels.`,
  moved: (title, stage, position, count) => `Moved '${title}' to ${stage}, position ${position} of ${count}`,
  dropped: (title, stage, position, count) => `Dropped '${title}' in ${stage}, position ${position} of ${count}.`,
  stays: (title, stage, position, count) => `'${title}' stays in ${stage}, position ${position} of ${count}.`,
  cancelled: (title, stage, position, count) => `Move cancelled: '${title}' is back in ${stage}, position ${position} of ${count}.`,
  pending: 'Pending',
  queued: (title) => `You are offline: the move of '${title}' is saved and will be sent when the connection is back.`,
  conflict: (title) => `'${title}' was changed by someone else, so your move was undone. The board now shows the latest.`,
  notAllowed: (title, stage) => `You may not move deals, so '${title}' went back to ${stage}. A staff sign-in allowed to change deals is needed.`,
  refused: (title, stage, reason) => `'${title}' could not be moved (${reason}), so it went back to ${stage}.`,
  busy: (title) => `'${title}' is still being moved: wait until its last move is saved.`,
  sort: { label: (stage) => `Sort ${stage}`, rank: 'Board order', amount: 'Amount', close: 'Close date' },
  sorted: (by) => `Sorted by ${by}: reordering within this column is off. Choose Board order to reorder.`,
  sortedAttempt: (stage, by) => `${stage} is sorted by ${by}: a card can move to another column, not within this one. Choose Board order to reorder.`,
  filters: { label: 'Filters', owner: 'Owner', everyone: 'Everyone', noOwner: 'No owner', search: 'Search deals' },
  colleague: (n) => `Colleague ${n}`,
  filtered: (shown, total) => `Showing ${shown} of ${total} deals: the column totals count the deals shown.`,
  customerOnly: "This customer's deals only: the column totals count them.",
};

export default en;
