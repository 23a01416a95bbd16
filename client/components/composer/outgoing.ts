/**
 * What the composer sends, built once for the send and for the counters: the text (with the
 * chips, unless an attachment takes them) then the attached card or carousel (with the chips).
 * Each message's SMS is what the Worker will send: `smsFallbackText` of the content, the very
 * function it uses, unless the author rewrote the attachment's SMS.
 */
import type { Content } from '../../../schemas/content';
import { smsFallbackText } from '../../../schemas/sms';
import { type Draft, draftContent, type Problem } from './drafts';

export interface Outgoing {
  content: Content;
  /** Sent as `fallback_text` only when the author wrote it; else the Worker generates the same `sms`. */
  fallback_text?: string;
  /** The SMS a phone without RCS gets. */
  sms: string;
}

/** The messages in sending order; `problems` when the attachment no longer passes with the chips added. */
export function outgoing(text: string, chips: readonly string[], attached: Draft | null): { messages: Outgoing[]; problems: Problem[] } {
  const body = text.trim();
  const suggestions = chips.map((c) => ({ type: 'reply' as const, text: c }));
  const out: Outgoing[] = [];
  let problems: Problem[] = [];
  if (body) {
    const content: Content = { type: 'text', text: body, ...(suggestions.length && !attached ? { suggestions } : {}) };
    out.push({ content, sms: smsFallbackText(content) });
  }
  if (attached) {
    const built = draftContent({ ...attached, fallback: null }, 'support', suggestions);
    if (built.content) {
      const own = attached.fallback?.trim();
      out.push({ content: built.content, sms: own || smsFallbackText(built.content), ...(own ? { fallback_text: own } : {}) });
    } else problems = built.problems;
  }
  return { messages: out, problems };
}
