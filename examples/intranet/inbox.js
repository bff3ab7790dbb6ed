// The feedback inbox: `<kith-feedback-inbox>` in a provider with the staff token from the
// intranet's backend. The inbox goes in only once someone is signed in, so a signed-out visit
// asks Kith for nothing on its way to the sign-in.
import { requireStaff, showSignedIn, staffToken } from './session.js';

const provider = document.getElementById('kith');
provider.token = staffToken;

const staff = await requireStaff();
showSignedIn(staff);
const inbox = document.createElement('kith-feedback-inbox');
inbox.id = 'inbox';
provider.append(inbox);
