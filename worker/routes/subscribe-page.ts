/**
 * `GET /subscribe` and its form's `POST`: the hosted signup page (docs/compliance.md,
 * "Signups"). The brand's name and logo, the legal disclosure in French or English, one phone
 * field; plain HTML, no script, so it works everywhere and can sit in an iframe on the
 * brand's own site (the only page that may be framed: `frame-ancestors` lists the origins of
 * the `signup_frame_origins` setting). A submission starts the double opt-in; the answer is
 * the same whatever the number's state, so the page tells nobody who is subscribed.
 */
import { type Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import * as v from 'valibot';
import { checkPhone, countryCode } from '../../schemas/phone';
import { SignupFormSchema } from '../../schemas/subscriptions';
import type { AppEnv } from '../app-env';
import { type BrandSettings, getBrandSettings } from '../settings';
import { limitBody } from './validate';
import { signupAllowed } from './signup-throttle';

type Lang = 'fr' | 'en';

const style = (
  brand: string,
) => `:root{--brand:${brand}}body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;color:#1d1d1f;background:#fff}
main{max-width:28rem;margin:0 auto}img{max-height:3rem}h1{font-size:1.4rem}label{display:block;font-weight:600;margin:1rem 0 .3rem}
input{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #888;border-radius:.4rem}
button{font:inherit;margin-top:1rem;padding:.6rem 1.2rem;border:0;border-radius:.4rem;color:#fff;background:var(--brand)}
.legal{font-size:.8rem;color:#444;margin-top:1.2rem}.error{color:#b00020}nav{font-size:.85rem;text-align:right}`;

/** The CSP source of the one inline stylesheet, by its hash (no 'unsafe-inline'). */
async function styleSource(css: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

const T = {
  fr: {
    title: (b: string) => `Recevoir les offres ${b} par SMS`,
    phone: 'Votre numéro de mobile',
    submit: "Je m'inscris",
    done: 'Presque fini : répondez OUI au message que nous venons de vous envoyer pour confirmer votre inscription.',
    slow: 'Trop de demandes : réessayez dans une heure.',
    other: 'English',
  },
  en: {
    title: (b: string) => `Get ${b} offers by text`,
    phone: 'Your mobile number',
    submit: 'Sign me up',
    done: 'Almost there: reply YES to the text we just sent you to confirm your signup.',
    slow: 'Too many requests: try again in an hour.',
    other: 'Français',
  },
} as const;

function langOf(c: Context<AppEnv>, asked: string | undefined): Lang {
  if (asked === 'fr' || asked === 'en') return asked;
  return /^\s*fr\b/i.test(c.req.header('accept-language') ?? '') ? 'fr' : 'en';
}

async function page(
  c: Context<AppEnv>,
  brand: BrandSettings,
  lang: Lang,
  state: { error?: string; done?: boolean; phone?: string },
  status: 200 | 400 | 429,
) {
  const t = T[lang];
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const logo = /^(https:\/\/|\/(?!\/))/.test(brand.logoUrl) ? brand.logoUrl : null;
  const css = style(/^#[0-9a-fA-F]{6}$/.test(brand.color) ? brand.color : '#1a73e8');
  const body = html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${t.title(brand.brandName)}</title>
<style>${raw(css)}</style></head>
<body><main>
<nav><a href="/subscribe?lang=${other}">${t.other}</a></nav>
${logo ? html`<img src="${logo}" alt="${brand.brandName}">` : ''}
<h1>${t.title(brand.brandName)}</h1>
${
  state.done
    ? html`<p role="status">${t.done}</p>`
    : html`<form method="post" action="/subscribe">
<input type="hidden" name="lang" value="${lang}">
<label for="phone">${t.phone}</label>
<input id="phone" name="phone" type="tel" autocomplete="tel" required maxlength="40" value="${state.phone ?? ''}"${state.error ? html` aria-invalid="true" aria-describedby="err"` : ''}>
${state.error ? html`<p id="err" class="error">${state.error}</p>` : ''}
<button type="submit">${t.submit}</button>
</form>`
}
<p class="legal">${brand.signupDisclosure[lang]}</p>
</main></body></html>`;
  const frame = ["'self'", ...brand.signupFrameOrigins].join(' ');
  const csp = `default-src 'none'; style-src ${await styleSource(css)}; img-src 'self' https:; form-action 'self'; base-uri 'none'; frame-ancestors ${frame}`;
  return c.html(body, status, { 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' });
}

export const subscribePage = new Hono<AppEnv>()
  .get('/', async (c) => page(c, await getBrandSettings(c.env), langOf(c, c.req.query('lang')), {}, 200))
  .post('/', limitBody(4096), async (c) => {
    const brand = await getBrandSettings(c.env);
    const form = v.safeParse(SignupFormSchema, Object.fromEntries(Object.entries(await c.req.parseBody()).map(([k, x]) => [k, String(x)])));
    const lang = langOf(c, form.success ? form.output.lang : undefined);
    const typed = form.success ? form.output.phone : '';
    const checked = checkPhone(typed, countryCode(brand.brandCountry));
    if (!checked.ok) {
      const error =
        lang === 'fr'
          ? `Numéro invalide : ${typed ? 'vérifiez-le' : 'indiquez-le'}.`
          : `Invalid number: ${typed ? 'please check it' : 'please enter it'}.`;
      return page(c, brand, lang, { error, phone: typed }, 400);
    }
    if (!(await signupAllowed(c.env.DB, c.req.header('cf-connecting-ip') ?? 'local', checked.e164))) {
      return page(c, brand, lang, { error: T[lang].slow, phone: typed }, 429);
    }
    await c.env.PROFILE.getByName(checked.e164).subscribe(checked.e164, {
      purpose: 'marketing',
      source: 'signup_page',
      via: 'page',
      double: true,
      locale: lang,
      actor: null,
    });
    return page(c, brand, lang, { done: true }, 200);
  });
