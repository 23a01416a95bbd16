/**
 * `POST /api/preview`: a message as written (Liquid included), rendered for one customer (or a
 * sample one), as they would get it on RCS and on SMS, with the lint of each.
 */
import * as v from 'valibot';
import type { Content } from './content';
import type { SmsEncoding } from './gsm';
import type { LintIssue } from './lint';
import { PhoneSchema } from './phone';
import { SendPurposeSchema } from './profile';
import { TemplatedContent } from './templated';

export const PreviewRequestSchema = v.strictObject({
  content: TemplatedContent,
  /** The sender's own SMS version, Liquid included; generated from the content when absent. */
  fallback_text: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(10_000, 'must be at most 10000 characters')))),
  purpose: SendPurposeSchema,
  /** Whose profile renders the message; a sample customer when absent. */
  phone: v.optional(PhoneSchema),
});
export type PreviewRequest = v.InferOutput<typeof PreviewRequestSchema>;

export interface SmsSegments {
  encoding: SmsEncoding;
  segments: number;
  /** Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2). */
  characters: number;
  per_segment: number;
  remaining: number;
  /** The characters that force UCS-2, as typed (empty for GSM-7). */
  ucs2_characters: string[];
}

export interface PreviewResponse {
  /** Who the preview is for: a customer's phone, or null for the sample customer. */
  phone: string | null;
  rcs: { content: Content; lint: LintIssue[] };
  sms: { text: string; segments: SmsSegments; lint: LintIssue[] };
  /** Where this customer would get it now (RCS capability cache); null when unknown or sample. */
  channel_for_profile: 'rcs' | 'sms' | null;
}
