// The one hook the portal needs: a component shows an SDK read as it changes — the cached value
// at once (memory, then IndexedDB), then the server's answer, then live updates — and stops
// observing when it unmounts. Pass a read created once (useMemo): a new read re-subscribes.
import { useEffect, useState } from 'react';
import type { Read, ReadState } from '@kith/sdk/core';

export function useRead<T>(read: Read<T>): ReadState<T> {
  // `read.state` is what memory holds now, so a remount paints the saved value without a flash.
  const [state, setState] = useState<ReadState<T>>(() => read.state);
  // `subscribe` calls back at once (synchronously) and returns the unsubscribe function.
  useEffect(() => read.subscribe(setState), [read]);
  return state;
}
