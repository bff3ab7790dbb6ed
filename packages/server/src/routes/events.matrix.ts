import type { MatrixRow } from '../test-support/matrix.js';

export const eventsMatrix: MatrixRow[] = [];
