/**
 * The two functions of Node's `querystring` the Twilio signature check needs (workerd provides
 * the module under nodejs_compat; the Worker's types do not include Node's).
 */
declare module 'node:querystring' {
  export function parse(query: string): Record<string, string | string[]>;
  export function stringify(object: Record<string, string | string[]>): string;
}
