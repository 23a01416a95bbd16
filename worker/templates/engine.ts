/**
 * The Liquid engine behind personalised messages (liquidjs, sync rendering, no file system).
 * One template is one field of a message: a text, a title, a chip, a URL, the SMS text.
 *
 * Safety, since templates are written in the console and rendered inside a Durable Object:
 * - unknown filters are errors when the template is parsed (`strictFilters`), unknown
 *   variables are not (a missing property renders empty, or its `default`);
 * - `include`, `render` and `layout` are refused: a message never reads another file;
 * - only own properties are read (`{{ first_name.constructor }}` is empty);
 * - bounded work: `parseLimit` (template length), `memoryLimit` (charged by ranges, array and
 *   string filters: it bounds how many times a loop can run) and an output cap of our own
 *   (liquidjs does not charge what a template writes), plus `renderLimit`, a time budget. In
 *   production Workers the clock only moves on I/O, so a synchronous render cannot rely on
 *   time there: the other three are what stop a runaway template;
 * - no HTML escaping: the output is a text message ("Léa & Co" stays so).
 */
import { Context, type Emitter, Liquid, LiquidError, Tag, type TagToken, type Template, type TopLevelToken, toValueSync } from 'liquidjs';

/** Longest template source accepted for one field (the longest rendered field is 3072). */
export const MAX_TEMPLATE_CHARS = 10_000;
/** Longest output one field may produce before the render stops (limits are checked after). */
export const MAX_OUTPUT_CHARS = 12_000;
/**
 * liquidjs "memory" units for one whole message (all its fields share the budget): loop
 * ranges, array and string filters. An empty loop turn costs about 3 µs in workerd, so this
 * caps a message at roughly 150 ms of rendering; real templates use a few thousand units.
 */
export const MEMORY_LIMIT = 50_000;
/** Milliseconds for one message (effective where the clock moves during a render: local workerd, Node). */
export const RENDER_LIMIT_MS = 200;

export const REFUSED_TAGS = ['include', 'render', 'layout'] as const;

/** A tag that refuses to be parsed: messages never pull in other files. */
function refusedTag(name: string) {
  return class extends Tag {
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      throw new Error(`the "${name}" tag is not allowed in messages`);
    }
    *render(): Generator<unknown, void, unknown> {}
  };
}

let engine: Liquid | null = null;

function liquid(): Liquid {
  if (engine) return engine;
  const l = new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    // No file system at all: a lookup (if one slipped past the refused tags) finds nothing.
    templates: {},
    relativeReference: false,
    cache: false,
    parseLimit: MAX_TEMPLATE_CHARS,
    memoryLimit: MEMORY_LIMIT,
    renderLimit: RENDER_LIMIT_MS,
  });
  for (const name of REFUSED_TAGS) l.registerTag(name, refusedTag(name));
  engine = l;
  return l;
}

/** Collects the output and stops the render once it grows past `max` characters. */
class BoundedEmitter implements Emitter {
  buffer = '';
  constructor(private readonly max: number) {}
  write(html: unknown): void {
    this.buffer += html === null || html === undefined ? '' : String(html);
    if (this.buffer.length > this.max) throw new Error(`output limit exceeded (more than ${this.max} characters)`);
  }
}

export type ParseResult = { ok: true; template: Template[] } | { ok: false; message: string };

/** True when `s` has Liquid markup (an output or a tag); plain strings are used as they are. */
export const hasMarkup = (s: string): boolean => s.includes('{{') || s.includes('{%');

/** liquidjs messages end with the position ("…, line:1, col:9"); the first line is enough. */
function describe(err: unknown): string {
  const raw = err instanceof LiquidError ? err.message : err instanceof Error ? err.message : String(err);
  return raw.split('\n')[0]!.trim();
}

/**
 * Parsed templates by source: a campaign renders the same few fields for every recipient, and
 * a parsed template is only read when rendered. Bounded (any text may come through here).
 */
const parsed = new Map<string, ParseResult>();

export function parse(source: string): ParseResult {
  const known = parsed.get(source);
  if (known) return known;
  let result: ParseResult;
  try {
    result = { ok: true, template: liquid().parse(source) };
  } catch (err) {
    result = { ok: false, message: describe(err) };
  }
  if (parsed.size >= 500) parsed.clear();
  parsed.set(source, result);
  return result;
}

export type RenderResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * A renderer for the fields of one message for one customer: every field it renders draws on
 * the same memory and time budget, so a message cannot multiply its limits by its fields.
 */
export function renderer(scope: object, maxOutput = MAX_OUTPUT_CHARS): (template: Template[]) => RenderResult {
  const l = liquid();
  const budget = new Context(scope, l.options, { sync: true }, { liquid: l });
  return (template) => {
    try {
      const ctx = new Context(
        scope,
        l.options,
        { sync: true },
        { liquid: l, memoryLimit: budget.memoryLimit, renderLimit: budget.renderLimit },
      );
      const out = new BoundedEmitter(maxOutput);
      toValueSync(l.renderer.renderTemplates(template, ctx, out));
      return { ok: true, text: out.buffer };
    } catch (err) {
      return { ok: false, message: describe(err) };
    }
  };
}
