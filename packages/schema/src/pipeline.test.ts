import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Pipeline, Stage, type StageKind } from './pipeline.js';
import { ids, pipeline } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

const [lead, won, lost] = pipeline.stages;
if (!lead || !won || !lost) throw new Error('the pipeline fixture has three stages');

describe('Stage', () => {
  it('accepts open stages at any probability from 0 to 10000', () => {
    for (const probability of [0, 1, 5_000, 10_000]) accepts(Stage, { ...lead, probability });
  });
  it('rejects probability 10001, negative or fractional', () => {
    rejects(Stage, { ...lead, probability: 10_001 }, ['probability']);
    rejects(Stage, { ...lead, probability: -1 }, ['probability']);
    rejects(Stage, { ...lead, probability: 33.3 }, ['probability']);
  });
  it('a won stage is certain and a lost one is zero', () => {
    accepts(Stage, won);
    accepts(Stage, lost);
    rejects(Stage, { ...won, probability: 9_999 }, ['probability']);
    rejects(Stage, { ...won, probability: 0 }, ['probability']);
    rejects(Stage, { ...lost, probability: 1 }, ['probability']);
  });
  it('rejects a negative position, an unknown kind and unknown fields', () => {
    rejects(Stage, { ...lead, position: -1 }, ['position']);
    rejects(Stage, { ...lead, kind: 'closed' }, ['kind']);
    rejects(Stage, { ...lead, color: 'red' });
  });
});

describe('Pipeline', () => {
  it('accepts the fixture and a single open stage', () => {
    accepts(Pipeline, pipeline);
    accepts(Pipeline, { ...pipeline, stages: [lead] });
  });
  it('needs at least one stage and a known currency', () => {
    rejects(Pipeline, { ...pipeline, stages: [] }, ['stages']);
    rejects(Pipeline, { ...pipeline, currency: 'BTC' }, ['currency']);
  });
  it('checks each stage and that stages belong to it with distinct positions', () => {
    rejects(Pipeline, { ...pipeline, stages: [lead, { ...won, probability: 5_000 }] }, ['stages', 1, 'probability']);
    rejects(Pipeline, { ...pipeline, stages: [lead, { ...won, pipelineId: ids.program }] }, ['stages', 1, 'pipelineId']);
    rejects(Pipeline, { ...pipeline, stages: [lead, { ...won, position: 0 }] }, ['stages', 1, 'position']);
  });
  it('infers stages and kind', () => {
    const stages: Equal<Pipeline['stages'], Stage[]> = true;
    const kind: Equal<StageKind, 'open' | 'won' | 'lost'> = true;
    assert.ok(stages && kind);
  });
});
