import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  Interaction,
  InteractionChannel,
  InteractionDirection,
  InteractionPhase,
  InteractionType,
  NewInteraction,
} from './interaction.js';
import { interaction, newInteraction } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

describe('Interaction', () => {
  it('accepts every channel, type, direction and phase', () => {
    for (const channel of InteractionChannel.options) accepts(Interaction, { ...interaction, channel });
    for (const type of InteractionType.options) accepts(Interaction, { ...interaction, type });
    for (const direction of InteractionDirection.options) accepts(Interaction, { ...interaction, direction });
    for (const phase of InteractionPhase.options) accepts(Interaction, { ...interaction, phase });
  });
  it('accepts a record without refs, with null refs and with empty refs', () => {
    const { refs: _refs, ...bare } = interaction;
    accepts(Interaction, bare);
    accepts(Interaction, { ...interaction, refs: { orderId: null, opportunityId: null, feedbackId: null } });
    accepts(Interaction, { ...interaction, refs: {} });
  });
  it('rejects unknown enum values', () => {
    rejects(Interaction, { ...interaction, channel: 'telegram' }, ['channel']);
    rejects(Interaction, { ...interaction, type: 'stage-change' }, ['type']);
    rejects(Interaction, { ...interaction, phase: 'presale' }, ['phase']);
  });
  it('bounds the summary at 300 and never empty', () => {
    accepts(Interaction, { ...interaction, summary: 'x'.repeat(300) });
    rejects(Interaction, { ...interaction, summary: 'x'.repeat(301) }, ['summary']);
    rejects(Interaction, { ...interaction, summary: '   ' }, ['summary']);
    rejects(Interaction, { ...interaction, body: '' }, ['body']);
  });
  it('rejects unknown fields and refs, and refs that are not ids', () => {
    rejects(Interaction, { ...interaction, subject: 'x' });
    rejects(Interaction, { ...interaction, refs: { ticketId: null } });
    rejects(Interaction, { ...interaction, refs: { orderId: 'ORD-1' } }, ['refs', 'orderId']);
  });
});

describe('NewInteraction', () => {
  it('accepts the fixture, with or without occurredAt', () => {
    accepts(NewInteraction, newInteraction);
    accepts(NewInteraction, { ...newInteraction, occurredAt: '2026-03-01T09:30:00Z' });
  });
  it('refuses server-set fields and still checks the rest', () => {
    rejects(NewInteraction, { ...newInteraction, id: interaction.id });
    rejects(NewInteraction, { ...newInteraction, createdAt: interaction.createdAt });
    rejects(NewInteraction, { ...newInteraction, summary: '' }, ['summary']);
  });
  it('has the record\'s fields minus id and createdAt, occurredAt optional', () => {
    const keys: Equal<keyof NewInteraction, Exclude<keyof Interaction, 'id' | 'createdAt'>> = true;
    const occurredAt: Equal<NewInteraction['occurredAt'], string | undefined> = true;
    const channel: Equal<NewInteraction['channel'], Interaction['channel']> = true;
    assert.ok(keys && occurredAt && channel);
  });
});
