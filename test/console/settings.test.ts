// `/api/settings`: every setting a brand has goes through one module (worker/settings.ts), is
// written by admins only, is refused with a 400 naming the bad setting, and is what the send
// pipeline applies. Settings are deployment-wide, so each test puts back what it changed.
import { env } from 'cloudflare:workers';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { SETTING_DEFAULTS, SETTING_GROUPS, type Settings, SettingsSchema } from '../../schemas/settings';
import { forgetSettings, readSettings, SETTINGS_TTL_MS, SettingsReader } from '../../worker/settings';
import { messages, profile, setClock, subscribe, TUESDAY_10H_PARIS, text, uniquePhone } from '../profile/helpers';
import { api, type Session, signIn, unique } from './helpers';

async function current(admin: Session): Promise<Settings> {
  const res = await api(admin, '/api/settings');
  expect(res.status).toBe(200);
  return v.parse(SettingsSchema, await res.json());
}

let restore: (() => Promise<void>) | null = null;
/** Puts the settings back as they were when the test started (afterEach). */
async function keep(admin: Session): Promise<Settings> {
  const before = await current(admin);
  restore = async () => {
    const res = await api(admin, '/api/settings', { method: 'PUT', body: before });
    expect(res.status).toBe(200);
  };
  return before;
}
afterEach(async () => {
  await restore?.();
  restore = null;
});

const EVERY_KEY_CHANGED = (): Settings => ({
  brand_name: unique('Brand '),
  logo_url: 'https://cdn.example/logo.png',
  color: '#123abc',
  help_text: 'Maison Lumière test help.\nReply STOP to stop.',
  opt_out_mention: 'STOP au 36180',
  frequency_cap_hours: 12,
  quiet_hours_fr_end: '21:30',
  quiet_hours_us_end: '20:00',
  rcs_stop_suggestion: false,
  send_rate_rcs: 0.5,
  send_rate_sms: 10,
  brand_country: 'BE',
  program_name: 'Club Test',
  messages_per_month: 8,
  signup_keywords: 'JOIN, CLUB',
  signup_disclosure_fr: 'Texte légal de test.',
  signup_disclosure_en: 'Test legal text.',
  signup_frame_origins: 'https://shop.example',
  attribution_click_hours: 72,
  attribution_read_hours: 12,
  attribution_delivery_hours: 6,
  help_text_en: 'Maison Lumière test help in English.\nReply STOP to stop.',
  currency: 'USD',
});

describe('the settings module', () => {
  it('puts every setting in exactly one group of the settings page', () => {
    const grouped = Object.values(SETTING_GROUPS).flat();
    expect([...grouped].sort()).toEqual(Object.keys(SettingsSchema.entries).sort());
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(v.safeParse(SettingsSchema, SETTING_DEFAULTS).success).toBe(true);
  });
});

describe('GET and PUT /api/settings', () => {
  it('answers every setting a brand has', async () => {
    const admin = await signIn('admin');
    expect(Object.keys(await current(admin)).sort()).toEqual(Object.keys(SETTING_DEFAULTS).sort());
  });

  it('round-trips every setting and stores each under its D1 key', async () => {
    const admin = await signIn('admin');
    await keep(admin);
    const wanted = EVERY_KEY_CHANGED();
    const res = await api(admin, '/api/settings', { method: 'PUT', body: wanted });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(wanted);
    expect(await current(admin)).toEqual(wanted);

    const { results } = await env.DB.prepare('SELECT key, value FROM settings').all<{ key: string; value: string }>();
    const stored = Object.fromEntries(results.map((r) => [r.key, r.value]));
    expect(stored).toMatchObject({
      brand_name: wanted.brand_name,
      logo_url: 'https://cdn.example/logo.png',
      brand_color: '#123abc',
      help_text: wanted.help_text,
      opt_out_mention: 'STOP au 36180',
      frequency_cap_hours: '12',
      quiet_hours_fr_end: '21:30',
      quiet_hours_us_end: '20:00',
      rcs_stop_suggestion: 'false',
      send_rate_rcs: '0.5',
      send_rate_sms: '10',
    });
  });

  it('changes only the settings a PUT names', async () => {
    const admin = await signIn('admin');
    const before = await keep(admin);
    const res = await api(admin, '/api/settings', { method: 'PUT', body: { frequency_cap_hours: 0 } });
    expect(res.status).toBe(200);
    expect(await current(admin)).toEqual({ ...before, frequency_cap_hours: 0 });
  });

  const invalid: [string, unknown][] = [
    ['brand_name', ''],
    ['logo_url', 'http://insecure.example/logo.png'],
    ['logo_url', 'javascript:alert(1)'],
    ['color', 'red'],
    ['help_text', 'x'.repeat(321)],
    ['opt_out_mention', '   '],
    ['frequency_cap_hours', -1],
    ['frequency_cap_hours', 1.5],
    ['frequency_cap_hours', '24'],
    ['frequency_cap_hours', 169],
    ['quiet_hours_fr_end', '22:30'],
    ['quiet_hours_fr_end', '8pm'],
    ['quiet_hours_us_end', '21:01'],
    ['quiet_hours_us_end', '07:00'],
    ['rcs_stop_suggestion', 'yes'],
    ['send_rate_sms', -1],
    ['send_rate_sms', 0.25],
    ['send_rate_rcs', 1001],
    ['send_rate_rcs', '1'],
    ['currency', 'XYZ'],
    ['help_text_en', 'x'.repeat(321)],
    ['frequency_cap', 24],
  ];
  for (const [key, value] of invalid) {
    it(`refuses ${key} = ${JSON.stringify(value).slice(0, 30)} with a 400 naming it, and changes nothing`, async () => {
      const admin = await signIn('admin');
      const before = await keep(admin);
      // A valid change beside the bad one must not be applied either.
      const res = await api(admin, '/api/settings', { method: 'PUT', body: { brand_name: unique('Partial '), [key]: value } });
      expect(res.status).toBe(400);
      const body = await res.json<{ error: string; message: string; details: { path: string }[] }>();
      expect(body.error).toBe('invalid_request');
      expect(body.message).toContain(key);
      expect(body.details.map((d) => d.path)).toEqual([key]);
      expect(await current(admin)).toEqual(before);
    });
  }

  it('refuses reads and writes to agents and marketers (403) and changes nothing', async () => {
    const admin = await signIn('admin');
    const before = await current(admin);
    for (const role of ['agent', 'marketer'] as const) {
      const s = await signIn(role);
      expect((await api(s, '/api/settings')).status).toBe(403);
      const put = await api(s, '/api/settings', { method: 'PUT', body: { frequency_cap_hours: 1, rcs_stop_suggestion: false } });
      expect(put.status).toBe(403);
      expect(await put.json()).toMatchObject({ error: 'forbidden' });
    }
    expect(await current(admin)).toEqual(before);
  });

  it('falls back to the default for a value stored by hand that is not valid', async () => {
    const admin = await signIn('admin');
    await keep(admin);
    await env.DB.prepare(
      "INSERT OR REPLACE INTO settings (key, value) VALUES ('quiet_hours_us_end', '23:00'), ('frequency_cap_hours', 'soon')",
    ).run();
    // Written behind the API's back: drop the isolate's copy instead of waiting for it to expire.
    forgetSettings();
    const s = await current(admin);
    expect(s.quiet_hours_us_end).toBe(SETTING_DEFAULTS.quiet_hours_us_end);
    expect(s.frequency_cap_hours).toBe(SETTING_DEFAULTS.frequency_cap_hours);
  });
});

describe('the settings copy an isolate keeps', () => {
  /** The opt-out confirmation a customer gets: it names the brand the object read. */
  async function stopConfirmation(): Promise<string> {
    const phone = uniquePhone('rcs');
    await setClock(phone, TUESDAY_10H_PARIS);
    await subscribe(phone);
    await profile(phone).ingest({
      provider: 'sandbox',
      type: 'message',
      phone,
      id: `stop-${phone}`,
      at: new Date().toISOString(),
      channel: 'rcs',
      text: 'STOP',
    });
    const [confirmation] = await messages(phone);
    expect(confirmation?.direction).toBe('out');
    return JSON.stringify(confirmation?.content);
  }

  it('serves pages and objects until it expires, and a save through the API drops it at once', async () => {
    const admin = await signIn('admin');
    const before = await keep(admin);
    // Edited by hand in D1: the page and this isolate's objects still read the copy.
    await env.DB.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('brand_name', ?)").bind(unique('By hand ')).run();
    expect((await current(admin)).brand_name).toBe(before.brand_name);
    expect(await stopConfirmation()).toContain(before.brand_name);

    const saved = unique('Saved ');
    const res = await api(admin, '/api/settings', { method: 'PUT', body: { brand_name: saved } });
    expect(await res.json()).toMatchObject({ brand_name: saved });
    expect((await current(admin)).brand_name).toBe(saved);
    expect(await stopConfirmation()).toContain(saved);
  });

  it('once expired, is reloaded by its first reader while the others keep the copy (one D1 read, not one per object)', async () => {
    const admin = await signIn('admin');
    const before = await keep(admin);
    forgetSettings();
    expect((await readSettings(env)).brand_name).toBe(before.brand_name);
    const edited = unique('By hand ');
    await env.DB.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('brand_name', ?)").bind(edited).run();
    const later = () => Date.now() + SETTINGS_TTL_MS + 1;
    const first = new SettingsReader(env);
    const second = new SettingsReader(env);
    first.now = later;
    second.now = later;
    const reloading = first.settings();
    // While the first reader's reload is under way, another is served the expired copy.
    expect((await second.settings()).brand_name).toBe(before.brand_name);
    expect((await reloading).brand_name).toBe(edited);
    // Once in, the new copy is everybody's.
    expect((await second.settings()).brand_name).toBe(edited);
  });

  it('does not keep a read that started before the copy was dropped', async () => {
    const admin = await signIn('admin');
    await keep(admin);
    const reader = new SettingsReader(env);
    forgetSettings();
    // A Profile's read is under way (it reads the old values) when an admin's save drops the
    // copy: what that read brings back must not become the isolate's copy.
    const before = reader.settings();
    forgetSettings();
    const saved = unique('Saved ');
    await env.DB.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('brand_name', ?)").bind(saved).run();
    expect((await before).brand_name).not.toBe(saved);
    expect((await readSettings(env)).brand_name).toBe(saved);
    expect((await reader.settings()).brand_name).toBe(saved);
  });
});

describe('compliance settings written by an admin', () => {
  it('are what the send pipeline applies: the Stop chip, the frequency cap and the French window end', async () => {
    const admin = await signIn('admin');
    await keep(admin);
    const res = await api(admin, '/api/settings', {
      method: 'PUT',
      body: { rcs_stop_suggestion: false, frequency_cap_hours: 0, quiet_hours_fr_end: '21:00' },
    });
    expect(res.status).toBe(200);

    const phone = uniquePhone('rcs');
    // Tuesday 10 March 2026, 20:30 in Paris: after the default 20:00 end, before 21:00.
    await setClock(phone, Date.parse('2026-03-10T19:30:00Z'));
    await subscribe(phone);
    const first = await profile(phone).send(phone, { purpose: 'marketing', content: text('Spring collection') });
    const second = await profile(phone).send(phone, { purpose: 'marketing', content: text('Last day') });
    // Not held (window end 21:00), and the second not skipped (cap off).
    expect(first).toMatchObject({ ok: true, status: 'sent', channel: 'rcs' });
    expect(second).toMatchObject({ ok: true, status: 'sent', channel: 'rcs' });
    for (const m of await messages(phone)) expect(JSON.stringify(m.content)).not.toContain('STOP');
  });
});
