import fs from 'node:fs';
import path from 'node:path';

const localesDir = path.resolve(__dirname, '../../../web/src/locales');

export type WebLanguage = 'en' | 'de';

/** A text of the web app's catalogue, as i18next renders it: nested keys, `{{name}}` values, `_one`/`_other` plurals. */
export type WebCopy = ((key: string, values?: Record<string, string | number>) => string) & { language: WebLanguage };

/**
 * The journeys assert what the app's own catalogues say (apps/web/src/locales), so a reworded text changes in one
 * place and a German journey asserts German without copies of it here.
 */
export function webCopy(language: WebLanguage): WebCopy {
  const catalogue = JSON.parse(fs.readFileSync(path.join(localesDir, `${language}.json`), 'utf8')) as unknown;
  const rules = new Intl.PluralRules(language);
  const lookup = (key: string): unknown =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
  const copy = (key: string, values: Record<string, string | number> = {}) => {
    const count = values['count'];
    const text = (typeof count === 'number' ? lookup(`${key}_${rules.select(count)}`) : undefined) ?? lookup(key);
    if (typeof text !== 'string') throw new Error(`no text ${key} in ${language}.json`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
  };
  return Object.assign(copy, { language });
}
