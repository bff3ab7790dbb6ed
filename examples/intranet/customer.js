// Customer 360: the card, the timeline and the deals of one customer, in one provider whose
// client carries the staff token from the intranet's backend. An unknown id shows the
// elements' own "not found" states; a malformed one is refused here, before asking Kith.
import { clientOf, requireStaff, showSignedIn, staffToken } from './session.js';
import { customerDeals } from './deals.js';
import { statusLine } from './status-line.js';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const provider = document.getElementById('kith');
provider.token = staffToken;

const heading = document.getElementById('customer-heading');
const problem = document.getElementById('customer-problem');
const card = document.getElementById('card');
const timeline = document.getElementById('timeline');
const pipeline = document.getElementById('pipeline');
const deals = statusLine(document.getElementById('deals-status'));
const dealsList = document.getElementById('deals');
const boardNote = document.getElementById('board-note');

const customerId = new URLSearchParams(location.search).get('id') ?? '';

const staff = await requireStaff();
showSignedIn(staff);

if (!ID.test(customerId)) {
  heading.textContent = 'No such customer';
  problem.textContent = customerId ? 'This link does not name a customer. Find them from the search.' : 'No customer chosen. Find one from the search.';
  problem.hidden = false;
} else {
  // The ids go on only now: signed out, the elements never ask Kith for anything.
  card.setAttribute('customer-id', customerId);
  timeline.setAttribute('customer-id', customerId);
  document.getElementById('customer-360').hidden = false;
  let dealsShown = false;

  card.addEventListener('kith-load', (event) => {
    const { customer } = event.detail;
    heading.textContent = customer.name;
    document.title = `${customer.name} · Kith intranet`;
    if (!dealsShown) {
      dealsShown = true;
      showDeals(customer);
    }
  });
  card.addEventListener('kith-error', (event) => {
    if (event.detail.code === 'not_found') heading.textContent = 'Customer not found';
  });
  // A card opened on the board leads to that deal's customer.
  pipeline.addEventListener('kith-opportunity-open', (event) => {
    const { opportunity } = event.detail;
    if (opportunity.customerId !== customerId) location.assign(`customer.html?id=${encodeURIComponent(opportunity.customerId)}`);
  });
}

/** This customer's deals as a list, and the board of the pipeline they are in. */
async function showDeals(customer) {
  deals.say('Looking for deals…');
  try {
    const client = await clientOf(provider);
    const { pipeline: board, deals: found } = await customerDeals(client, customer);
    if (!board) {
      deals.say('There are no pipelines you can see.');
      return;
    }
    const stages = new Map(board.stages.map((stage) => [stage.id, stage.name]));
    dealsList.replaceChildren(...found.map((deal) => dealItem(deal, stages.get(deal.stageId))));
    deals.say(found.length === 0
      ? `No deals with ${customer.name} in your book.`
      : `${found.length} ${found.length === 1 ? 'deal' : 'deals'} with ${customer.name}, in ${board.name}.`);
    boardNote.textContent = `The ${board.name} board below shows every deal in your book; open a card to go to its customer.`;
    boardNote.hidden = false;
    pipeline.setAttribute('pipeline-id', board.id);
    pipeline.hidden = false;
  } catch (error) {
    deals.fail(`The deals could not be loaded: ${error instanceof Error ? error.message : String(error)}`, 'deals-retry', () => showDeals(customer));
  }
}

function dealItem(deal, stageName) {
  const item = document.createElement('li');
  const title = document.createElement('span');
  title.className = 'deal-title';
  title.dir = 'auto';
  title.textContent = deal.title;
  const facts = document.createElement('span');
  facts.className = 'deal-facts';
  facts.textContent = [stageName, money(deal.amount), deal.expectedClose && `closes ${deal.expectedClose}`].filter(Boolean).join(' · ');
  item.append(title, facts);
  return item;
}

/** An amount in integer minor units (cents), in the currency's own number of decimals. */
function money({ amount, currency }) {
  const format = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
