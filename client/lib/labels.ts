/**
 * Words the server stores as codes (a message's purpose, a consent source, an author that is no
 * user), in the agent's language.
 */
import { userName } from '../state/directory';
import { type Key, t } from './i18n';

const PURPOSE: Record<string, Key> = {
  marketing: 'purpose.marketing',
  transactional: 'purpose.transactional',
  support: 'purpose.support',
  system: 'purpose.system',
};
const SOURCE: Record<string, Key> = {
  api: 'source.api',
  keyword: 'source.keyword',
  agent: 'source.agent',
  import: 'source.import',
  carrier: 'source.carrier',
};
const ACTOR: Record<string, Key> = {
  automation: 'actor.automation',
  seed: 'actor.seed',
  system: 'actor.system',
  'api_key:env': 'actor.api',
};

export const purposeName = (p: string): string => (PURPOSE[p] ? t(PURPOSE[p]) : p);
export const sourceName = (s: string): string => (SOURCE[s] ? t(SOURCE[s]) : s);
/** A user's name, or what an automated author is called. */
export const actorName = (id: string | null): string | null => (id && ACTOR[id] ? t(ACTOR[id]) : userName(id));
