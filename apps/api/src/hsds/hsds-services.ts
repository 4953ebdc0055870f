import type { OrganisationType } from '@ketenkaart/shared-domain';

export interface HsdsServiceKind {
  code: string;
  name: string;
  description: string;
}

/**
 * The services an organisation offers, derived from its type (DOMAIN.md §4: what each partner leads in the
 * chain). Ketenkaart keeps no service records of its own, so each organisation gets one HSDS service per task
 * here; a service's id is `md5(organisation id : code)` as a UUID, stable across exports.
 */
export const HSDS_SERVICES: Record<OrganisationType, readonly HsdsServiceKind[]> = {
  gemeente: [
    {
      code: 'signalen',
      name: 'Signalen mensenhandel (aandachtsfunctionaris)',
      description:
        'Gemeentelijk aanspreekpunt voor signalen van mensenhandel; verwijst door naar zorg en veiligheid.',
    },
    {
      code: 'bestuurlijke-aanpak',
      name: 'Bestuurlijke aanpak',
      description: 'Bibob, APV, vergunningen en handhaving tegen uitbuiting.',
    },
  ],
  politie: [
    {
      code: 'melding-aangifte',
      name: 'Melding en aangifte mensenhandel',
      description:
        'Meldingen (0900-8844) en aangifte; biedt bedenktijd aan en meldt slachtoffers aan bij CoMensha.',
    },
    {
      code: 'opsporing',
      name: 'Opsporing mensenhandel',
      description: 'Opsporing onder gezag van het Openbaar Ministerie (AVIM).',
    },
  ],
  kmar: [
    {
      code: 'signalering-grens',
      name: 'Signalering aan de grens',
      description: 'Signalering van mensenhandel aan de grens en op Schiphol.',
    },
  ],
  nla: [
    {
      code: 'arbeidsuitbuiting',
      name: 'Melding en opsporing arbeidsuitbuiting',
      description: 'Meldingen (0800-5151) en opsporing van arbeidsuitbuiting.',
    },
  ],
  om: [
    { code: 'vervolging', name: 'Vervolging', description: 'Leidt de opsporing en vervolgt mensenhandel.' },
  ],
  ind: [
    {
      code: 'verblijfsrecht',
      name: 'Verblijfsrecht slachtoffers',
      description: 'Bedenktijd en verblijfsvergunning voor slachtoffers (B8/3).',
    },
  ],
  riec: [
    {
      code: 'integraal-advies',
      name: 'Integraal handhavingsadvies',
      description: 'Advies en informatieknooppunt voor de bestuurlijke en integrale aanpak.',
    },
  ],
  'zorg-en-veiligheidshuis': [
    {
      code: 'procesregie',
      name: 'Procesregie zorg en veiligheid',
      description: 'Procesregie op complexe casuïstiek waarin zorg en veiligheid samenkomen.',
    },
  ],
  comensha: [
    {
      code: 'aanmelding',
      name: 'Aanmelding en registratie slachtoffers',
      description: 'Landelijke registratie van (mogelijke) slachtoffers van mensenhandel.',
    },
    {
      code: 'plaatsing',
      name: 'Eerste opvangplaatsing',
      description: 'Bemiddeling naar opvang (COSM, vrouwen- en maatschappelijke opvang).',
    },
  ],
  zorgcoordinatie: [
    {
      code: 'zorgcoordinatie',
      name: 'Zorgcoördinatie',
      description: 'Coördinatie van opvang, zorg en procedures van slachtoffers in de regio.',
    },
  ],
  cosm: [
    {
      code: 'opvang',
      name: 'Opvang',
      description: 'Categorale opvang voor slachtoffers mensenhandel in bedenktijd.',
    },
  ],
  opvang: [{ code: 'opvang', name: 'Opvang', description: 'Vrouwen- en maatschappelijke opvang.' }],
  jeugdzorg: [
    {
      code: 'jeugdhulp',
      name: 'Jeugdhulp',
      description: 'Hulp en bescherming voor minderjarige slachtoffers.',
    },
  ],
  'veilig-thuis': [
    {
      code: 'advies-melding',
      name: 'Advies en melding',
      description: 'Advies- en meldpunt huiselijk geweld en kindermishandeling (meldcode).',
    },
  ],
  nidos: [
    {
      code: 'voogdij',
      name: 'Voogdij alleenstaande minderjarige vreemdelingen',
      description: 'Voogdij en begeleiding van alleenstaande minderjarige vreemdelingen.',
    },
  ],
  coa: [
    {
      code: 'opvang-asiel',
      name: 'Opvang asielzoekers',
      description: 'Opvang van asielzoekers, onder wie alleenstaande minderjarigen.',
    },
  ],
  fairwork: [
    {
      code: 'ondersteuning',
      name: 'Ondersteuning en voorlichting',
      description: 'Ondersteuning van (mogelijke) slachtoffers van arbeidsuitbuiting.',
    },
  ],
  slachtofferhulp: [
    {
      code: 'slachtofferhulp',
      name: 'Slachtofferhulp',
      description: 'Emotionele, praktische en juridische hulp voor slachtoffers.',
    },
  ],
  emm: [
    {
      code: 'expertise',
      name: 'Expertise en analyse',
      description: 'Analyse van informatie over mensenhandel en mensensmokkel.',
    },
  ],
  ngo: [
    {
      code: 'ondersteuning',
      name: 'Ondersteuning',
      description: 'Ondersteuning van slachtoffers van mensenhandel.',
    },
  ],
};

/** Parallel arrays for `unnest(...)` in SQL (type, code, name, description). */
export function serviceTable(): [string[], string[], string[], string[]] {
  const rows = Object.entries(HSDS_SERVICES).flatMap(([type, kinds]) =>
    kinds.map((kind) => [type, kind.code, kind.name, kind.description]),
  );
  return [
    rows.map((row) => row[0]),
    rows.map((row) => row[1]),
    rows.map((row) => row[2]),
    rows.map((row) => row[3]),
  ];
}
