/** A value put into a message: plain, or another message rendered in the same language. */
export type MessageParam = string | number | MessageText;
export type MessageParams = Readonly<Record<string, MessageParam>>;

/**
 * A message by key, not yet in any language: what the host puts in an error so that the renderer
 * shows it in the user's language, while the CLI and the logs render it in Swedish.
 */
export type MessageText = { readonly key: string; readonly params?: MessageParams };

const PLACEHOLDER = /\{([\p{L}\p{N}_]+)\}/gu;

/** The {names} a message uses, for the test that both languages use the same ones. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

/**
 * Fills {name} from params; a number is written the Swedish or English way by `formatNumber`.
 * A placeholder without a value is left as written, so a missing parameter shows instead of vanishing.
 */
export function fillPlaceholders(template: string, params: Readonly<Record<string, string>> | undefined): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => params[name] ?? whole);
}
