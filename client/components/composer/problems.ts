/**
 * What blocks a card or a carousel, in the user's language: the content schema's and the
 * lint's messages are English and name paths, so the common ones are said again here; a rare
 * one is shown as the Worker would word it.
 */
import { t } from '../../lib/i18n';
import { fieldLabel, lintMessage } from '../../lib/lint-messages';
import type { Problem } from './drafts';

function what(p: Problem): string {
  if (p.lint) return lintMessage({ code: p.lint.code, message: p.message, ...(p.lint.params ? { params: p.lint.params } : {}) });
  const m = p.message.toLowerCase();
  if (/needs a title, a description or media/.test(m)) return t('builder.cardEmpty');
  if (/tall media/.test(m)) return t('builder.tallSmall');
  if (/(buttons|suggestions)\.\d+\.text$/.test(p.path)) return /empty/.test(m) ? t('builder.labelEmpty') : t('builder.labelLong');
  if (/(buttons|suggestions)\.\d+\.url$/.test(p.path)) return t('builder.link');
  // The schema's other refusals, named by field in the user's language.
  const field = fieldLabel(p.path);
  const most = /at most (\d+) characters/.exec(m);
  if (most) return t('builder.tooLong', { field, n: Number(most[1]) });
  if (/at most \d+ (buttons|suggestions)|a card has at most/.test(m)) return t('builder.tooMany', { field });
  if (/e\.164/.test(m)) return t('builder.phone');
  if (/before start/.test(m)) return t('builder.calendarOrder');
  if (/iso 8601/.test(m)) return t('builder.when');
  if (/at least 2 cards|at most 10 cards/.test(m)) return t('builder.cardsCount');
  return t('builder.invalid', { field });
}

/** The problems to list under the form: media URLs are named at their own field, not again here. */
export function problemLines(problems: readonly Problem[]): string[] {
  const lines = problems
    .filter((p) => !/media\.url$/.test(p.path))
    .map((p) => {
      const card = /^cards\.(\d+)/.exec(p.path);
      return card ? t('builder.where', { where: t('carousel.card', { n: Number(card[1]) + 1 }), problem: what(p) }) : what(p);
    });
  return [...new Set(lines)];
}
