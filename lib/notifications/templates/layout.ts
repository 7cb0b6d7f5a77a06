/**
 * Turns what a template says (subject, greeting, blocks) into what each channel carries: a plain-text
 * email with a simple HTML twin, a printable letter, or a short text message. Templates never format
 * for a channel themselves, so every message looks the same and a new template is only its words.
 */
import type { Channel } from '@/db/columns';
import type { NotificationsTranslator } from '../templates';
import { TemplateError } from './helpers';

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'steps'; items: string[] }
  | { kind: 'facts'; rows: { label: string; value: string }[] };

/** A file sent with an email, e.g. an appointment's calendar file. */
export interface Attachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface Composition {
  subject: string;
  greeting: string;
  blocks: Block[];
  /** The whole message in one short text for SMS; without it a text carries the email's plain text. */
  sms?: string;
  /** Emails only. */
  attachments?: Attachment[];
}

export interface RenderedNotification {
  subject: string;
  text: string;
  /** Emails only. */
  html?: string;
  /** Emails only. */
  attachments?: Attachment[];
}

export interface LayoutContext {
  channel: Channel;
  /** For letters: the addressee's name and postal address, one line each. */
  recipient: string;
  language: string;
  t: NotificationsTranslator;
  /** The date printed on a letter, already formatted in the recipient's language. */
  letterDate: string;
  portalUrl: string;
}

/** Printable letters keep to a width every window envelope and printer handles. */
const LETTER_WIDTH = 72;

export function layOut(composition: Composition, context: LayoutContext): RenderedNotification {
  const { subject } = composition;
  switch (context.channel) {
    case 'sms':
      return { subject, text: composition.sms ?? emailText(composition, context) };
    case 'letter':
      return { subject, text: letterText(composition, context) };
    case 'email':
      return { subject, text: emailText(composition, context), html: emailHtml(composition, context), ...(composition.attachments?.length ? { attachments: composition.attachments } : {}) };
    default:
      throw new TemplateError(`no layout for channel "${String(context.channel satisfies never)}"`);
  }
}

function signature(context: LayoutContext): string[] {
  return [context.t('common.office'), context.t('common.agency')];
}

function blockText(block: Block, width?: number): string {
  switch (block.kind) {
    case 'paragraph':
      return width ? wrap(block.text, width) : block.text;
    case 'steps':
      // Continuation lines hang under the text, not under the number.
      return block.items
        .map((item, i) => `${i + 1}. ${width ? wrap(item, width - 3).replaceAll('\n', '\n   ') : item}`)
        .join('\n');
    case 'facts': {
      const labelWidth = Math.max(...block.rows.map((row) => row.label.length)) + 1;
      return block.rows.map((row) => `${`${row.label}:`.padEnd(labelWidth)} ${row.value}`).join('\n');
    }
  }
}

function emailText(composition: Composition, context: LayoutContext): string {
  return [
    composition.greeting,
    ...composition.blocks.map((block) => blockText(block)),
    signature(context).join('\n'),
    context.t('common.doNotReply'),
  ].join('\n\n');
}

function letterText(composition: Composition, context: LayoutContext): string {
  const letterhead = [
    context.t('common.agency').toUpperCase(),
    context.t('common.office'),
    context.t('common.website', { url: context.portalUrl }),
  ];
  const addressee = context.recipient
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const parts = [
    letterhead.join('\n'),
    context.letterDate,
    addressee.join('\n'),
    wrap(context.t('common.regarding', { subject: composition.subject }), LETTER_WIDTH),
    composition.greeting,
    ...composition.blocks.map((block) => blockText(block, LETTER_WIDTH)),
    [context.t('common.signOff'), '', ...signature(context)].join('\n'),
  ];
  return `${parts.join('\n\n')}\n`;
}

function emailHtml(composition: Composition, context: LayoutContext): string {
  const blocks = composition.blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return `<p>${escapeHtml(block.text)}</p>`;
      case 'steps':
        return `<ol>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ol>`;
      case 'facts':
        return `<p>${block.rows.map((row) => `${escapeHtml(row.label)}: <strong>${escapeHtml(row.value)}</strong>`).join('<br>')}</p>`;
    }
  });
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(context.language)}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(composition.subject)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1b1b1b;">',
    `<p>${escapeHtml(composition.greeting)}</p>`,
    ...blocks,
    `<p>${signature(context).map(escapeHtml).join('<br>')}</p>`,
    `<p style="color: #565c65; font-size: 14px;">${escapeHtml(context.t('common.doNotReply'))}</p>`,
    '</body>',
    '</html>',
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Greedy word wrap; a word longer than the line (a web address) stays whole rather than broken. */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
