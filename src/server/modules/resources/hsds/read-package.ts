import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseCsv } from './csv.js';
import { flattenObject, guessTable, tableForKey } from './flatten.js';
import { mergeDuplicates, type FlatRecord, type HsdsPackage } from './records.js';
import { csvFieldTypes, defaultDataPackage, foreignKeysOf, tableByFile, type JsonSchema } from './spec.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function finish(format: HsdsPackage['format'], records: FlatRecord[], skipped: HsdsPackage['skipped'], descriptor?: JsonSchema): HsdsPackage {
  const warnings: string[] = [];
  return { format, records: mergeDuplicates(records, warnings), foreignKeys: foreignKeysOf(descriptor ?? defaultDataPackage), skipped, warnings };
}

/**
 * Any HSDS JSON document: one object in the API shape (service_full.json), a page of a list
 * endpoint (`contents`), an array of objects, the tabular shape in JSON (tabular.json, and our
 * export: `{"services.csv": [rows]}`) or `{"services": [...]}`.
 */
export function readJsonDocument(doc: unknown, name: string): HsdsPackage {
  const records: FlatRecord[] = [];
  const skipped: HsdsPackage['skipped'] = [];
  const one = (value: unknown, where: string, table: string | null) => {
    if (!table) skipped.push({ source: where, reason: 'not recognisable as an HSDS service, organization, location, service_at_location, taxonomy or taxonomy_term' });
    else flattenObject(table, value, where, records);
  };
  const many = (items: unknown[], where: string, table: string | null) =>
    items.forEach((item, i) => one(item, `${where}[${i}]`, table ?? (isObject(item) ? guessTable(item, name) : null)));

  if (Array.isArray(doc)) many(doc, name, null);
  else if (!isObject(doc)) skipped.push({ source: name, reason: 'not a JSON object or array' });
  else if (Array.isArray(doc.contents)) many(doc.contents, `${name} › contents`, null);
  else if ('openapi_url' in doc && !('id' in doc)) skipped.push({ source: name, reason: 'the HSDS API root document: nothing to import' });
  else {
    const table = 'id' in doc ? guessTable(doc, name) : null;
    if (table || 'id' in doc) one(doc, name, table);
    else {
      for (const [key, value] of Object.entries(doc)) {
        const keyTable = tableForKey(key);
        if (!keyTable || !Array.isArray(value)) skipped.push({ source: `${name} › ${key}`, reason: 'not an HSDS table' });
        else many(value, `${name} › ${key}`, keyTable);
      }
    }
  }
  return finish('json', records, skipped);
}

/** CSV text as the package's field types say: numbers as numbers; empty cells (and the literal `null`) left out. */
function typedRow(row: Record<string, string>, types: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(row)) {
    const text = raw.trim();
    if (text === '' || text.toLowerCase() === 'null') continue;
    const type = types[field];
    if (type === 'number' || type === 'integer') {
      const n = Number(text);
      out[field] = Number.isFinite(n) ? n : raw;
    } else if (type === 'boolean') out[field] = text === 'true' ? true : text === 'false' ? false : raw;
    else out[field] = raw;
  }
  return out;
}

/** A tabular data package: CSV files by name, with the package's own datapackage.json when it has one. */
export function readCsvFiles(files: Record<string, string>, descriptorText?: string): HsdsPackage {
  const skipped: HsdsPackage['skipped'] = [];
  let descriptor: JsonSchema | undefined;
  if (descriptorText !== undefined) {
    try {
      descriptor = JSON.parse(descriptorText);
    } catch {
      skipped.push({ source: 'datapackage.json', reason: 'not valid JSON; used the HSDS 3 descriptor instead' });
    }
  }
  const types = csvFieldTypes(descriptor ?? defaultDataPackage);
  const records: FlatRecord[] = [];
  for (const [file, text] of Object.entries(files)) {
    const table = tableByFile(file);
    if (!table) {
      skipped.push({ source: file, reason: 'not an HSDS table file' });
      continue;
    }
    const { rows } = parseCsv(text);
    // The HSDS schema says which fields are numbers; the package descriptor may lag behind it (3.1 fields in a 3.0 descriptor).
    const fieldTypes = { ...types.get(table.name), ...table.fieldTypes };
    rows.forEach((row, i) => flattenObject(table.name, typedRow(row, fieldTypes), `${path.basename(file)} row ${i + 2}`, records));
  }
  return finish('csv', records, skipped, descriptor);
}

/** Reads several JSON documents as one package (a folder of them, or several uploaded files). */
export function readJsonDocuments(docs: Array<{ name: string; doc: unknown }>): HsdsPackage {
  const parts = docs.map(({ name, doc }) => readJsonDocument(doc, name));
  const warnings: string[] = [];
  return {
    format: 'json',
    records: mergeDuplicates(parts.flatMap((p) => p.records), warnings),
    foreignKeys: foreignKeysOf(),
    skipped: parts.flatMap((p) => p.skipped),
    warnings,
  };
}

function parseJsonText(name: string, text: string): { name: string; doc: unknown } | { name: string; error: string } {
  try {
    return { name, doc: JSON.parse(text) };
  } catch (err) {
    return { name, error: `not valid JSON (${(err as Error).message})` };
  }
}

/**
 * Files as uploaded or found in a folder: CSV files (with datapackage.json) make a tabular package;
 * otherwise every JSON file is read as an HSDS JSON document.
 */
export function readFiles(files: Array<{ name: string; text: string }>): HsdsPackage {
  const csv = files.filter((f) => f.name.toLowerCase().endsWith('.csv'));
  if (csv.length > 0) {
    const descriptor = files.find((f) => path.basename(f.name).toLowerCase() === 'datapackage.json');
    const pkg = readCsvFiles(Object.fromEntries(csv.map((f) => [f.name, f.text])), descriptor?.text);
    for (const f of files) {
      if (f !== descriptor && !csv.includes(f)) pkg.skipped.push({ source: f.name, reason: 'a tabular package is read from its CSV files; this file was left out' });
    }
    return pkg;
  }
  const parsed = files.map((f) => parseJsonText(f.name, f.text));
  const pkg = readJsonDocuments(parsed.filter((p): p is { name: string; doc: unknown } => 'doc' in p));
  for (const p of parsed) if ('error' in p) pkg.skipped.push({ source: p.name, reason: p.error });
  return pkg;
}

/** `peerpath import hsds <path>`: a JSON file, a CSV file, or a folder holding either. */
export async function readHsdsPath(target: string): Promise<HsdsPackage> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new Error(`${target} does not exist`);
  const names = info.isDirectory()
    ? (await readdir(target)).filter((n) => /\.(csv|json)$/i.test(n)).sort().map((n) => path.join(target, n))
    : [target];
  if (names.length === 0) throw new Error(`${target} holds no .json or .csv files`);
  const files = await Promise.all(names.map(async (n) => ({ name: path.basename(n), text: await readFile(n, 'utf8') })));
  return readFiles(files);
}
