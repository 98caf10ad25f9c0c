// The languages a person picks from: the ones programs meet in most, named in the viewer's own language. The API
// accepts any ISO 639-1 code; a longer list would only make the picker harder to use.
const COMMON_LANGUAGES =
  'ar bn cs da de el en es fa fi fr he hi hu id it ja ko ms nl no pl pt ro ru sk sv sw ta th tr uk ur vi yo zh'.split(
    ' ',
  );

export interface Option {
  value: string;
  label: string;
}

export function languageOptions(locale: string): Option[] {
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  return COMMON_LANGUAGES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  );
}
