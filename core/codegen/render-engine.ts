import Handlebars from 'handlebars';
import { AppError } from '../common/index.ts';
import { jsLiteral } from './js-literal.ts';

/**
 * Handlebars, locked down: packs are untrusted, so templates may only look data up and call the
 * pure helpers below. `knownHelpersOnly` rejects any other helper at compile time, prototype
 * access stays off (Handlebars' default since 4.6, set explicitly here), and the context handed to
 * templates is plain JSON — there is no function in it for a template to call.
 */
type Helper = (...args: unknown[]) => unknown;

function plainArgs(args: unknown[]): unknown[] {
  // The last argument is Handlebars' options object, never data.
  return args.slice(0, -1);
}

function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

const HELPERS: Record<string, Helper> = {
  eq: (...args) => {
    const [a, b] = plainArgs(args);
    return a === b;
  },
  ne: (...args) => {
    const [a, b] = plainArgs(args);
    return a !== b;
  },
  and: (...args) => plainArgs(args).every(truthy),
  /** The first truthy argument (or the last one), so it doubles as a default: `(or label name)`. */
  or: (...args) => {
    const values = plainArgs(args);
    return values.find(truthy) ?? values[values.length - 1];
  },
  not: (...args) => !truthy(plainArgs(args)[0]),
  /** A JSON literal, safe inside JS/TS code and inside an HTML <script>. */
  json: (...args) => {
    const [value, indent] = plainArgs(args);
    return (JSON.stringify(value ?? null, null, typeof indent === 'number' ? indent : undefined) ?? 'null')
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029');
  },
  /** A JS/TS literal in the house style of generated code (single quotes, bare keys). */
  js: (...args) => jsLiteral(plainArgs(args)[0]),
  /** Text to put inside a single-quoted JS string (escaped, without the quotes). */
  q: (...args) => jsLiteral(String(plainArgs(args)[0] ?? '')).slice(1, -1),
  /** Text safe inside a block comment (never closes it). */
  comment: (...args) => String(plainArgs(args)[0] ?? '').replace(/\*\//g, '* /'),
  html: (...args) => Handlebars.escapeExpression(String(plainArgs(args)[0] ?? '')),
  join: (...args) => {
    const [list, separator] = plainArgs(args);
    return Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : '';
  },
  /** Markdown table cells: pipes escaped, newlines folded. */
  cell: (...args) => String(plainArgs(args)[0] ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' '),
};

const KNOWN_HELPERS = Object.fromEntries(['if', 'unless', 'each', 'with', 'lookup', ...Object.keys(HELPERS)].map((name) => [name, true]));

export type CompiledTemplate = (context: unknown) => string;

export interface RenderEngine {
  compile(name: string, source: string): CompiledTemplate;
}

const RUNTIME = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

/** One isolated Handlebars environment per pack: partials of one pack never leak into another. */
export function createRenderEngine(partials: ReadonlyMap<string, string>): RenderEngine {
  const env = Handlebars.create();
  env.unregisterHelper('log');
  env.unregisterHelper('helperMissing');
  env.unregisterHelper('blockHelperMissing');
  for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn as Handlebars.HelperDelegate);
  const options = { noEscape: true, strict: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true } as const;
  for (const [name, source] of partials) env.registerPartial(name, env.compile(source, options));
  return {
    compile(name, source) {
      let template: HandlebarsTemplateDelegate;
      try {
        // Compilation is lazy in Handlebars; parsing now makes syntax errors surface with the file name.
        env.parse(source);
        template = env.compile(source, options);
      } catch (error) {
        throw new AppError('VALIDATION_FAILED', `Template ${name} does not compile: ${firstLine(error)}`, { template: name, reason: 'template-syntax' });
      }
      return (context) => {
        try {
          return template(context, RUNTIME);
        } catch (error) {
          throw new AppError('VALIDATION_FAILED', `Template ${name} failed to render: ${firstLine(error)}`, { template: name, reason: 'template-render' });
        }
      };
    },
  };
}

/** Handlebars puts the position on the first line and the offending text on the next ones. */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 4).join(' ').replace(/\s+/g, ' ').slice(0, 400);
}
