/** The admin and canned-responses pages' strings, in the console's current language. */
import { translator } from './i18n';
import { adminEn, type AdminKey } from './strings-admin-en';
import { adminFr } from './strings-admin-fr';

export type { AdminKey };
export const ta = translator<AdminKey>({ en: adminEn, fr: adminFr });
