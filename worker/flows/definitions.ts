/**
 * The built-in flows: what triggers each, its purpose (marketing flows go through consent,
 * quiet hours and the frequency cap like any marketing send) and its content until the brand
 * edits it. Flow settings live in D1 `flows`; a flow without a row is off, with these defaults.
 * A personalised link must start with https:// as written (worker/templates), so the event's
 * own URL is written `https://{{ event.properties.x | remove_first: "https://" }}`: an event
 * URL that is not https renders to no valid link, and that message is not sent.
 */
import type { Content } from '../../schemas/content';
import { type FlowKey, TALK_POSTBACK } from '../../schemas/flows';

export interface FlowDefinition {
  key: FlowKey;
  /** The event name that starts it. */
  trigger: string;
  purpose: 'marketing' | 'transactional';
  content: Content;
  /** Minutes to wait before sending (abandoned checkout); null: at once. */
  delayMinutes: number | null;
  /** An event that cancels a waiting send of this flow (an order after the checkout). */
  cancelledBy: string | null;
}

export const FLOWS: Readonly<Record<FlowKey, FlowDefinition>> = {
  order_confirmation: {
    key: 'order_confirmation',
    trigger: 'Placed Order',
    purpose: 'transactional',
    content: {
      type: 'card',
      card: {
        title: 'Merci {{ first_name | default: "" }} ! Commande {{ event.properties.order_name | default: "" }} confirmée',
        description: 'Montant : {{ event.value }} {{ event.properties.currency | default: "€" }}. Nous vous prévenons dès son expédition.',
        buttons: [
          { type: 'url', text: 'Track my parcel', url: 'https://{{ event.properties.order_status_url | remove_first: "https://" }}' },
          { type: 'reply', text: 'Talk to someone', postback: TALK_POSTBACK },
        ],
      },
    },
    delayMinutes: null,
    cancelledBy: null,
  },
  shipping_update: {
    key: 'shipping_update',
    trigger: 'Fulfilled Order',
    purpose: 'transactional',
    content: {
      type: 'card',
      card: {
        title: 'Votre commande {{ event.properties.order_name | default: "" }} est en route',
        description:
          '{{ event.properties.tracking_company | default: "Transporteur" }}, n° de suivi {{ event.properties.tracking_number }}.',
        buttons: [{ type: 'url', text: 'Suivre mon colis', url: 'https://{{ event.properties.tracking_url | remove_first: "https://" }}' }],
      },
    },
    delayMinutes: null,
    cancelledBy: null,
  },
  back_in_stock: {
    key: 'back_in_stock',
    trigger: 'Back In Stock',
    purpose: 'marketing',
    content: {
      type: 'card',
      card: {
        title: '{{ event.properties.title | default: "Votre article" }} est de retour en stock !',
        description: 'Vous nous aviez demandé de vous prévenir. Les quantités sont limitées.',
        buttons: [{ type: 'url', text: 'Je le veux', url: 'https://{{ event.properties.url | remove_first: "https://" }}' }],
      },
    },
    delayMinutes: null,
    cancelledBy: null,
  },
  abandoned_checkout: {
    key: 'abandoned_checkout',
    trigger: 'Started Checkout',
    purpose: 'marketing',
    content: {
      type: 'card',
      card: {
        title: 'Vous avez oublié quelque chose ?',
        description: 'Votre panier de {{ event.value }} € vous attend.',
        buttons: [
          { type: 'url', text: 'Finaliser ma commande', url: 'https://{{ event.properties.recovery_url | remove_first: "https://" }}' },
        ],
      },
    },
    delayMinutes: 60,
    cancelledBy: 'Placed Order',
  },
};

export const flowKeys = Object.keys(FLOWS) as FlowKey[];
