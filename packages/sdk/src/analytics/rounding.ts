/**
 * `numerator / denominator` rounded to an integer, halves up, in exact integer arithmetic
 * (BigInt: products of money and basis points can pass 2^53). Both must be ≥ 0, denominator > 0.
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}
