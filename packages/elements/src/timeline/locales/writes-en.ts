import type { TimelineWritesTexts } from './writes-texts.js';

const en: TimelineWritesTexts = {
  $lang: 'en',
  addNote: 'Add note',
  logCall: 'Log call',
  pending: {
    waiting: 'Waiting to send: it is kept here and sent when you are back online.',
    sending: 'Sending…',
    failed: (reason) => `Not saved: ${reason}.`,
    edit: 'Edit',
    discard: 'Discard',
  },
  confirmed: 'Saved to the timeline.',
  title: { note: 'Add a note', call: 'Log a call' },
  summary: 'Summary',
  body: 'Details (optional)',
  direction: 'Direction',
  directions: { outbound: 'We called them', inbound: 'They called us' },
  phase: 'Phase',
  when: 'When',
  counter: (used, max) => `${used} of ${max} characters`,
  required: 'Write a summary.',
  tooLong: (max) => `At most ${max} characters.`,
  save: 'Save',
  cancel: 'Cancel',
  failed: (reason) => `Not saved: ${reason}. What you wrote is kept: correct it and save again.`,
};

export default en;
