import type { Texts } from '../../locales/translation.js';

/** The texts of writing in the timeline: its buttons, the notes and calls waiting in the outbox, and the form (chunks of their own). */
export interface TimelineWritesTexts extends Texts {
  /** The buttons that open the form. */
  addNote: string;
  logCall: string;
  /** An interaction written here that the server has not confirmed yet. */
  pending: {
    /** Kept in the outbox: offline, or the server could not be reached. */
    waiting: string;
    sending: string;
    /** The server refused it: "Not saved: …". */
    failed: (reason: string) => string;
    edit: string;
    discard: string;
  };
  /** Announced when an interaction written here is confirmed by the server. */
  confirmed: string;

  /** The form's heading. */
  title: { note: string; call: string };
  summary: string;
  body: string;
  /** Who called whom. */
  direction: string;
  directions: { outbound: string; inbound: string };
  phase: string;
  /** When the call took place. */
  when: string;
  /** "120 of 300 characters". */
  counter: (used: string, max: string) => string;
  /** The summary is empty. */
  required: string;
  /** Longer than allowed: "At most 300 characters." */
  tooLong: (max: string) => string;
  save: string;
  cancel: string;
  /** The server refused it: "Not saved: …". What was written stays in the form. */
  failed: (reason: string) => string;
}
