// Customer 360: the card, the timeline and the deals of one customer, in one provider whose
// client carries the staff token from the intranet's backend. An unknown id shows the
// elements' own "not found" states; a malformed one is refused here, before asking Kith.
import { clientOf, requireStaff, showSignedIn, staffToken } from './session.js';
import { customerBoard } from './deals.js';
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
}

/** The board of the pipeline this customer's deals are in, showing only theirs. */
async function showDeals(customer) {
  deals.say('Looking for deals…');
  try {
    const client = await clientOf(provider);
    const { pipeline: board, hasDeals } = await customerBoard(client, customer.id);
    if (!board) {
      deals.say('There are no pipelines you can see.');
      return;
    }
    deals.say(hasDeals ? `${customer.name}'s deals in ${board.name}:` : `No deals with ${customer.name} in any pipeline you can see.`);
    pipeline.setAttribute('customer-id', customer.id);
    pipeline.setAttribute('pipeline-id', board.id);
    pipeline.hidden = false;
  } catch (error) {
    deals.fail(`The deals could not be loaded: ${error instanceof Error ? error.message : String(error)}`, 'deals-retry', () => showDeals(customer));
  }
}
