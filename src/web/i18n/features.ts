/**
 * Each feature keeps its words beside its code, in src/web/features/<name>/i18n/{en,es}.json;
 * they load here as the i18n namespace <name>, so features never edit a shared catalog.
 */
type Catalog = Record<string, unknown>;

const english = import.meta.glob<Catalog>('../features/*/i18n/en.json', { eager: true, import: 'default' });
const spanish = import.meta.glob<Catalog>('../features/*/i18n/es.json', { eager: true, import: 'default' });

function byFeature(files: Record<string, Catalog>): Record<string, Catalog> {
  return Object.fromEntries(Object.entries(files).map(([file, catalog]) => [file.split('/')[2]!, catalog]));
}

export const featureCatalogs = { en: byFeature(english), es: byFeature(spanish) };
