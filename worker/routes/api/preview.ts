/**
 * `POST /api/preview`: the message as a chosen customer (or a sample one) would get it, on RCS
 * and on SMS, with the SMS parts and the lint for its purpose. Template errors are a 400 naming
 * every bad field; an unknown customer is a 404. Sends nothing and changes nothing.
 */
import { Hono } from 'hono';
import { PreviewRequestSchema, type PreviewResponse } from '../../../schemas/preview';
import { requireRole, type ConsoleEnv } from '../../auth/session';
import { HttpError } from '../../errors';
import { config } from '../../config';
import { getBrandSettings } from '../../settings';
import { profileContext, SAMPLE_CONTEXT, templateError } from '../../templates';
import { previewMessage } from '../../templates/preview';
import { jsonBody } from '../validate';

export const preview = new Hono<ConsoleEnv>().post(
  '/',
  requireRole('admin', 'marketer', 'agent'),
  jsonBody(PreviewRequestSchema),
  async (c) => {
    const input = c.req.valid('json');
    let context = SAMPLE_CONTEXT;
    let channel: PreviewResponse['channel_for_profile'] = null;
    if (input.phone) {
      const profile = await c.env.PROFILE.getByName(input.phone).get(input.phone);
      if (!profile) throw new HttpError(404, 'not_found', `No customer ${input.phone}.`, [{ path: 'phone', message: 'no such customer' }]);
      context = profileContext(profile);
      channel = profile.rcs.capable === true ? 'rcs' : profile.rcs.capable === false ? 'sms' : null;
    }
    const brand = await getBrandSettings(c.env);
    const result = previewMessage(input.content, input.fallback_text, input.purpose, context, brand, config(c.env).publicUrl);
    if (!result.ok) throw templateError(result.issues);
    const body: PreviewResponse = { phone: input.phone ?? null, rcs: result.rcs, sms: result.sms, channel_for_profile: channel };
    return c.json(body);
  },
);
