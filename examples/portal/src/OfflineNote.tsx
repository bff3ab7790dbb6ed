// "Offline — showing what was saved at …" with a Retry, in a live region that is always in the
// page, so a screen reader announces the note when it appears.
import { dateTime } from './format.js';
import type { Connection } from './reachability.js';

interface OfflineNoteProps {
  readonly connection: Connection;
  readonly retrying: boolean;
  readonly onRetry: () => void;
}

export function OfflineNote({ connection, retrying, onRetry }: OfflineNoteProps) {
  const shown = connection.offline && !connection.nothingSaved;
  return (
    <div role="status" className="live-region">
      {shown && (
        <div id="offline-note" className="note offline">
          <p>
            {connection.savedAt === undefined
              ? 'Offline — Kith cannot be reached.'
              : `Offline — showing what was saved at ${dateTime(connection.savedAt)}.`}
          </p>
          <button type="button" id="portal-retry" onClick={onRetry} aria-disabled={retrying}>
            {retrying ? 'Trying again…' : 'Retry'}
          </button>
        </div>
      )}
    </div>
  );
}
