/** The campaign pages' strings, in the console's current language. */
import { translator } from './i18n';
import { type CampaignKey, campaignsEn } from './strings-campaigns-en';
import { campaignsFr } from './strings-campaigns-fr';

export type { CampaignKey };
export const tc = translator<CampaignKey>({ en: campaignsEn, fr: campaignsFr });
