// The complaint form. Signed in, it goes with the shopper's customer token: the complaint is
// theirs, and its receipt follows its status and shows the shop's answer here.
import { el, shopper, signInHref } from './shop.js';

const note = document.getElementById('reply-note');
const customer = await shopper;
note.replaceChildren(
  ...(customer
    ? [`Signed in as ${customer.name}: after sending, this page shows your complaint's status and our answer as soon as we reply. We also answer by the e-mail or phone you give.`]
    : ['We answer by the e-mail or phone you give. ', el('a', { href: signInHref() }, 'Sign in'), ' to follow your complaint and read our answer here.']),
);
