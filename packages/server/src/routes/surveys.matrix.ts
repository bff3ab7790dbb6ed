import type { MatrixRow } from '../test-support/matrix.js';

export const surveysMatrix: MatrixRow[] = [];
