import * as z from 'zod/mini';
import { BasisPoints, Id, Timestamp, shortText } from './common.js';
import { Currency } from './currency.js';

/** `open` stages hold live deals; a deal moved to `won` or `lost` is closed. */
export const StageKind = z.enum(['open', 'won', 'lost']);
export type StageKind = z.infer<typeof StageKind>;

/** The probability a closed stage must have: a won deal is certain, a lost one is gone. */
const CLOSED_PROBABILITY = { won: 10_000, lost: 0 } as const;

/** One column of a pipeline with the win probability the forecast weighs its deals by. */
export const Stage = z
  .strictObject({
    id: Id,
    pipelineId: Id,
    name: shortText(100),
    /** Left-to-right order within the pipeline, from 0. */
    position: z.int().check(z.minimum(0)),
    probability: BasisPoints,
    kind: StageKind,
  })
  .check(
    // Otherwise the forecast would count won deals at less than their amount, or lost ones at all.
    z.refine((stage) => stage.kind === 'open' || stage.probability === CLOSED_PROBABILITY[stage.kind], {
      message: 'A won stage must have probability 10000 and a lost stage 0',
      path: ['probability'],
    }),
  );
export type Stage = z.infer<typeof Stage>;

/** A sales pipeline: its stages in order and the one currency its forecast is summed in. */
export const Pipeline = z
  .strictObject({
    id: Id,
    name: shortText(100),
    currency: Currency,
    stages: z.array(Stage).check(z.minLength(1), z.maxLength(50)),
    createdAt: Timestamp,
  })
  .check(
    z.superRefine((pipeline, ctx) => {
      const positions = new Set<number>();
      pipeline.stages.forEach((stage, i) => {
        if (stage.pipelineId !== pipeline.id) {
          ctx.addIssue({
            code: 'custom',
            message: 'Stage belongs to another pipeline',
            path: ['stages', i, 'pipelineId'],
            input: stage.pipelineId,
          });
        }
        // Positions order the columns (and the keyboard moves between them): no ties.
        if (positions.has(stage.position)) {
          ctx.addIssue({
            code: 'custom',
            message: 'Duplicate stage position',
            path: ['stages', i, 'position'],
            input: stage.position,
          });
        }
        positions.add(stage.position);
      });
    }),
  );
export type Pipeline = z.infer<typeof Pipeline>;
