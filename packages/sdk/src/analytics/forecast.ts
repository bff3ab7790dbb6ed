import type { Opportunity, Stage } from '@kith/schema';
import { divideHalfUp } from '@kith/schema';

/** One stage's line of a forecast; amounts in minor units. */
export interface StageForecast {
  stageId: string;
  /** Deals in the stage. */
  count: number;
  /** Σ amount of its deals. */
  amount: number;
  /** Σ amount × probability, rounded once for the stage (halves up). */
  weighted: number;
}

export interface Forecast {
  /** Every stage given, in the order given (empty stages included). */
  stages: StageForecast[];
  /** Σ of the stages' weighted amounts. */
  total: number;
  /** The deals' one currency; null without deals. */
  currency: string | null;
}

/**
 * Forecast = Σ amount × probability per stage. Each stage's amounts are summed first and
 * weighted by its probability (basis points) once: `round(Σ amount × p / 10,000)`, halves
 * up, in exact integer arithmetic — never per deal, so many small deals do not drift. A
 * deal in a stage not given, or in another currency than the others, is a `RangeError`
 * (a pipeline sums in one currency).
 */
export function forecast(
  opportunities: readonly Pick<Opportunity, 'stageId' | 'amount'>[],
  stages: readonly Pick<Stage, 'id' | 'probability'>[],
): Forecast {
  const sums = new Map(stages.map((stage) => [stage.id, { count: 0, amount: 0 }]));
  let currency: string | null = null;
  for (const deal of opportunities) {
    const sum = sums.get(deal.stageId);
    if (!sum) throw new RangeError(`Opportunity in an unknown stage ${deal.stageId}`);
    if (currency !== null && deal.amount.currency !== currency) throw new RangeError('Opportunities in more than one currency');
    currency = deal.amount.currency;
    sum.count += 1;
    sum.amount += deal.amount.amount;
  }
  const lines = stages.map((stage) => {
    const sum = sums.get(stage.id) ?? { count: 0, amount: 0 };
    return { stageId: stage.id, ...sum, weighted: divideHalfUp(BigInt(sum.amount) * BigInt(stage.probability), 10_000n) };
  });
  return { stages: lines, total: lines.reduce((t, line) => t + line.weighted, 0), currency };
}
