/**
 * Lint issues and field paths in the user's language. English is the message the lint (or the
 * server) wrote; French is written here from the issue's stable `code` and `params`, so a code
 * added to schemas/lint.ts without a French line still shows its English message.
 */
import type { LintIssue } from '../../schemas/lint';
import { lang } from './i18n';

const FIELD_FR: Record<string, string> = {
  text: 'Le texte',
  title: 'Le titre',
  description: 'La description',
  label: 'Le libellé',
  event_title: 'Le titre de l’événement',
};

type Params = Record<string, string | number>;
const FR: Record<string, (p: Params) => string> = {
  too_long: (p) => `${FIELD_FR[p.field as string] ?? 'Ce champ'} fait ${p.n} caractères ; la limite est ${p.max}.`,
  near_limit: (p) => `${FIELD_FR[p.field as string] ?? 'Ce champ'} fait ${p.n} caractères sur ${p.max} ; les téléphones peuvent le couper.`,
  media_not_https: () => 'Le média doit être servi en https.',
  media_bad_url: () => 'L’adresse du média n’est pas une URL valide.',
  media_type_unknown: () => 'L’adresse du média n’a pas d’extension : vérifiez qu’elle sert une image jpeg, png, gif ou une vidéo.',
  media_local: () => 'Seul le bac à sable peut lire une adresse localhost : les opérateurs ont besoin d’une PUBLIC_URL en https.',
  media_type: (p) =>
    `Les téléphones n’affichent pas les fichiers « .${p.ext} » : utilisez une image JPEG, PNG ou GIF, ou une vidéo mp4/webm.`,
  too_many_suggestions: (p) => `${p.n} suggestions ; la limite est ${p.max}.`,
  duplicate_suggestion: (p) => `« ${p.label} » apparaît deux fois.`,
  insecure_link: () => 'Ce lien n’est pas en https.',
  calendar_end_before_start: () => 'L’événement se termine avant de commencer.',
  multiple_actions: (p) => `${p.n} appels à l’action : un message = une action, gardez celle qui compte.`,
  card_without_image: () => 'Une carte sans image est moins cliquée : ajoutez une photo du produit.',
  carousel_size: (p) => `Un carrousel a de ${p.min} à ${p.max} cartes, pas ${p.n}.`,
  carousel_card_buttons: () => 'Twilio n’envoie un carrousel que si chaque carte a 1 ou 2 boutons.',
  tall_media_small_carousel: () => 'Un média haut n’est pas permis dans un carrousel étroit.',
  carousel_uneven: (p) =>
    `${p.n} cartes sur ${p.total} ont ${p.part === 'media' ? 'un média' : p.part === 'title' ? 'un titre' : p.part === 'description' ? 'une description' : 'des boutons'} : les cartes d’un carrousel doivent se ressembler.`,
  too_many_choices: (p) => `${p.n} suggestions : proposez peu de choix (au plus ${p.max}).`,
  no_stop_suggestion: () => 'Un message marketing doit proposer une réponse « Stop ».',
  sms_too_long: (p) => `Le SMS fait ${p.n} caractères ; la limite est ${p.max}.`,
  sms_many_parts: (p) => `Le SMS est facturé ${p.n} parties (${p.enc}) : raccourcissez-le.`,
  sms_only_link: () => 'Le SMS n’est qu’un lien : dites qui écrit et pourquoi, sinon les opérateurs peuvent le filtrer comme spam.',
  sms_no_opt_out: () => 'Un SMS marketing doit dire comment se désinscrire (par ex. « STOP au 36111 »).',
  sms_ucs2: (p) => `${p.chars} forcent le SMS en UCS-2 : ${p.n} parties au lieu de ${p.fixed}. Utilisez le remplacement compatible GSM.`,
  sms_ucs2_symbols: (p) => `${p.chars} forcent le SMS en UCS-2 : ${p.n} parties au lieu de ${p.fixed} sans eux.`,
};

/** The issue's message in the console's language. */
export function lintMessage(issue: Pick<LintIssue, 'code' | 'message' | 'params'>): string {
  if (lang.value !== 'fr') return issue.message;
  const fr = FR[issue.code];
  return fr ? fr(issue.params ?? {}) : issue.message;
}

const WORDS = {
  en: {
    text: 'Text',
    title: 'Title',
    description: 'Description',
    media: 'Image',
    alt: 'Image text',
    url: 'Link',
    button: 'Button',
    chip: 'Suggestion',
    card: 'Card',
    sms: 'SMS text',
    phone: 'Customer',
    message: 'Message',
  },
  fr: {
    text: 'Texte',
    title: 'Titre',
    description: 'Description',
    media: 'Image',
    alt: 'Texte de l’image',
    url: 'Lien',
    button: 'Bouton',
    chip: 'Suggestion',
    card: 'Carte',
    sms: 'Texte du SMS',
    phone: 'Client',
    message: 'Message',
  },
};

/** `content.cards.1.buttons.0.url` → "Card 2 · Button 1 · Link", for lists of issues. */
export function fieldLabel(path: string): string {
  const w = WORDS[lang.value === 'fr' ? 'fr' : 'en'];
  const parts = path.split('.');
  if (parts[0] === 'content') parts.shift();
  if (parts[0] === 'fallback_text' || parts[0] === 'sms') return w.sms;
  if (parts[0] === 'phone') return w.phone;
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const n = Number(parts[i + 1]);
    if ((p === 'cards' || p === 'buttons' || p === 'suggestions') && Number.isInteger(n)) {
      out.push(`${p === 'cards' ? w.card : p === 'buttons' ? w.button : w.chip} ${n + 1}`);
      i++;
    } else if (p === 'text' && (parts[i - 2] === 'buttons' || parts[i - 2] === 'suggestions')) {
      // A chip's or button's text is the chip itself.
    } else if (p === 'media' || p === 'text' || p === 'title' || p === 'description' || p === 'url' || p === 'alt') {
      if (!(p === 'url' && parts[i - 1] === 'media')) out.push(w[p]);
    }
  }
  return out.join(' · ') || w.message;
}
