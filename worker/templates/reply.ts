/**
 * Agents may personalise a reply (a canned "Bonjour {{ first_name }}"): it is rendered with the
 * conversation's own customer, exactly as the console's preview showed it, and refused (400
 * naming each field) when a template is wrong. A reply without Liquid goes out untouched and
 * costs no profile read.
 */
import type { Content } from '../../schemas/content';
import { phoneCountry } from '../../schemas/phone';
import type { ProfileView } from '../../schemas/profile';
import { hasMarkup } from './engine';
import { templatedFields } from './fields';
import { profileContext, renderContent, type TemplateContext, templateError } from '.';

export async function personaliseReply(
  phone: string,
  content: Content,
  fallbackText: string | undefined,
  loadProfile: () => Promise<ProfileView | null>,
): Promise<{ content: Content; fallbackText: string | undefined }> {
  const templated = templatedFields(content).some((f) => hasMarkup(f.value)) || (fallbackText !== undefined && hasMarkup(fallbackText));
  if (!templated) return { content, fallbackText };
  const profile = await loadProfile();
  const context: TemplateContext = profile
    ? profileContext(profile)
    : { first_name: null, last_name: null, email: null, phone, locale: null, timezone: null, country: phoneCountry(phone), properties: {} };
  const rendered = renderContent(content, fallbackText, context);
  if (!rendered.ok) throw templateError(rendered.issues);
  return { content: rendered.content, fallbackText: rendered.fallbackText ?? undefined };
}
