import { readFileSync } from 'node:fs';

/** Reads a JSON file the product ships in data/ (never ../shared at run time). */
export function readData<T>(relative: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/${relative}`, import.meta.url), 'utf8')) as T;
}

export interface TerritoryData {
  tenant: { code: string; name: string; fullName: string; oktmo: string | null; timeZone: string; population: number | null; populationYear: number | null };
  settlements: { code: string; name: string; officialName: string | null; kind: string; oktmo: string | null; population: number | null; populationYear: number | null; adminCentre: string | null; source: string }[];
  localities: { code: string; name: string; type: string; settlementCode: string | null; oktmo: string | null; postcode: string | null; population: number | null; populationYear: number | null; lat: number | null; lon: number | null; source: string }[];
}

export interface RecipientData {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  topicCodes: string[];
  settlementCode: string | null;
  confidence: string;
  source: string;
  note: string | null;
}

export interface RubricatorData {
  blocks: { code: string; name: string; topicCodes: string[] }[];
  topics: { code: string; name: string; priority: boolean; subtopics: { code: string; name: string }[] }[];
}

export interface RegionData {
  tenant: { code: string; name: string; regionName: string; timeZone: string };
}
