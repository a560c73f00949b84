import specTypes from './spec-types.json';

/** The spec's reserved meeting type codes, each with its name in the spec's languages. */
const names: Readonly<Record<string, Readonly<Record<string, string>>>> = specTypes;

export const meetingTypeCodes: readonly string[] = Object.keys(names);

export function isKnownType(code: string): boolean {
  return Object.hasOwn(names, code);
}

/** A type's name in the reader's language, else in English; null for a code the spec does not reserve. */
export function meetingTypeName(code: string, language: string): string | null {
  const entry = names[code];
  if (!entry) return null;
  return entry[language.slice(0, 2)] ?? entry.en ?? null;
}
