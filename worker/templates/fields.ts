/**
 * Where a message can be templated, and how a path is written. Templated: the text, media URL
 * and alt text, card titles and descriptions, chip and button labels, URLs of link buttons,
 * and the SMS fallback text. Not templated: postbacks, phone numbers, coordinates, calendar
 * times (data the brand sets, not words for one customer).
 *
 * The walk reads the content as sent (unknown JSON): the shape itself is checked by
 * `ContentSchema`, on the rendered message.
 */

export type FieldKind = 'text' | 'link_url' | 'media_url';

export interface TemplatedField {
  /** Keys from the content root: `['cards', 1, 'title']`. */
  path: (string | number)[];
  value: string;
  kind: FieldKind;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `content.cards.1.title`, the way every error of the API names a field. */
export const fieldPath = (path: readonly (string | number)[], root = 'content'): string => [root, ...path].join('.');

export function templatedFields(content: unknown): TemplatedField[] {
  const out: TemplatedField[] = [];
  const str = (o: Obj, key: string, path: (string | number)[], kind: FieldKind) => {
    const value = o[key];
    if (typeof value === 'string') out.push({ path: [...path, key], value, kind });
  };
  const media = (m: unknown, path: (string | number)[]) => {
    if (!isObj(m)) return;
    str(m, 'url', path, 'media_url');
    str(m, 'alt', path, 'text');
  };
  const suggestions = (list: unknown, path: (string | number)[]) => {
    if (!Array.isArray(list)) return;
    list.forEach((s, i) => {
      if (!isObj(s)) return;
      str(s, 'text', [...path, i], 'text');
      if (s.type === 'url') str(s, 'url', [...path, i], 'link_url');
    });
  };
  const card = (c: unknown, path: (string | number)[]) => {
    if (!isObj(c)) return;
    str(c, 'title', path, 'text');
    str(c, 'description', path, 'text');
    media(c.media, [...path, 'media']);
    suggestions(c.buttons, [...path, 'buttons']);
  };

  if (!isObj(content)) return out;
  switch (content.type) {
    case 'text':
      str(content, 'text', [], 'text');
      break;
    case 'media':
      media(content.media, ['media']);
      str(content, 'text', [], 'text');
      break;
    case 'card':
      card(content.card, ['card']);
      break;
    case 'carousel':
      if (Array.isArray(content.cards))
        content.cards.forEach((c, i) => {
          card(c, ['cards', i]);
        });
      break;
  }
  suggestions(content.suggestions, ['suggestions']);
  return out;
}

/** A deep copy with `value` written at `path` in each of `fields` (JSON in, JSON out). */
export function withFields(content: unknown, fields: readonly { path: (string | number)[]; value: string }[]): unknown {
  const copy: unknown = structuredClone(content);
  for (const f of fields) {
    let node = copy as Obj;
    for (const key of f.path.slice(0, -1)) node = node[key as string] as Obj;
    node[f.path.at(-1) as string] = f.value;
  }
  return copy;
}
