import { describe, expect, it } from 'vitest';
import { categoriesInText, categorizeService } from '../../src/shared/resources/categories.js';

describe('placing services in categories', () => {
  it('takes our own Peerpath terms exactly, ignoring everything else', () => {
    expect(categorizeService({ terms: [{ code: 'peerpath:reentry' }, { code: 'peerpath:housing' }, { name: 'Food Pantries' }], name: 'Legal clinic' })).toEqual(['housing', 'reentry']);
  });

  it('reads other taxonomies by their words and well-known codes', () => {
    expect(categorizeService({ terms: [{ code: 'BH-1800.8500', name: 'Emergency Shelter' }], name: 'Hope House' })).toEqual(['housing']);
    expect(categorizeService({ terms: [{ code: 'BD-1800.2000', name: 'Despensas' }], name: 'X' })).toEqual(['food']);
    expect(categorizeService({ terms: [{ name: 'Buprenorphine Treatment' }, { name: 'Mental Health Counseling' }], name: 'Clinic' })).toEqual(['mat', 'mental_health']);
  });

  it('falls back to the name, then the description, in English or Spanish', () => {
    expect(categorizeService({ terms: [], name: 'Community Counselling', description: 'food' })).toEqual(['mental_health']);
    expect(categorizeService({ terms: [], name: 'Centro Esperanza', description: 'Ayuda con vivienda y asesoría legal' })).toEqual(['housing', 'legal']);
    expect(categorizeService({ terms: [{ name: 'stress' }], name: 'Oak Street', description: null })).toEqual([]);
  });

  it('matches whole words only, and "ID" only in capitals', () => {
    expect(categoriesInText('Provide rides to appointments')).toEqual(['transportation']);
    expect(categoriesInText('provided')).toEqual([]);
    expect(categoriesInText('Get your state ID')).toEqual(['id_documents']);
    expect(categoriesInText('Bring two IDs')).toEqual(['id_documents']);
    expect(categoriesInText('the id of the record')).toEqual([]);
  });
});
