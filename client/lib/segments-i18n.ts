/** The segments page's strings and the grammar's words, in the console's current language. */
import { lang, translator } from './i18n';
import { segmentsEn, type SegmentsKey, segmentsWordsEn } from './strings-segments-en';
import { segmentsFr, segmentsWordsFr } from './strings-segments-fr';

export const tseg = translator<SegmentsKey>({ en: segmentsEn, fr: segmentsFr });

/** A grammar name (operator, field, status) in words; the name itself when there is none. */
export const word = (name: string): string => (lang.value === 'fr' ? segmentsWordsFr : segmentsWordsEn)[name] ?? name;
