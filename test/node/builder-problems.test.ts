// The card and carousel builders list what blocks a message in the agent's language: the
// content schema's and the lint's English messages never reach a French console.
import { beforeAll, describe, expect, it } from 'vitest';

interface Problem {
  path: string;
  message: string;
  lint?: { code: string };
}
let problemLines: (problems: readonly Problem[]) => string[];
// Named by a variable so the Worker-typed test project does not type-check the DOM console code.
const PROBLEMS = '../../client/components/composer/problems';

beforeAll(async () => {
  // The console's i18n reads the browser's language and storage when it loads.
  const g = globalThis as Record<string, unknown>;
  g.localStorage = { getItem: () => 'fr', setItem: () => {} };
  g.navigator = { language: 'fr-FR' };
  g.document = { documentElement: {} };
  ({ problemLines } = (await import(PROBLEMS)) as { problemLines: typeof problemLines });
});

describe('the builders’ problems in French', () => {
  it('names a too-long title, a bad call number and an inverted calendar event in French', () => {
    const lines = problemLines([
      { path: 'card.title', message: 'must be at most 200 characters' },
      { path: 'suggestions.0.phone', message: 'must be an E.164 number' },
      { path: 'suggestions.1.end', message: 'must not be before start' },
      { path: 'card.media.alt', message: 'Invalid length: Expected <=200 but received 300' },
    ]);
    expect(lines).toEqual([
      'Titre : 200 caractères au plus.',
      'Un bouton d’appel a besoin d’un numéro au format international (+33…).',
      'Un évènement ne peut pas finir avant de commencer.',
      expect.stringMatching(/cette valeur n’est pas acceptée\.$/),
    ]);
  });

  it('says a blocking lint error in French too', () => {
    const lines = problemLines([
      { path: 'sms', message: 'A marketing SMS must say how to opt out (e.g. "STOP au 36111").', lint: { code: 'sms_no_opt_out' } },
    ]);
    expect(lines).toEqual(['Un SMS marketing doit dire comment se désinscrire (par ex. « STOP au 36111 »).']);
  });
});
