import {
  ExploitationForm,
  OrganisationType,
  ResponsibilityLevel,
  ResponsibilityTask,
  TargetGroup,
} from '@ketenkaart/shared-domain';

export interface CellSource {
  title: string;
  /** Where in the document, or which document when there is no stable URL. */
  reference: string | null;
  url: string | null;
}

export interface DefaultCell {
  task: ResponsibilityTask;
  organisationType: OrganisationType;
  /** null = every exploitation form. */
  exploitationForm: ExploitationForm | null;
  /** null = every target group. */
  targetGroup: TargetGroup | null;
  level: ResponsibilityLevel;
  note: string;
  source: CellSource;
}

/** The sources the national default cites. References, not URLs: the documents move, their titles stay. */
const SOURCES = {
  vngKader: {
    title: 'Handreiking/VNG Kader voor de aanpak van mensenhandel door gemeenten (2021)',
    reference: 'VNG, 2021; zie Samen tegen mensenhandel p. 28, voetnoot 32',
    url: null,
  },
  samen: {
    title: 'Samen tegen mensenhandel',
    reference:
      "Programma Samen tegen mensenhandel, 'Verbeteren van de (bovenregionale en regionale) samenwerking', p. 28",
    url: null,
  },
  aanwijzingOm: {
    title: 'Aanwijzing mensenhandel OM',
    reference: 'Openbaar Ministerie, Aanwijzing mensenhandel: gezag over de opsporing en vervolging',
    url: null,
  },
  b83: {
    title: 'B8/3 Vreemdelingencirculaire',
    reference:
      'Vreemdelingencirculaire 2000, hoofdstuk B8/3: bedenktijd (max. 3 maanden) en verblijf slachtoffers mensenhandel',
    url: null,
  },
  comensha: {
    title: 'CoMensha werkwijze',
    reference:
      'CoMensha: registratie van (mogelijke) slachtoffers, eerste plaatsing (COSM, VO/MO), overdracht aan de zorgcoördinator',
    url: null,
  },
  wmo: {
    title: 'Wet maatschappelijke ondersteuning 2015',
    reference: 'Wmo 2015: opvang en ondersteuning via de centrumgemeenten VO/MO',
    url: null,
  },
  jeugdwet: {
    title: 'Jeugdwet',
    reference: 'Jeugdwet: hulp en opvang voor minderjarigen ligt bij de gemeente',
    url: null,
  },
  domain: {
    title: 'Ketenkaart domeinbrief, §4 Wie doet wat',
    reference: 'DOMAIN.md §4 (landelijke standaard per organisatietype)',
    url: null,
  },
} satisfies Record<string, CellSource>;

const T = ResponsibilityTask;
const O = OrganisationType;
const L = ResponsibilityLevel;
const F = ExploitationForm;
const G = TargetGroup;

const cell = (
  task: ResponsibilityTask,
  organisationType: OrganisationType,
  level: ResponsibilityLevel,
  note: string,
  source: CellSource,
  scope: { form?: ExploitationForm; group?: TargetGroup } = {},
): DefaultCell => ({
  task,
  organisationType,
  exploitationForm: scope.form ?? null,
  targetGroup: scope.group ?? null,
  level,
  note,
  source,
});

/**
 * The national default of DOMAIN.md §4 as cells. Rule kept by a unit test: for every task, form and target
 * group exactly one organisation type leads (the most specific cell of each type decides). Where the brief
 * names two leads for one task (e.g. signalering by gemeente and KMar), the second is "contributes" with its
 * own lead role in the note, so that each region can see one accountable party.
 */
export const NATIONAL_DEFAULT: readonly DefaultCell[] = [
  // Preventie en bewustwording
  cell(
    T.preventie,
    O.gemeente,
    L.lead,
    'Beleid en bewustwording volgens het VNG Kader; getrainde aandachtsfunctionaris.',
    SOURCES.vngKader,
  ),
  cell(
    T.preventie,
    O.fairwork,
    L.contributes,
    'Voorlichting aan (mogelijke) slachtoffers en professionals.',
    SOURCES.domain,
  ),
  cell(T.preventie, O.emm, L.contributes, 'Analyse en landelijk beeld van mensenhandel.', SOURCES.domain),
  cell(T.preventie, O.comensha, L.contributes, 'Landelijke kennis en voorlichting.', SOURCES.comensha),

  // Signalering
  cell(
    T.signalering,
    O.gemeente,
    L.lead,
    'Signalering door eigen medewerkers; de aandachtsfunctionaris is het aanspreekpunt voor signalen.',
    SOURCES.vngKader,
  ),
  cell(
    T.signalering,
    O.gemeente,
    L.contributes,
    'Signaleert via eigen medewerkers; bij arbeidsuitbuiting leidt de Nederlandse Arbeidsinspectie.',
    SOURCES.vngKader,
    { form: F.arbeid },
  ),
  cell(
    T.signalering,
    O.nla,
    L.lead,
    'Signalering van arbeidsuitbuiting; meldingen via 0800-5151.',
    SOURCES.domain,
    { form: F.arbeid },
  ),
  cell(
    T.signalering,
    O.nla,
    L.notResponsible,
    'De Arbeidsinspectie is er alleen voor arbeidsuitbuiting.',
    SOURCES.domain,
  ),
  cell(
    T.signalering,
    O.kmar,
    L.contributes,
    'Leidend bij signalering aan de grens en op Schiphol; verwijst naar CoMensha.',
    SOURCES.domain,
  ),
  cell(
    T.signalering,
    O.politie,
    L.contributes,
    'Signaleert in de basispolitiezorg; AVIM neemt het over.',
    SOURCES.domain,
  ),
  cell(T.signalering, O.veiligThuis, L.contributes, 'Meldcode-route voor minderjarigen.', SOURCES.domain, {
    group: G.minor,
  }),
  cell(
    T.signalering,
    O.fairwork,
    L.contributes,
    'Laagdrempelig aanspreekpunt voor slachtoffers.',
    SOURCES.domain,
  ),
  cell(
    T.signalering,
    O.slachtofferhulp,
    L.contributes,
    'Signaleert in de eigen hulpverlening.',
    SOURCES.domain,
  ),

  // Melding en aangifte
  cell(
    T.melding,
    O.politie,
    L.lead,
    'Melding (0900-8844) en aangifte; biedt bij de geringste aanwijzing bedenktijd aan (max. 3 maanden).',
    SOURCES.b83,
  ),
  cell(T.melding, O.nla, L.contributes, 'Meldingen van arbeidsuitbuiting via 0800-5151.', SOURCES.domain, {
    form: F.arbeid,
  }),
  cell(
    T.melding,
    O.kmar,
    L.contributes,
    'Neemt meldingen aan de grens aan en geeft ze door.',
    SOURCES.domain,
  ),
  cell(
    T.melding,
    O.gemeente,
    L.contributes,
    'Onderdeel van de meldroute; de aandachtsfunctionaris geeft signalen door.',
    SOURCES.vngKader,
  ),
  cell(T.melding, O.veiligThuis, L.contributes, 'Meldcode-route voor minderjarigen.', SOURCES.domain, {
    group: G.minor,
  }),
  cell(T.melding, O.zorgcoordinatie, L.refersOn, 'Verwijst voor aangifte naar de politie.', SOURCES.domain),
  cell(
    T.melding,
    O.comensha,
    L.notResponsible,
    'Neemt geen aangifte op; registreert aanmeldingen.',
    SOURCES.comensha,
  ),

  // Registratie (aanmelding bij CoMensha)
  cell(T.registratie, O.comensha, L.lead, 'Registreert (mogelijke) slachtoffers.', SOURCES.comensha),
  cell(
    T.registratie,
    O.politie,
    L.contributes,
    'Meldt aan bij CoMensha zonder toestemming (wettelijke grondslag).',
    SOURCES.comensha,
  ),
  cell(
    T.registratie,
    O.kmar,
    L.contributes,
    'Meldt aan bij CoMensha op wettelijke grondslag.',
    SOURCES.comensha,
  ),
  cell(
    T.registratie,
    O.nla,
    L.contributes,
    'Meldt aan bij CoMensha op wettelijke grondslag.',
    SOURCES.comensha,
    { form: F.arbeid },
  ),
  cell(
    T.registratie,
    O.zorgcoordinatie,
    L.contributes,
    'Aanmelder bij CoMensha met schriftelijke toestemming van het slachtoffer.',
    SOURCES.comensha,
  ),
  cell(
    T.registratie,
    O.fairwork,
    L.contributes,
    'Aanmelder bij CoMensha met schriftelijke toestemming.',
    SOURCES.comensha,
  ),
  cell(
    T.registratie,
    O.gemeente,
    L.refersOn,
    'Aanmelding alleen met schriftelijke toestemming; meestal via de zorgcoördinator.',
    SOURCES.comensha,
  ),

  // Opvang
  cell(
    T.opvang,
    O.gemeente,
    L.contributes,
    'Opvang en ondersteuning via de centrumgemeente VO/MO (Wmo 2015).',
    SOURCES.wmo,
  ),
  cell(
    T.opvang,
    O.gemeente,
    L.lead,
    'Opvang en hulp voor minderjarigen vallen onder de Jeugdwet.',
    SOURCES.jeugdwet,
    { group: G.minor },
  ),
  cell(T.opvang, O.opvang, L.lead, 'Opvang voor Nederlandse volwassenen (VO/MO).', SOURCES.wmo, {
    group: G.nlAdult,
  }),
  cell(T.opvang, O.opvang, L.lead, 'Opvang voor EU-volwassenen (VO/MO).', SOURCES.wmo, { group: G.euAdult }),
  cell(
    T.opvang,
    O.opvang,
    L.notResponsible,
    'VO/MO is er voor Nederlandse en EU-volwassenen, niet voor minderjarigen.',
    SOURCES.wmo,
    { group: G.minor },
  ),
  cell(
    T.opvang,
    O.opvang,
    L.notResponsible,
    'Alleenstaande minderjarige vreemdelingen gaan via Nidos.',
    SOURCES.domain,
    { group: G.amv },
  ),
  cell(
    T.opvang,
    O.opvang,
    L.refersOn,
    'Eerste plaatsing van niet-EU-volwassenen in bedenktijd gaat via CoMensha naar COSM.',
    SOURCES.comensha,
    { group: G.nonEuAdult },
  ),
  cell(
    T.opvang,
    O.cosm,
    L.lead,
    'Opvang voor volwassen niet-EU-slachtoffers in bedenktijd (70 plaatsen, 3 locaties); toegang alleen via CoMensha.',
    SOURCES.comensha,
    { group: G.nonEuAdult },
  ),
  cell(
    T.opvang,
    O.cosm,
    L.notResponsible,
    'COSM is alleen voor volwassen niet-EU-slachtoffers in bedenktijd.',
    SOURCES.comensha,
  ),
  cell(
    T.opvang,
    O.nidos,
    L.lead,
    'Voogdij en plaatsing van alleenstaande minderjarige vreemdelingen (AMV).',
    SOURCES.domain,
    { group: G.amv },
  ),
  cell(T.opvang, O.coa, L.contributes, 'Opvanglocaties voor AMV.', SOURCES.domain, { group: G.amv }),
  cell(
    T.opvang,
    O.comensha,
    L.contributes,
    'Leidt de eerste plaatsing: COSM alleen via CoMensha, bemiddeling naar VO/MO.',
    SOURCES.comensha,
  ),
  cell(
    T.opvang,
    O.jeugdzorg,
    L.contributes,
    'Jeugdhulp en (beschermde) opvang voor minderjarigen.',
    SOURCES.jeugdwet,
    { group: G.minor },
  ),
  cell(
    T.opvang,
    O.zorgcoordinatie,
    L.contributes,
    'Coördineert de opvang; biedt die niet zelf.',
    SOURCES.domain,
  ),
  cell(T.opvang, O.politie, L.refersOn, 'Verwijst door naar opvang; biedt zelf geen opvang.', SOURCES.domain),
  cell(
    T.opvang,
    O.riec,
    L.notResponsible,
    'Het RIEC heeft geen rol in opvang of hulpverlening.',
    SOURCES.domain,
  ),

  // Zorgcoördinatie
  cell(
    T.zorgcoordinatie,
    O.zorgcoordinatie,
    L.lead,
    'Coördineert opvang, zorg en procedures (verblijf/B8, uitkering, zorgverzekering, BRP) van aanmelding tot afsluiting.',
    SOURCES.samen,
  ),
  cell(
    T.zorgcoordinatie,
    O.comensha,
    L.contributes,
    "Draagt over aan de regionale zorgcoördinator; coördineert 'op afstand' waar die ontbreekt.",
    SOURCES.comensha,
  ),
  cell(
    T.zorgcoordinatie,
    O.zorgEnVeiligheidshuis,
    L.contributes,
    'Procesregie op complexe zorg- en veiligheidscasuïstiek; geen eigen wettelijke taak.',
    SOURCES.samen,
  ),
  cell(
    T.zorgcoordinatie,
    O.gemeente,
    L.contributes,
    'Financiert en borgt de zorgcoördinatie (VNG Kader).',
    SOURCES.vngKader,
  ),
  cell(
    T.zorgcoordinatie,
    O.nidos,
    L.contributes,
    'Voogd van de AMV; stemt af met de zorgcoördinator.',
    SOURCES.domain,
    { group: G.amv },
  ),
  cell(T.zorgcoordinatie, O.politie, L.notResponsible, 'De politie coördineert geen zorg.', SOURCES.domain),

  // Hulpverlening
  cell(
    T.hulpverlening,
    O.gemeente,
    L.lead,
    'Organiseert ondersteuning (Wmo 2015, Jeugdwet); uitvoering door zorgaanbieders.',
    SOURCES.wmo,
  ),
  cell(T.hulpverlening, O.opvang, L.contributes, 'Begeleiding in de opvang.', SOURCES.wmo),
  cell(T.hulpverlening, O.jeugdzorg, L.contributes, 'Jeugdhulp.', SOURCES.jeugdwet, { group: G.minor }),
  cell(
    T.hulpverlening,
    O.slachtofferhulp,
    L.contributes,
    'Emotionele, praktische en juridische steun.',
    SOURCES.domain,
  ),
  cell(
    T.hulpverlening,
    O.fairwork,
    L.contributes,
    'Informatie en ondersteuning van slachtoffers.',
    SOURCES.domain,
  ),
  cell(
    T.hulpverlening,
    O.zorgcoordinatie,
    L.notResponsible,
    'De zorgcoördinator coördineert, maar verleent zelf geen zorg.',
    SOURCES.domain,
  ),
  cell(T.hulpverlening, O.riec, L.notResponsible, 'Het RIEC verleent geen hulp.', SOURCES.domain),
  cell(
    T.hulpverlening,
    O.zorgEnVeiligheidshuis,
    L.notResponsible,
    'Het Zorg- en Veiligheidshuis voert procesregie; het verleent zelf geen hulp.',
    SOURCES.samen,
  ),

  // Verblijfsrecht
  cell(
    T.verblijfsrecht,
    O.ind,
    L.lead,
    'Schort de uitzetting op tijdens de bedenktijd en beslist over de B8/3-vergunning.',
    SOURCES.b83,
  ),
  cell(
    T.verblijfsrecht,
    O.politie,
    L.contributes,
    'Biedt de bedenktijd aan bij de geringste aanwijzing.',
    SOURCES.b83,
  ),
  cell(
    T.verblijfsrecht,
    O.zorgcoordinatie,
    L.contributes,
    'Begeleidt de verblijfsprocedure.',
    SOURCES.domain,
  ),
  cell(T.verblijfsrecht, O.nidos, L.contributes, 'Voogd van de AMV in de procedure.', SOURCES.domain, {
    group: G.amv,
  }),
  cell(
    T.verblijfsrecht,
    O.gemeente,
    L.notResponsible,
    'De gemeente beslist niet over verblijfsrecht.',
    SOURCES.b83,
  ),

  // Opsporing
  cell(T.opsporing, O.politie, L.lead, 'Opsporing door AVIM, onder gezag van het OM.', SOURCES.aanwijzingOm),
  cell(
    T.opsporing,
    O.politie,
    L.contributes,
    'Werkt samen met de Arbeidsinspectie, die arbeidsuitbuiting opspoort.',
    SOURCES.aanwijzingOm,
    { form: F.arbeid },
  ),
  cell(
    T.opsporing,
    O.nla,
    L.lead,
    'Opsporing van arbeidsuitbuiting, onder gezag van het OM.',
    SOURCES.aanwijzingOm,
    { form: F.arbeid },
  ),
  cell(T.opsporing, O.om, L.contributes, 'Heeft het gezag over alle opsporing.', SOURCES.aanwijzingOm),
  cell(T.opsporing, O.kmar, L.contributes, 'Geeft signalen door aan de politie.', SOURCES.domain),
  cell(T.opsporing, O.emm, L.contributes, 'Analyse voor de opsporing.', SOURCES.domain),
  cell(
    T.opsporing,
    O.riec,
    L.contributes,
    'Informatieknooppunt; geen executieve bevoegdheden.',
    SOURCES.domain,
  ),
  cell(T.opsporing, O.gemeente, L.notResponsible, 'De gemeente spoort niet op.', SOURCES.vngKader),
  cell(T.opsporing, O.ind, L.notResponsible, 'De IND spoort niet op.', SOURCES.domain),
  cell(T.opsporing, O.comensha, L.notResponsible, 'CoMensha spoort niet op.', SOURCES.comensha),
  cell(
    T.opsporing,
    O.zorgcoordinatie,
    L.notResponsible,
    'De zorgcoördinator spoort niet op.',
    SOURCES.domain,
  ),

  // Vervolging
  cell(T.vervolging, O.om, L.lead, 'Vervolgt mensenhandel.', SOURCES.aanwijzingOm),
  cell(T.vervolging, O.politie, L.contributes, 'Levert het opsporingsonderzoek aan.', SOURCES.aanwijzingOm),
  cell(T.vervolging, O.gemeente, L.notResponsible, 'De gemeente vervolgt niet.', SOURCES.vngKader),

  // Bestuurlijke aanpak
  cell(T.bestuurlijkeAanpak, O.gemeente, L.lead, 'Bibob, APV, vergunningen en handhaving.', SOURCES.vngKader),
  cell(
    T.bestuurlijkeAanpak,
    O.riec,
    L.contributes,
    'Integraal handhavingsadvies; partners voeren de interventies uit met eigen bevoegdheden.',
    SOURCES.samen,
  ),
  cell(
    T.bestuurlijkeAanpak,
    O.politie,
    L.contributes,
    'Levert informatie voor bestuurlijke interventies.',
    SOURCES.domain,
  ),
  cell(
    T.bestuurlijkeAanpak,
    O.om,
    L.notResponsible,
    'Bestuurlijke interventies zijn aan de gemeente.',
    SOURCES.vngKader,
  ),

  // Ketenregie
  cell(
    T.ketenregie,
    O.gemeente,
    L.lead,
    'De ketenregisseur (vaak OOV-medewerker van de centrumgemeente) is spil en aanjager van de regionale keten; geen casemanager.',
    SOURCES.samen,
  ),
  cell(
    T.ketenregie,
    O.zorgcoordinatie,
    L.contributes,
    'Werkt nauw samen met de ketenregisseur.',
    SOURCES.samen,
  ),
  cell(T.ketenregie, O.riec, L.contributes, 'Integrale casusaanpak in RIEC-verband.', SOURCES.samen),
  cell(
    T.ketenregie,
    O.zorgEnVeiligheidshuis,
    L.contributes,
    'Bestaande structuur voor zorg- en veiligheidscasuïstiek.',
    SOURCES.samen,
  ),
  cell(
    T.ketenregie,
    O.comensha,
    L.contributes,
    'Zit het landelijk zorgcoördinatorenoverleg voor.',
    SOURCES.comensha,
  ),
];

/** Stable key of a cell within a matrix (national or one region). */
export function cellKey(cell: {
  task: string;
  organisationType: string;
  exploitationForm: string | null;
  targetGroup: string | null;
}): string {
  return [cell.task, cell.organisationType, cell.exploitationForm ?? '*', cell.targetGroup ?? '*'].join('|');
}
