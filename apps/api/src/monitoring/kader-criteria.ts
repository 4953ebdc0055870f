import { KADER_SOURCE, KaderLevel, KaderTheme } from '@ketenkaart/shared-domain';

export interface KaderCriterionSeed {
  code: string;
  theme: KaderTheme;
  level: KaderLevel;
  text: string;
}

/** Valid from the publication of the VNG Kader. */
export const INITIAL_KADER_VALID_FROM = '2021-01-01';

/**
 * Version 1 of the criteria: the five themes of the VNG Kader at basis and verdieping level, paraphrased.
 * The exact wording is to be verified with VNG (DOMAIN.md: "to verify" → data, not code); a beheerder refines
 * it through `POST /kader-criteria`, which creates a new version.
 */
export const INITIAL_KADER_CRITERIA: readonly KaderCriterionSeed[] = [
  {
    code: 'BB-1',
    theme: 'beleidsmatige-basis',
    level: 'basis',
    text: 'De gemeente heeft vastgesteld beleid op de aanpak van mensenhandel (zelfstandig of als onderdeel van een breder plan).',
  },
  {
    code: 'BB-2',
    theme: 'beleidsmatige-basis',
    level: 'basis',
    text: 'Het beleid dekt alle vormen van uitbuiting: seksuele, arbeids- en criminele uitbuiting en gedwongen orgaanverwijdering.',
  },
  {
    code: 'BB-3',
    theme: 'beleidsmatige-basis',
    level: 'basis',
    text: 'De gemeente heeft een aandachtsfunctionaris mensenhandel aangewezen, opgeleid en met voldoende tijd.',
  },
  {
    code: 'BB-V1',
    theme: 'beleidsmatige-basis',
    level: 'verdieping',
    text: 'Het beleid bevat meetbare doelen en wordt periodiek geëvalueerd en bijgesteld.',
  },
  {
    code: 'SV-1',
    theme: 'signalerend-vermogen',
    level: 'basis',
    text: 'Medewerkers in frontlijnfuncties (o.a. Wmo, werk en inkomen, burgerzaken, handhaving) zijn getraind in het herkennen van signalen.',
  },
  {
    code: 'SV-2',
    theme: 'signalerend-vermogen',
    level: 'basis',
    text: 'Er is een intern meldprotocol: medewerkers weten waar zij een signaal neerleggen en wat ermee gebeurt.',
  },
  {
    code: 'SV-V1',
    theme: 'signalerend-vermogen',
    level: 'verdieping',
    text: 'De gemeente zet bestuurlijke instrumenten (Bibob, APV, vergunningen, handhaving) gericht in tegen uitbuiting.',
  },
  {
    code: 'BW-1',
    theme: 'bewustwording',
    level: 'basis',
    text: 'Bestuur en organisatie zijn geïnformeerd over mensenhandel en de rol van de gemeente.',
  },
  {
    code: 'BW-2',
    theme: 'bewustwording',
    level: 'basis',
    text: 'De gemeente informeert inwoners en ondernemers over signalen en meldmogelijkheden.',
  },
  {
    code: 'BW-V1',
    theme: 'bewustwording',
    level: 'verdieping',
    text: 'Er zijn gerichte bewustwordingsactiviteiten voor risicogroepen en risicobranches.',
  },
  {
    code: 'SK-1',
    theme: 'samenwerking-keten-regio',
    level: 'basis',
    text: 'De gemeente neemt deel aan de regionale aanpak onder regie van de ketenregisseur.',
  },
  {
    code: 'SK-2',
    theme: 'samenwerking-keten-regio',
    level: 'basis',
    text: 'Er zijn afspraken met Zorg- en Veiligheidshuis en RIEC over casusinbreng en informatiedeling.',
  },
  {
    code: 'SK-V1',
    theme: 'samenwerking-keten-regio',
    level: 'verdieping',
    text: 'De gemeente werkt bovenregionaal samen en deelt signalen over netwerken tussen regio’s.',
  },
  {
    code: 'OH-1',
    theme: 'opvang-en-hulpverlening',
    level: 'basis',
    text: 'Er is zorgcoördinatie voor slachtoffers belegd (regionaal of via CoMensha op afstand).',
  },
  {
    code: 'OH-2',
    theme: 'opvang-en-hulpverlening',
    level: 'basis',
    text: 'Opvang en ondersteuning zijn geregeld (Wmo 2015 via de centrumgemeente VO/MO; Jeugdwet voor minderjarigen).',
  },
  {
    code: 'OH-V1',
    theme: 'opvang-en-hulpverlening',
    level: 'verdieping',
    text: 'Er zijn afspraken over uitkering, zorgverzekering en inschrijving in de BRP voor slachtoffers.',
  },
];

export const INITIAL_KADER_SOURCE = KADER_SOURCE;
