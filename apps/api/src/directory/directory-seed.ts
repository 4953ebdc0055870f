import { Logger } from '@nestjs/common';
import {
  DirectoryKind,
  ExploitationForm,
  FunctionType,
  OrganisationType,
  RegionTypeCode,
  TargetGroup,
} from '@ketenkaart/shared-domain';
import { randomUUID } from 'node:crypto';
import { EntityManager, ObjectLiteral, EntityTarget } from 'typeorm';
import { DirectoryChangeEntity } from './directory-change.entity';
import { FunctionAssignmentEntity } from './function-assignment.entity';
import { functionSnapshot } from './functions.service';
import { OrganisationEntity } from './organisation.entity';
import { organisationSnapshot } from './organisations.service';
import { PersonEntity } from './person.entity';
import { personSnapshot } from './people.service';

/**
 * DEMO DATA for the directory (issue 3 §8). Organisation types and the region structure are real; every
 * person is fictional by name ("Fenna Fictief") and e-mail (@example.org), phone numbers are in the
 * fictional 06-0000 range. Deterministic, so the same seed gives the same vacancies everywhere.
 */
const FIRST_NAMES = [
  'Anna',
  'Bram',
  'Carla',
  'Daan',
  'Eva',
  'Fenna',
  'Gijs',
  'Hanna',
  'Ivo',
  'Joke',
  'Kees',
  'Lotte',
  'Mees',
  'Noor',
  'Olaf',
  'Pien',
  'Quinten',
  'Roos',
  'Sem',
  'Tess',
  'Ugo',
  'Vera',
  'Wout',
  'Xandra',
  'Yara',
  'Zeno',
];
const LAST_NAMES = [
  'Voorbeeld',
  'Fictief',
  'Demo',
  'Proefmans',
  'Testhuis',
  'Verzonnen',
  'Nepveld',
  'Bedacht',
  'Oefening',
  'Schijnberg',
];

/** Centrumgemeente of each veiligheidsregio; it employs the regional ketenregisseur in the demo. */
const CENTRAL_CITY: Record<string, string> = {
  VR01: 'Groningen',
  VR02: 'Leeuwarden',
  VR03: 'Assen',
  VR04: 'Zwolle',
  VR05: 'Enschede',
  VR06: 'Apeldoorn',
  VR07: 'Arnhem',
  VR08: 'Nijmegen',
  VR09: 'Utrecht',
  VR10: 'Alkmaar',
  VR11: 'Zaanstad',
  VR12: 'Haarlem',
  VR13: 'Amsterdam',
  VR14: 'Hilversum',
  VR15: "'s-Gravenhage",
  VR16: 'Leiden',
  VR17: 'Rotterdam',
  VR18: 'Dordrecht',
  VR19: 'Vlissingen',
  VR20: 'Breda',
  VR21: "'s-Hertogenbosch",
  VR22: 'Eindhoven',
  VR23: 'Venlo',
  VR24: 'Maastricht',
  VR25: 'Almere',
};

const ALL_FORMS: ExploitationForm[] = [
  'seksuele-uitbuiting',
  'arbeidsuitbuiting',
  'criminele-uitbuiting',
  'gedwongen-orgaanverwijdering',
];
const ADULTS: TargetGroup[] = ['nl-adult', 'eu-adult', 'non-eu-adult'];

const NATIONAL: {
  name: string;
  type: OrganisationType;
  description: string;
  website: string;
  phone?: string;
  forms?: ExploitationForm[];
  groups?: TargetGroup[];
}[] = [
  {
    name: 'CoMensha',
    type: 'comensha',
    description:
      'Landelijk Coördinatiecentrum tegen Mensenhandel: registratie, eerste plaatsing (COSM, VO/MO) en coördinatie op afstand.',
    website: 'https://www.comensha.nl',
    phone: '033-448 1186',
  },
  {
    name: 'Immigratie- en Naturalisatiedienst (IND)',
    type: 'ind',
    description: 'Verblijfsrecht: bedenktijd en B8/3-verblijfsvergunning. Niet voor opsporing.',
    website: 'https://ind.nl',
  },
  {
    name: 'Openbaar Ministerie',
    type: 'om',
    description: 'Geeft leiding aan de opsporing en vervolgt.',
    website: 'https://www.om.nl',
  },
  {
    name: 'Nederlandse Arbeidsinspectie',
    type: 'nla',
    description: 'Signalering en opsporing van arbeidsuitbuiting. Meldingen 0800-5151.',
    website: 'https://www.nlarbeidsinspectie.nl',
    phone: '0800-5151',
    forms: ['arbeidsuitbuiting'],
  },
  {
    name: 'Koninklijke Marechaussee',
    type: 'kmar',
    description: 'Signalering aan de grens en op Schiphol; meldt aan bij CoMensha.',
    website: 'https://www.defensie.nl/organisatie/marechaussee',
  },
  {
    name: 'FairWork',
    type: 'fairwork',
    description: 'Ondersteunt slachtoffers van arbeidsuitbuiting en meldt aan bij CoMensha.',
    website: 'https://www.fairwork.nu',
    forms: ['arbeidsuitbuiting', 'criminele-uitbuiting'],
  },
  {
    name: 'Slachtofferhulp Nederland',
    type: 'slachtofferhulp',
    description: 'Praktische, juridische en emotionele hulp aan slachtoffers.',
    website: 'https://www.slachtofferhulp.nl',
    phone: '0900-0101',
  },
  {
    name: 'Centraal Orgaan opvang asielzoekers (COA)',
    type: 'coa',
    description: 'Opvang van asielzoekers, waaronder alleenstaande minderjarige vreemdelingen.',
    website: 'https://www.coa.nl',
    groups: ['non-eu-adult', 'amv'],
  },
  {
    name: 'Nidos',
    type: 'nidos',
    description: 'Voogdij over alleenstaande minderjarige vreemdelingen (AMV).',
    website: 'https://www.nidos.nl',
    groups: ['amv', 'minor'],
  },
  {
    name: 'Categorale Opvang Slachtoffers Mensenhandel (COSM)',
    type: 'cosm',
    description:
      'Opvang van volwassen niet-Nederlandse slachtoffers in de bedenktijd; plaatsing alleen via CoMensha.',
    website: 'https://www.comensha.nl/cosm',
    groups: ['non-eu-adult'],
  },
  {
    name: 'Expertisecentrum Mensenhandel en Mensensmokkel (EMM)',
    type: 'emm',
    description: 'Analyse en informatie-uitwisseling voor opsporing.',
    website: 'https://www.politie.nl',
  },
];

/** A tiny deterministic generator (mulberry32) so the demo is the same on every machine. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface RegionRow {
  id: string;
  type_code: string;
  code: string;
  name: string;
  members: string[];
}

/** Seeds the demo directory once: only when there are no organisations yet. Returns the number of entries. */
export async function seedDirectoryIfEmpty(manager: EntityManager, logger: Logger): Promise<number> {
  const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM organisation');
  if (count > 0) return 0;
  const random = generator(20_260_101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const now = Date.now();
  const monthsAgo = (months: number) => new Date(now - months * 30.4 * 86_400_000);
  /** ~10% stale (14–30 months since a check), the rest checked in the last 11 months. */
  const verification = () =>
    random() < 0.1
      ? {
          lastVerifiedAt: monthsAgo(14 + Math.floor(random() * 16)),
          lastVerifiedBy: 'demo-seed',
          createdAt: monthsAgo(36),
        }
      : {
          lastVerifiedAt: monthsAgo(Math.floor(random() * 11)),
          lastVerifiedBy: 'demo-seed',
          createdAt: monthsAgo(24),
        };

  const regions: RegionRow[] = await manager.query(
    `SELECT r.id, r.type_code, r.code, r.name,
            coalesce((SELECT array_agg(m.municipality_code ORDER BY m.municipality_code) FROM region_membership m
                       WHERE m.region_id = r.id AND m.valid_from <= CURRENT_DATE AND (m.valid_until IS NULL OR m.valid_until > CURRENT_DATE)),
                     '{}')::text[] AS members
       FROM region r WHERE r.valid_until IS NULL OR r.valid_until > CURRENT_DATE ORDER BY r.type_code, r.code`,
  );
  const municipalities: { code: string; name: string }[] = await manager.query(
    `SELECT code, coalesce(display_name, name) AS name FROM municipality WHERE valid_until IS NULL OR valid_until > CURRENT_DATE ORDER BY code`,
  );
  const ofType = (type: string) => regions.filter((region) => region.type_code === type);

  const organisations: Partial<OrganisationEntity>[] = [];
  const people: Partial<PersonEntity>[] = [];
  const functions: Partial<FunctionAssignmentEntity>[] = [];
  const organisation = (fields: Partial<OrganisationEntity> & { name: string; type: OrganisationType }) => {
    const row: Partial<OrganisationEntity> = {
      id: randomUUID(),
      description: null,
      website: null,
      parentId: null,
      contactPoints: [],
      address: null,
      addressConfidential: false,
      national: false,
      municipalityCodes: [],
      regionIds: [],
      exploitationForms: ALL_FORMS,
      targetGroups: [],
      externalKey: null,
      archivedAt: null,
      ...verification(),
      ...fields,
    };
    organisations.push(row);
    return row;
  };
  let personNumber = 0;
  const person = (organisationId: string | null) => {
    personNumber += 1;
    const first = FIRST_NAMES[personNumber % FIRST_NAMES.length];
    const last = pick(LAST_NAMES);
    const row: Partial<PersonEntity> = {
      id: randomUUID(),
      name: `${first} ${last}`,
      workEmail: `${first}.${last}.${personNumber}@example.org`.toLowerCase(),
      workPhone: `06-0000 ${String(personNumber).padStart(4, '0')}`,
      organisationId,
      externalKey: null,
      archivedAt: null,
      ...verification(),
    };
    people.push(row);
    return row;
  };
  const assign = (fields: Partial<FunctionAssignmentEntity> & { functionType: FunctionType }) => {
    const row: Partial<FunctionAssignmentEntity> = {
      id: randomUUID(),
      personId: null,
      organisationId: null,
      regionId: null,
      municipalityCode: null,
      startDate: `${2019 + Math.floor(random() * 6)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`,
      endDate: null,
      hoursPerWeek: String(4 + Math.floor(random() * 7) * 2),
      deputyPersonId: null,
      trainingDate: null,
      opAfstand: false,
      archivedAt: null,
      ...verification(),
      ...fields,
    };
    functions.push(row);
    return row;
  };

  // National organisations.
  const national = new Map<OrganisationType, Partial<OrganisationEntity>>();
  for (const entry of NATIONAL) {
    national.set(
      entry.type,
      organisation({
        name: entry.name,
        type: entry.type,
        description: entry.description,
        website: entry.website,
        national: true,
        exploitationForms: entry.forms ?? ALL_FORMS,
        targetGroups: entry.groups ?? [...ADULTS, 'minor'],
        contactPoints: entry.phone
          ? [{ label: 'Algemeen', phone: entry.phone, email: null, openingHours: 'ma–vr 9:00–17:00' }]
          : [],
      }),
    );
  }
  const comensha = national.get('comensha')!;
  const consulents = [person(comensha.id!), person(comensha.id!), person(comensha.id!)];

  // Every gemeente is an organisation; its aandachtsfunctionaris works there (about 15% vacant).
  const gemeenteOrg = new Map<string, Partial<OrganisationEntity>>();
  for (const municipality of municipalities) {
    gemeenteOrg.set(
      municipality.code,
      organisation({
        name: `Gemeente ${municipality.name}`,
        type: 'gemeente',
        municipalityCodes: [municipality.code],
        targetGroups: [...ADULTS, 'minor'],
        description:
          'Signalering door eigen medewerkers, bestuurlijke aanpak en (via de centrumgemeente) opvang en ondersteuning.',
      }),
    );
    if (random() < 0.15) continue;
    const holder = person(gemeenteOrg.get(municipality.code)!.id!);
    const deputy = random() < 0.3 ? person(gemeenteOrg.get(municipality.code)!.id!) : null;
    assign({
      functionType: 'aandachtsfunctionaris',
      personId: holder.id!,
      organisationId: holder.organisationId!,
      municipalityCode: municipality.code,
      deputyPersonId: deputy?.id ?? null,
      trainingDate:
        random() < 0.65
          ? `${2021 + Math.floor(random() * 4)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`
          : null,
    });
  }

  // Per politie-eenheid: the police unit (AVIM) and the RIEC of the same area, each with a RIEC contact.
  const riecByName = new Map(ofType(RegionTypeCode.riec).map((riec) => [riec.name, riec]));
  for (const unit of ofType(RegionTypeCode.politieEenheid)) {
    organisation({
      name: `Politie eenheid ${unit.name} (AVIM)`,
      type: 'politie',
      regionIds: [unit.id],
      targetGroups: [...ADULTS, 'minor', 'amv'],
      description:
        'Afdeling Vreemdelingenpolitie, Identificatie en Mensenhandel: melding, aangifte, bedenktijd en opsporing.',
      contactPoints: [{ label: 'Meldpunt politie', phone: '0900-8844', email: null, openingHours: '24/7' }],
      website: 'https://www.politie.nl',
    });
    const riecRegion =
      ofType(RegionTypeCode.riec).find(
        (riec) => riec.members.length > 0 && unit.members.every((code) => riec.members.includes(code)),
      ) ?? riecByName.get(`RIEC ${unit.name}`);
    const riec = organisation({
      name: riecRegion?.name ?? `RIEC ${unit.name}`,
      type: 'riec',
      regionIds: [riecRegion?.id ?? unit.id],
      description:
        'Integrale aanpak van ondermijning: advies en coördinatie van interventies die partners met eigen bevoegdheden uitvoeren.',
    });
    const contact = person(riec.id!);
    assign({
      functionType: 'riec-contact',
      personId: contact.id!,
      organisationId: riec.id!,
      regionId: riecRegion?.id ?? unit.id,
    });
  }

  // Per veiligheidsregio: ketenregisseur (or vacant), zorgcoördinatie, opvang, Veilig Thuis and the ZVH.
  let vrIndex = 0;
  for (const vr of ofType(RegionTypeCode.veiligheidsregio)) {
    vrIndex += 1;
    const central =
      municipalities.find((m) => m.name === CENTRAL_CITY[vr.code] && vr.members.includes(m.code)) ??
      municipalities.find((m) => vr.members.includes(m.code));
    const centralOrg = central ? gemeenteOrg.get(central.code)! : null;
    if (vrIndex % 7 !== 4) {
      const regisseur = person(centralOrg?.id ?? null);
      assign({
        functionType: 'ketenregisseur',
        personId: regisseur.id!,
        organisationId: centralOrg?.id ?? null,
        regionId: vr.id,
        hoursPerWeek: '24',
      });
    }
    const zorg = organisation({
      name: `Zorgcoördinatie Mensenhandel ${vr.name}`,
      type: 'zorgcoordinatie',
      regionIds: [vr.id],
      targetGroups: [...ADULTS, 'minor'],
      description:
        'Coördineert opvang, zorg en procedures van slachtoffers in de regio; meldt aan bij CoMensha met schriftelijke toestemming.',
      contactPoints: [
        {
          label: 'Zorgcoördinatie',
          phone: `06-0000 9${String(vrIndex).padStart(3, '0')}`,
          email: `zorgcoordinatie.${vr.code.toLowerCase()}@example.org`,
          openingHours: 'ma–vr 9:00–17:00',
        },
      ],
    });
    if (vrIndex % 5 === 2) {
      // No regional zorgcoördinator: CoMensha coordinates op afstand.
      assign({
        functionType: 'zorgcoordinator',
        organisationId: comensha.id!,
        regionId: vr.id,
        opAfstand: true,
        hoursPerWeek: null,
      });
    } else if (vrIndex % 11 !== 6) {
      const coordinator = person(zorg.id!);
      assign({
        functionType: 'zorgcoordinator',
        personId: coordinator.id!,
        organisationId: zorg.id!,
        regionId: vr.id,
      });
    }
    const confidential = vr.code === 'VR13';
    organisation({
      name: confidential
        ? 'Beschermde Opvang De Vuurtoren (fictief)'
        : `Vrouwen- en maatschappelijke opvang ${vr.name}`,
      type: 'opvang',
      regionIds: [vr.id],
      targetGroups: ['nl-adult', 'eu-adult'],
      description: 'Opvang voor Nederlandse en EU-volwassenen (VO/MO), via de centrumgemeente.',
      address: confidential ? 'Fictieve Schuilstraat 1, 1000 AA Amsterdam' : null,
      addressConfidential: confidential,
      contactPoints: [
        {
          label: 'Aanmelding (voordeur)',
          phone: `06-0000 8${String(vrIndex).padStart(3, '0')}`,
          email: `opvang.${vr.code.toLowerCase()}@example.org`,
          openingHours: '24/7',
        },
      ],
    });
    organisation({
      name: `Veilig Thuis ${vr.name}`,
      type: 'veilig-thuis',
      regionIds: [vr.id],
      targetGroups: ['minor', 'nl-adult'],
      description:
        'Advies- en meldpunt huiselijk geweld en kindermishandeling; meldcode-route voor minderjarigen.',
      contactPoints: [{ label: 'Advies en melding', phone: '0800-2000', email: null, openingHours: '24/7' }],
    });
    const zvh = organisation({
      name: `Zorg- en Veiligheidshuis ${vr.name}`,
      type: 'zorg-en-veiligheidshuis',
      regionIds: [vr.id],
      description: 'Procesregie op complexe casuïstiek op het snijvlak van zorg en veiligheid.',
    });
    if (vrIndex % 2 === 1) {
      const regisseur = person(zvh.id!);
      assign({
        functionType: 'zvh-procesregisseur',
        personId: regisseur.id!,
        organisationId: zvh.id!,
        regionId: vr.id,
      });
    }
  }

  // Demo ketenregie regions get their own ketenregisseur (one stays vacant); CoMensha consulents per politie-eenheid.
  ofType(RegionTypeCode.ketenregie).forEach((region, index) => {
    if (index === 1) return;
    const regisseur = person(null);
    assign({
      functionType: 'ketenregisseur',
      personId: regisseur.id!,
      regionId: region.id,
      hoursPerWeek: '32',
    });
  });
  ofType(RegionTypeCode.politieEenheid).forEach((unit, index) => {
    const consulent = consulents[index % consulents.length];
    assign({
      functionType: 'comensha-consulent',
      personId: consulent.id!,
      organisationId: comensha.id!,
      regionId: unit.id,
    });
  });

  await insertChunks(manager, OrganisationEntity, organisations);
  await insertChunks(manager, PersonEntity, people);
  await insertChunks(manager, FunctionAssignmentEntity, functions);
  const created = (kind: DirectoryKind, id: string, snapshot: Record<string, unknown>) => ({
    entityKind: kind,
    entityId: id,
    version: 1,
    action: 'created' as const,
    changedBy: 'demo-seed',
    changes: [],
    snapshot,
  });
  await insertChunks(manager, DirectoryChangeEntity, [
    ...organisations.map((o) =>
      created('organisation', o.id!, organisationSnapshot(o as OrganisationEntity)),
    ),
    ...people.map((p) => created('person', p.id!, personSnapshot(p as PersonEntity))),
    ...functions.map((f) => created('function', f.id!, functionSnapshot(f as FunctionAssignmentEntity))),
  ] as never[]);
  logger.log(
    `demo directory: ${organisations.length} organisations, ${people.length} people, ${functions.length} functions`,
  );
  return organisations.length + people.length + functions.length;
}

async function insertChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: Partial<T>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 400) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(start, start + 400) as never)
      .updateEntity(false)
      .execute();
  }
}
