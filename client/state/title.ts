/** The browser tab says how many unread messages wait in the listed conversations: "(3) RCS console". */
import { effect } from '@preact/signals';
import { t } from '../lib/i18n';
import { conversations } from './inbox';

const base = document.title;

effect(() => {
  const n = conversations.value.reduce((sum, c) => sum + c.unread, 0);
  document.title = n > 0 ? t('title.unread', { n, title: base }) : base;
});
