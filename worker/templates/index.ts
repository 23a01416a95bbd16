/**
 * Personalised messages: Liquid in the words of a message, rendered for one customer.
 *
 * - `checkTemplates(content, fallbackText)`: everything that can be known before a customer is
 *   chosen (syntax, unknown filters, refused tags, a templated URL whose written part is not
 *   https, and the shape of the message apart from what rendering decides). A campaign calls
 *   `refuseTemplateErrors` with it before anything is enqueued.
 * - `renderContent(content, fallbackText, context)`: the message one customer gets, checked
 *   again after rendering (a title that grows past 200 characters or a chip past 25 is an
 *   error naming the field, never cut silently).
 *
 * Field paths are written as the API writes them: `content.cards.1.title`, `fallback_text`.
 */
import * as v from 'valibot';
import { type Content, ContentSchema } from '../../schemas/content';
import { phoneCountry } from '../../schemas/phone';
import type { JsonValue, ProfileView } from '../../schemas/profile';
import { HttpError } from '../errors';
import { hasMarkup, MAX_TEMPLATE_CHARS, parse, renderer } from './engine';
import { fieldPath, type TemplatedField, templatedFields, withFields } from './fields';

export { hasMarkup } from './engine';

/** Longest SMS version accepted (as for `fallback_text` in the API). */
export const MAX_FALLBACK_CHARS = 1600;

export type TemplateIssueCode = 'template_syntax' | 'template_render' | 'template_url' | 'invalid';

export interface TemplateIssue {
  /** `content.cards.1.title`, `fallback_text`, `content` for the whole message. */
  path: string;
  code: TemplateIssueCode;
  message: string;
}

/** What a template can read. `event` exists only when a flow renders for its triggering event. */
export interface TemplateContext {
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string;
  locale: string | null;
  timezone: string | null;
  country: string | null;
  properties: Record<string, JsonValue>;
  event?: { name: string; properties: Record<string, JsonValue>; value: number | null; time: string };
}

/** The variables of one customer's profile (and, for flows, of the event that triggered it). */
export function profileContext(p: ProfileView, event?: TemplateContext['event']): TemplateContext {
  return {
    first_name: p.first_name,
    last_name: p.last_name,
    email: p.email,
    phone: p.phone,
    locale: p.locale,
    timezone: p.timezone,
    country: phoneCountry(p.phone),
    properties: p.properties,
    ...(event ? { event } : {}),
  };
}

/** Shown when no customer is chosen: a plausible customer with no properties (defaults show). */
export const SAMPLE_CONTEXT: TemplateContext = {
  first_name: 'Léa',
  last_name: 'Martin',
  email: 'lea.martin@example.com',
  phone: '+33612345678',
  locale: 'fr-FR',
  timezone: 'Europe/Paris',
  country: 'FR',
  properties: {},
};

const HTTPS = /^https:\/\//i;

/** The written part of a URL before its first `{{` or `{%`. */
const literalPrefix = (s: string) => s.slice(0, Math.min(...['{{', '{%'].map((m) => (s.includes(m) ? s.indexOf(m) : s.length))));

interface Checked {
  issues: TemplateIssue[];
  /** The fields with markup, parsed, in document order. */
  templated: { field: TemplatedField; template: Exclude<ReturnType<typeof parse>, { ok: false }>['template'] }[];
  fallback: Exclude<ReturnType<typeof parse>, { ok: false }>['template'] | null;
}

function check(content: unknown, fallbackText: string | null | undefined): Checked {
  const issues: TemplateIssue[] = [];
  const templated: Checked['templated'] = [];
  const fields = templatedFields(content);
  for (const field of fields) {
    if (!hasMarkup(field.value)) continue;
    const path = fieldPath(field.path);
    if (field.kind !== 'text' && !HTTPS.test(literalPrefix(field.value))) {
      issues.push({
        path,
        code: 'template_url',
        message: 'a personalised URL must start with https:// as written, before any {{ }}',
      });
    }
    const parsed = parse(field.value);
    if (parsed.ok) templated.push({ field, template: parsed.template });
    else issues.push({ path, code: 'template_syntax', message: parsed.message });
  }
  // The shape, except what rendering decides: a templated field's length, emptiness or URL
  // form is checked on the rendered message.
  const markup = new Set(fields.filter((f) => hasMarkup(f.value)).map((f) => fieldPath(f.path)));
  const shape = v.safeParse(ContentSchema, content);
  if (!shape.success) {
    for (const issue of shape.issues) {
      const path = fieldPath(issue.path?.map((p) => p.key as string | number) ?? []);
      if (!markup.has(path)) issues.push({ path, code: 'invalid', message: issue.message });
    }
  }
  let fallback: Checked['fallback'] = null;
  if (fallbackText !== null && fallbackText !== undefined) {
    if (fallbackText.length > MAX_TEMPLATE_CHARS) {
      issues.push({ path: 'fallback_text', code: 'invalid', message: `must be at most ${MAX_TEMPLATE_CHARS} characters` });
    } else if (hasMarkup(fallbackText)) {
      const parsed = parse(fallbackText);
      if (parsed.ok) fallback = parsed.template;
      else issues.push({ path: 'fallback_text', code: 'template_syntax', message: parsed.message });
    } else if (!fallbackText.trim() || fallbackText.length > MAX_FALLBACK_CHARS) {
      issues.push({ path: 'fallback_text', code: 'invalid', message: `must be 1 to ${MAX_FALLBACK_CHARS} characters` });
    }
  }
  return { issues, templated, fallback };
}

/** Everything wrong with a templated message before any customer is chosen; [] when none. */
export function checkTemplates(content: unknown, fallbackText?: string | null): TemplateIssue[] {
  return check(content, fallbackText).issues;
}

export type RenderedMessage = { ok: true; content: Content; fallbackText: string | null } | { ok: false; issues: TemplateIssue[] };

/** The message as the customer of `context` gets it, or every field that went wrong. */
export function renderContent(content: unknown, fallbackText: string | null | undefined, context: TemplateContext): RenderedMessage {
  const checked = check(content, fallbackText);
  if (checked.issues.length) return { ok: false, issues: checked.issues };
  const issues: TemplateIssue[] = [];
  const rendered: { path: (string | number)[]; value: string }[] = [];
  const render = renderer(context);
  for (const { field, template } of checked.templated) {
    const path = fieldPath(field.path);
    const out = render(template);
    if (!out.ok) {
      issues.push({ path, code: 'template_render', message: out.message });
      continue;
    }
    if (field.kind !== 'text' && !HTTPS.test(out.text.trim())) {
      issues.push({ path, code: 'template_url', message: 'renders to a URL that is not https' });
      continue;
    }
    rendered.push({ path: field.path, value: out.text });
  }
  const templatedPaths = new Set(checked.templated.map((t) => fieldPath(t.field.path)));
  const shape = v.safeParse(ContentSchema, withFields(content, rendered));
  if (!shape.success) {
    for (const issue of shape.issues) {
      const path = fieldPath(issue.path?.map((p) => p.key as string | number) ?? []);
      if (issues.some((i) => i.path === path)) continue;
      const asRendered = templatedPaths.has(path);
      issues.push({
        path,
        code: asRendered ? 'template_render' : 'invalid',
        message: asRendered ? `as rendered for this customer: ${issue.message}` : issue.message,
      });
    }
  }
  let sms: string | null = fallbackText ?? null;
  if (checked.fallback) {
    const out = render(checked.fallback);
    if (!out.ok) issues.push({ path: 'fallback_text', code: 'template_render', message: out.message });
    else if (!out.text.trim()) issues.push({ path: 'fallback_text', code: 'template_render', message: 'renders empty for this customer' });
    else if (out.text.length > MAX_FALLBACK_CHARS)
      issues.push({
        path: 'fallback_text',
        code: 'template_render',
        message: `as rendered for this customer: ${out.text.length} characters; the limit is ${MAX_FALLBACK_CHARS}`,
      });
    else sms = out.text;
  }
  if (issues.length || !shape.success) return { ok: false, issues };
  return { ok: true, content: shape.output, fallbackText: sms };
}

/** The one 400 for template problems: `details` lists every bad field, `message` the first. */
export function templateError(issues: readonly TemplateIssue[]): HttpError {
  const first = issues[0];
  const code = issues.some((i) => i.code !== 'invalid') ? 'invalid_template' : 'invalid_request';
  return new HttpError(
    400,
    code,
    first ? `${first.path}: ${first.message}` : 'invalid template',
    issues.map(({ path, message, code }) => ({ path, message, code })),
  );
}

/**
 * For campaigns (and anything that sends one message to many): throws the 400 listing every
 * bad field before a single recipient is enqueued. Rendering for each customer can still fail
 * (a property too long for a title); that customer's send is then refused on its own.
 */
export function refuseTemplateErrors(content: unknown, fallbackText?: string | null): void {
  const issues = checkTemplates(content, fallbackText);
  if (issues.length) throw templateError(issues);
}
