import type { Pipeline, Stage } from '@kith/schema';
import { iso } from '../db/rows.js';

/** A `stages` row as `STAGE_COLUMNS` selects it (and as a pipeline's `stages` JSON holds it). */
export interface StageRow {
  id: string;
  pipeline_id: string;
  name: string;
  position: number;
  probability: number;
  kind: Stage['kind'];
}

/** A `pipelines` row with its stages, as `PIPELINE_COLUMNS` selects it. */
export interface PipelineRow {
  id: string;
  name: string;
  currency: string;
  created_at: Date;
  stages: StageRow[];
}

/** The columns `toStage` needs, from `stages s`. */
export const STAGE_COLUMNS = 's.id, s.pipeline_id, s.name, s.position, s.probability, s.kind';
/** Append WHERE / ORDER BY. */
export const SELECT_STAGES = `SELECT ${STAGE_COLUMNS} FROM stages s`;

/** The columns `toPipeline` needs, from `pipelines p`; the stages come as one JSON array, left to right. */
export const PIPELINE_COLUMNS = `p.id, p.name, p.currency, p.created_at,
  (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', s.id, 'pipeline_id', s.pipeline_id, 'name', s.name,
      'position', s.position, 'probability', s.probability, 'kind', s.kind) ORDER BY s.position), '[]'::jsonb)
     FROM stages s WHERE s.pipeline_id = p.id) AS stages`;
/** Append WHERE / ORDER BY / LIMIT. */
export const SELECT_PIPELINES = `SELECT ${PIPELINE_COLUMNS} FROM pipelines p`;

/** Maps a row to `Stage`. */
export function toStage(row: StageRow): Stage {
  return {
    id: row.id,
    pipelineId: row.pipeline_id,
    name: row.name,
    position: row.position,
    probability: row.probability,
    kind: row.kind,
  };
}

/** Maps a row with its stages to `Pipeline`. */
export function toPipeline(row: PipelineRow): Pipeline {
  return {
    id: row.id,
    name: row.name,
    currency: row.currency.trim(),
    stages: row.stages.map(toStage),
    createdAt: iso(row.created_at),
  };
}
