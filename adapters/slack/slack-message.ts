import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;
export type ContextElement = types.ContextBlockElement;

/** What every rendered answer and feed post is: blocks, and the plain `text` notifications show. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's limits (Block Kit reference), and the budgets this adapter keeps within them. */
export const LIMITS = {
  /** Blocks in one message. */
  blocks: 50,
  /** Characters in one section's text (and one mrkdwn context element). */
  sectionText: 3000,
  /** Elements in one context block. */
  contextElements: 10,
  /**
   * All status text of one message together. Slack has no published total for blocks but refuses very
   * large messages (`msg_blocks_too_long`); 12 000 leaves room for headers and JSON.
   */
  statusTextBudget: 12_000,
  /** The notification fallback; Slack truncates `text` at 40 000, notifications show far less. */
  fallbackText: 3000,
} as const;

/** A mrkdwn object Slack must not preprocess: no auto-linked names, no parsed mentions. */
export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

export function section(text: string): types.SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

export function context(...elements: ContextElement[]): types.ContextBlock {
  return { type: 'context', elements };
}
