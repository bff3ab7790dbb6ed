import type { MatrixRow } from '../test-support/matrix.js';

export const privacyMatrix: MatrixRow[] = [];
