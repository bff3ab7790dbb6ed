import type { MatrixRow } from '../test-support/matrix.js';

export const webhooksMatrix: MatrixRow[] = [];
