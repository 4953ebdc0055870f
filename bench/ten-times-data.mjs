// The 10× data set of the benchmarks (issue 3 "Performance", issue 8 point 6): ≥ 20,000 organisations, 50,000 people
// and 50,000 function assignments with Dutch-looking names by type and gemeente, filled into a database that the API
// has migrated and seeded, plus the directory workload built from that data. Shared by bench/directory.mjs and
// bench/load-mixed.mjs; deterministic for a given seed. Ten times the organisations and people, but not ten times the
// posts: a region still has one or two ketenregisseurs and a gemeente one to three aandachtsfunctionarissen, so the
// function assignments are mostly history (see "Function assignments" below).
import { randomUUID } from 'node:crypto';

const API = '/api/v1';

/** Deterministic PRNG (mulberry32), so two runs fill the same data and send the same requests. */
export function prng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const rng = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    weighted(table) {
      let roll = next() * table.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [value, weight] of table) if ((roll -= weight) < 0) return value;
      return table[table.length - 1][0];
    },
    subset(list, min = 1) {
      const chosen = list.filter(() => next() < 0.5);
      while (chosen.length < min) {
        const extra = rng.pick(list);
        if (!chosen.includes(extra)) chosen.push(extra);
      }
      return chosen;
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------------------------- 10× data
const WORDS = [
  'De Linde',
  'Het Anker',
  'Perspectief',
  'Kompas',
  'Horizon',
  'De Brug',
  'Het Baken',
  'De Haven',
  'Nieuw Begin',
  'Zonnehuis',
  'De Waakvlam',
  'Lichtpunt',
  'De Steiger',
  'Het Veer',
  'De Boei',
  'Vuurtoren',
  'Toevlucht',
  'De Schakel',
  'Samen Sterk',
  'Open Deur',
  'De Kering',
  'Het Dak',
  'Vaste Grond',
  'De Oever',
  'Koers',
  'Wegwijzer',
  'De Meander',
  'Eilandhuis',
  'Het Kruispunt',
  'De Vlinder',
  'Morgenrood',
  'De Eik',
  'Veldzicht',
  'Het Kompas',
  'Rozenhof',
  'De Wending',
  'Houvast',
  'Tussenstap',
  'De Overkant',
  'Zeeweg',
];
const WIJKEN = [
  'Noord',
  'Oost',
  'Zuid',
  'West',
  'Centrum',
  'Stad',
  'Buitengebied',
  'Haven',
  'Oude Wijken',
  'Nieuw-West',
];
const STREETS = [
  'Kerkstraat',
  'Stationsweg',
  'Dorpsstraat',
  'Molenweg',
  'Schoolstraat',
  'Julianalaan',
  'Marktplein',
  'Nieuwe Gracht',
  'Havenkade',
  'Parkweg',
];
const DEPARTMENTS = [
  'Wijkteam',
  'Sociaal Domein',
  'Team Zorg en Veiligheid',
  'Jeugd en Gezin',
  'Wmo-loket',
  'Team Handhaving',
  'Meldpunt Zorg en Overlast',
];
export const FORMS = [
  'seksuele-uitbuiting',
  'arbeidsuitbuiting',
  'criminele-uitbuiting',
  'gedwongen-orgaanverwijdering',
];
const FORM_WORDS = {
  'seksuele-uitbuiting': 'seksuele uitbuiting',
  arbeidsuitbuiting: 'arbeidsuitbuiting',
  'criminele-uitbuiting': 'criminele uitbuiting',
  'gedwongen-orgaanverwijdering': 'gedwongen orgaanverwijdering',
};
export const GROUPS = ['nl-adult', 'eu-adult', 'non-eu-adult', 'minor', 'amv'];
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
  'Vera',
  'Wout',
  'Yara',
  'Zeno',
  'Sanne',
  'Thijs',
  'Femke',
  'Jeroen',
  'Marloes',
  'Ruben',
  'Ilse',
  'Bas',
  'Mirjam',
  'Koen',
  'Esther',
  'Niels',
  'Inge',
  'Pieter',
  'Fatima',
  'Mohamed',
  'Yusuf',
  'Aylin',
  'Priya',
  'Rajesh',
  'Shanti',
  'Kofi',
  'Ama',
  'Agnieszka',
  'Tomasz',
  'Maartje',
  'Sjoerd',
  'Anouk',
  'Lars',
  'Marieke',
  'Wim',
  'Gerda',
  'Hendrik',
  'Ineke',
  'Jasper',
  'Lieke',
];
const PREFIXES = ['', '', '', '', 'de ', 'van ', 'van der ', 'van den ', 'ten ', 'el ', 'ter '];
const LAST_NAMES = [
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'Mulder',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Dekker',
  'Brouwer',
  'Dijkstra',
  'Kok',
  'Jacobs',
  'Vermeulen',
  'Willems',
  'Hoekstra',
  'Koster',
  'Prins',
  'Postma',
  'Kuipers',
  'Veenstra',
  'Kramer',
  'Schouten',
  'Zwart',
  'Wijngaard',
  'Huisman',
  'Bosman',
  'Verhoeven',
  'Groot',
  'Berg',
  'Heuvel',
  'Wal',
  'Linden',
  'Vries',
  'Leeuwen',
  'Dam',
  'Hoek',
  'Brink',
  'Amrani',
  'Yilmaz',
  'Kaya',
  'Boateng',
  'Ramdin',
  'Soekhai',
  'Nowak',
  'Kowalski',
  'Haddou',
  'Bouzid',
];
// [type, weight, name(place, word, rng), description(place, forms)] — weights give a 10× directory dominated by
// care and shelter organisations and local teams, with few national bodies.
const ORGANISATION_KINDS = [
  [
    'opvang',
    16,
    (p, w, r) => `${r.pick(['Vrouwenopvang', 'Opvang', 'Stichting', 'Huize', 'Blijf-huis'])} ${w} ${p}`,
    (p, f) => `Opvang en begeleiding van slachtoffers van ${f} in ${p} en omgeving; adres op aanvraag.`,
  ],
  [
    'jeugdzorg',
    12,
    (p, w, r) => `${r.pick(['Jeugdzorg', 'Jeugdhulp', 'Stichting Jeugdzorg'])} ${w} ${p}`,
    (p, f) =>
      `Jeugdhulp en gesloten jeugdzorg voor minderjarigen in ${p}, ook bij ${f} en loverboyproblematiek.`,
  ],
  [
    'ngo',
    14,
    (p, w, r) => `${r.pick(['Stichting', 'Vereniging', 'Steunpunt', 'Inloophuis'])} ${w} ${p}`,
    (p, f) =>
      `Maatschappelijke organisatie in ${p}: signalering van ${f}, inloop, taalhulp en juridisch advies.`,
  ],
  [
    'gemeente',
    12,
    (p, _w, r) => `Gemeente ${p} ${r.pick(DEPARTMENTS)} ${r.pick(WIJKEN)}`,
    (p, f) => `Team van de gemeente ${p}; aanspreekpunt voor signalen van ${f} in de wijk.`,
  ],
  [
    'politie',
    8,
    (p, _w, r) => `Politie basisteam ${p}${r.chance(0.4) ? ` ${r.pick(WIJKEN)}` : ''}`,
    (p, f) => `Basisteam van de politie in ${p}; signaleert ${f} en verwijst naar de AVIM.`,
  ],
  [
    'zorgcoordinatie',
    5,
    (p, w) => `Zorgcoördinatie Mensenhandel ${p} (${w})`,
    (p, f) => `Zorgcoördinatie voor slachtoffers van ${f}: plaatsing, zorg en begeleiding in de regio ${p}.`,
  ],
  [
    'veilig-thuis',
    4,
    (p, _w, r) => `Veilig Thuis ${p} locatie ${r.pick(WIJKEN)}`,
    (p, f) => `Advies- en meldpunt huiselijk geweld en kindermishandeling in ${p}; ook bij ${f}.`,
  ],
  [
    'slachtofferhulp',
    5,
    (p) => `Slachtofferhulp Nederland team ${p}`,
    (p, f) => `Praktische, juridische en emotionele hulp aan slachtoffers in ${p}, waaronder van ${f}.`,
  ],
  [
    'zorg-en-veiligheidshuis',
    3,
    (p, w) => `Zorg- en Veiligheidshuis ${p} ${w}`,
    (p, f) => `Netwerkorganisatie van zorg en veiligheid in ${p}; casusoverleg bij ${f}.`,
  ],
  ['coa', 4, (p) => `COA locatie ${p}`, (p, f) => `Azc in ${p}; signaleert ${f} onder bewoners.`],
  [
    'nidos',
    2,
    (p) => `Nidos regio ${p}`,
    (p) => `Voogdij over alleenstaande minderjarige vreemdelingen in ${p}.`,
  ],
  [
    'riec',
    2,
    (p) => `RIEC ${p}`,
    (p, f) => `Regionaal informatie- en expertisecentrum ${p}: bestuurlijke aanpak van ${f}.`,
  ],
  [
    'kmar',
    2,
    (p) => `Koninklijke Marechaussee brigade ${p}`,
    (p, f) => `Brigade ${p}; grenstoezicht en signalering van ${f}.`,
  ],
  ['om', 2, (p) => `Openbaar Ministerie parket ${p}`, (p, f) => `Parket ${p}: vervolging van ${f}.`],
  ['ind', 2, (p) => `IND-loket ${p}`, (p) => `Loket van de IND in ${p}: bedenktijd en verblijf.`],
  [
    'fairwork',
    1,
    (p) => `FairWork steunpunt ${p}`,
    (p, f) => `Steunpunt in ${p} voor slachtoffers van ${f}.`,
  ],
  [
    'cosm',
    1,
    (p, w) => `COSM-locatie ${w} ${p}`,
    (p, f) => `Categorale opvang slachtoffers mensenhandel in ${p} (${f}).`,
  ],
  [
    'nla',
    2,
    (p) => `Nederlandse Arbeidsinspectie team ${p}`,
    (p, f) => `Inspectieteam ${p}; opsporing van ${f}.`,
  ],
  [
    'emm',
    1,
    (p) => `EMM-aanspreekpunt ${p}`,
    (p, f) => `Informatiepunt ${p} van het Expertisecentrum, ${f}.`,
  ],
  [
    'comensha',
    1,
    (p) => `CoMensha regiokantoor ${p}`,
    (p, f) => `Regiokantoor ${p}: registratie en coördinatie bij ${f}.`,
  ],
];
const isoDate = (date) => date.toISOString().slice(0, 10);

/** Inserts rows (plain objects) through jsonb_to_recordset, `batch` rows a statement. */
async function insertRows(client, table, columns, rows, batch = 2_000) {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const definition = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  for (let index = 0; index < rows.length; index += batch) {
    await client.query(
      `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${definition})`,
      [JSON.stringify(rows.slice(index, index + batch))],
    );
  }
}

/** Fills up to `size` ({ organisations, people, functions }) and ANALYZEs; returns counts and the rows made. */
export async function fill(client, rng, size) {
  const regions = (
    await client.query(
      `SELECT r.id, r.type_code AS "typeCode", r.name,
              coalesce(array_agg(m.municipality_code) FILTER (WHERE m.municipality_code IS NOT NULL), '{}') AS members
         FROM region r LEFT JOIN region_membership m ON m.region_id = r.id
              AND m.valid_from <= CURRENT_DATE AND (m.valid_until IS NULL OR m.valid_until > CURRENT_DATE)
        WHERE r.valid_until IS NULL OR r.valid_until > CURRENT_DATE GROUP BY r.id`,
    )
  ).rows;
  const municipalities = (
    await client.query(
      `SELECT code, coalesce(display_name, name) AS name FROM municipality
        WHERE valid_until IS NULL OR valid_until > CURRENT_DATE ORDER BY code`,
    )
  ).rows;
  const vrs = regions.filter((region) => region.typeCode === 'veiligheidsregio' && region.members.length > 0);
  const vrOf = new Map();
  for (const vr of vrs) for (const code of vr.members) vrOf.set(code, vr);
  const regionsOfType = (type) =>
    regions.filter((region) => region.typeCode === type && region.members.length > 0);
  const [{ count: existingOrganisations }] = (
    await client.query('SELECT count(*)::int AS count FROM organisation')
  ).rows;
  const [{ count: existingPeople }] = (await client.query('SELECT count(*)::int AS count FROM person')).rows;
  const [{ count: existingFunctions }] = (
    await client.query('SELECT count(*)::int AS count FROM function_assignment')
  ).rows;
  const [{ id: comenshaId } = {}] = (
    await client.query(`SELECT id FROM organisation WHERE type = 'comensha' LIMIT 1`)
  ).rows;

  const now = Date.now();
  const daysAgo = (days) => new Date(now - days * 86_400_000).toISOString();
  const upkeep = () => {
    const created = 60 + rng.int(2_000);
    return {
      created_at: daysAgo(created),
      updated_at: daysAgo(rng.int(60)),
      // ~12% stale (not verified for over a year), some never verified.
      last_verified_at: rng.chance(0.05)
        ? null
        : daysAgo(rng.chance(0.12) ? 400 + rng.int(600) : rng.int(330)),
      last_verified_by: 'bench',
      version: 1,
    };
  };

  // Organisations.
  const organisations = [];
  const kindTable = ORGANISATION_KINDS.map((kind) => [kind, kind[1]]);
  const toAdd = Math.max(0, size.organisations - existingOrganisations);
  for (let index = 0; index < toAdd; index += 1) {
    const [type, , nameOf, describe] = rng.weighted(kindTable);
    const home = rng.pick(municipalities);
    const vr = vrOf.get(home.code);
    const forms = rng.subset(FORMS);
    const national = rng.chance(0.0005); // ~10: national bodies are few (CoMensha, IND, OM, KMar, …)
    let municipalityCodes = [home.code];
    let regionIds = [];
    if (national) municipalityCodes = [];
    else if (vr && rng.chance(0.25)) {
      municipalityCodes = [];
      regionIds = [vr.id];
    } else if (vr) {
      for (let extra = rng.int(5); extra > 0; extra -= 1) municipalityCodes.push(rng.pick(vr.members));
      municipalityCodes = [...new Set(municipalityCodes)];
    }
    const sameType = organisations.length > 0 && rng.chance(0.08) ? rng.pick(organisations) : null;
    const id = randomUUID();
    organisations.push({
      id,
      name: nameOf(home.name, rng.pick(WORDS), rng),
      type,
      description: rng.chance(0.9)
        ? describe(home.name, forms.map((form) => FORM_WORDS[form]).join(' en '))
        : null,
      website: rng.chance(0.7) ? `https://www.example.org/${type}/${index}` : null,
      parent_id: sameType?.id ?? null,
      contact_points: [
        {
          label: rng.pick(['Algemeen', 'Aanmelding', 'Meldpunt', 'Spoed']),
          phone: `06-0000 ${String(index % 10_000).padStart(4, '0')}`,
          email: `info.${index}@example.org`,
          openingHours: rng.pick(['ma–vr 9:00–17:00', '24/7', 'ma–do 8:30–16:30']),
        },
      ],
      address: `${rng.pick(STREETS)} ${1 + rng.int(200)}, ${home.name}`,
      address_confidential: type === 'opvang' ? rng.chance(0.6) : type === 'cosm',
      national,
      municipality_codes: municipalityCodes,
      region_ids: regionIds,
      exploitation_forms: forms,
      target_groups: rng.subset(GROUPS),
      external_key: `bench-org-${index}`,
      archived_at: rng.chance(0.03) ? daysAgo(rng.int(300)) : null,
      ...upkeep(),
    });
  }
  await insertRows(
    client,
    'organisation',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['type', 'text'],
      ['description', 'text'],
      ['website', 'text'],
      ['parent_id', 'uuid'],
      ['contact_points', 'jsonb'],
      ['address', 'text'],
      ['address_confidential', 'boolean'],
      ['national', 'boolean'],
      ['municipality_codes', 'text[]'],
      ['region_ids', 'uuid[]'],
      ['exploitation_forms', 'text[]'],
      ['target_groups', 'text[]'],
      ['external_key', 'text'],
      ['last_verified_at', 'timestamptz'],
      ['last_verified_by', 'text'],
      ['archived_at', 'timestamptz'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    organisations,
  );

  // People: work contact details only, fictional (example.org, 06-0000 range).
  const employers = organisations.filter(
    (organisation) => !organisation.national && !organisation.archived_at,
  );
  const people = [];
  const peopleToAdd = Math.max(0, size.people - existingPeople);
  for (let index = 0; index < peopleToAdd; index += 1) {
    const first = rng.pick(FIRST_NAMES);
    const prefix = rng.pick(PREFIXES);
    const last = rng.pick(LAST_NAMES);
    const mail = `${first}.${prefix}${last}`.toLowerCase().replace(/\s+/g, '');
    people.push({
      id: randomUUID(),
      name: `${first} ${prefix}${last}`,
      work_email: rng.chance(0.9) ? `${mail}.${index}@example.org` : null,
      work_phone: rng.chance(0.8) ? `06-0000 ${String(index % 10_000).padStart(4, '0')}` : null,
      organisation_id: employers.length > 0 && rng.chance(0.95) ? rng.pick(employers).id : null,
      external_key: `bench-person-${index}`,
      archived_at: rng.chance(0.03) ? daysAgo(rng.int(300)) : null,
      ...upkeep(),
    });
  }
  await insertRows(
    client,
    'person',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['work_email', 'text'],
      ['work_phone', 'text'],
      ['organisation_id', 'uuid'],
      ['external_key', 'text'],
      ['last_verified_at', 'timestamptz'],
      ['last_verified_by', 'text'],
      ['archived_at', 'timestamptz'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    people,
  );

  // Function assignments, spread as in reality: a handful of current holders per post (ketenregisseur 1–2 per
  // veiligheidsregio, a few zorgcoördinatoren and ZVH-procesregisseurs per veiligheidsregio, a few contacts per RIEC
  // region, 1–3 aandachtsfunctionarissen per gemeente, a few gemeenten vacant), topped up from what the demo seed
  // holds. The bulk is history: ended assignments at those posts (predecessors, waarnemers, co-holders) over the last
  // twelve years, also in gemeenten and regions that no longer exist, plus archived (withdrawn) entries and a few
  // successors who start later. Search and the region page show only current functions, so the history costs them
  // rows to skip, never rows to show.
  const functions = [];
  const functionsToAdd = Math.max(0, size.functions - existingFunctions);
  const current = (
    await client.query(
      `SELECT f.function_type AS type, coalesce(f.region_id::text, f.municipality_code) AS scope, count(*)::int AS count
         FROM function_assignment f
        WHERE f.archived_at IS NULL AND f.start_date <= CURRENT_DATE AND (f.end_date IS NULL OR f.end_date > CURRENT_DATE)
        GROUP BY 1, 2`,
    )
  ).rows;
  const heldNow = new Map(current.map((row) => [`${row.type}|${row.scope}`, row.count]));
  const pastMunicipalities = (
    await client.query(
      `SELECT code FROM municipality WHERE valid_until IS NOT NULL AND valid_until <= CURRENT_DATE ORDER BY code`,
    )
  ).rows.map((row) => row.code);
  const pastRegions = (
    await client.query(
      `SELECT id FROM region WHERE valid_until IS NOT NULL AND valid_until <= CURRENT_DATE ORDER BY id`,
    )
  ).rows.map((row) => row.id);

  // Who can hold a post: people of an organisation of the right type in its area, else anyone in the area, else
  // anyone. Current holders are never archived people; former holders may be (they left the field).
  const organisationById = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  const peopleByCode = new Map();
  const peopleByRegion = new Map();
  for (const person of people) {
    const employer = organisationById.get(person.organisation_id);
    if (!employer) continue;
    for (const code of employer.municipality_codes) {
      if (!peopleByCode.has(code)) peopleByCode.set(code, []);
      peopleByCode.get(code).push(person);
    }
    for (const regionId of employer.region_ids) {
      if (!peopleByRegion.has(regionId)) peopleByRegion.set(regionId, []);
      peopleByRegion.get(regionId).push(person);
    }
  }
  const EMPLOYER_TYPE = {
    aandachtsfunctionaris: 'gemeente',
    ketenregisseur: 'gemeente',
    zorgcoordinator: 'zorgcoordinatie',
    'riec-contact': 'riec',
    'zvh-procesregisseur': 'zorg-en-veiligheidshuis',
    'comensha-consulent': 'comensha',
  };
  const poolCache = new Map();
  /** [preferred, fallback] candidate lists for a post, both without archived people. */
  const poolOf = (post) => {
    const key = `${post.type}|${post.scope}`;
    if (poolCache.has(key)) return poolCache.get(key);
    const area =
      post.municipalityCode !== null
        ? (peopleByCode.get(post.municipalityCode) ?? [])
        : [
            ...(peopleByRegion.get(post.regionId) ?? []),
            ...post.members.flatMap((code) => peopleByCode.get(code) ?? []),
          ];
    const living = area.filter((person) => !person.archived_at);
    const preferred = living.filter(
      (person) => organisationById.get(person.organisation_id)?.type === EMPLOYER_TYPE[post.type],
    );
    const pool = [preferred, living];
    poolCache.set(key, pool);
    return pool;
  };
  const everyone = people.filter((person) => !person.archived_at);
  const pickHolder = (post, former) => {
    if (former && rng.chance(0.1)) return rng.pick(people); // may have left since (archived)
    const [preferred, living] = poolOf(post);
    if (preferred.length > 0 && rng.chance(0.8)) return rng.pick(preferred);
    if (living.length > 0 && rng.chance(0.9)) return rng.pick(living);
    return rng.pick(everyone);
  };

  // The posts: [function, scope, how many hold it today].
  const posts = [];
  const post = (type, scope, target) => {
    const existing = heldNow.get(`${type}|${scope.regionId ?? scope.municipalityCode}`) ?? 0;
    posts.push({
      type,
      regionId: scope.regionId ?? null,
      municipalityCode: scope.municipalityCode ?? null,
      scope: scope.regionId ?? scope.municipalityCode,
      members: scope.members ?? [],
      add: Math.max(0, target - existing),
    });
  };
  const few = () =>
    rng.weighted([
      [2, 40],
      [3, 40],
      [4, 20],
    ]);
  for (const municipality of municipalities) {
    const vacantInSeed = !heldNow.has(`aandachtsfunctionaris|${municipality.code}`);
    const target =
      vacantInSeed && rng.chance(0.3)
        ? 0
        : rng.weighted([
            [1, 55],
            [2, 30],
            [3, 15],
          ]);
    post('aandachtsfunctionaris', { municipalityCode: municipality.code }, target);
  }
  for (const vr of vrs) {
    post('ketenregisseur', { regionId: vr.id, members: vr.members }, rng.chance(0.3) ? 2 : 1);
    post('zorgcoordinator', { regionId: vr.id, members: vr.members }, few());
    post('zvh-procesregisseur', { regionId: vr.id, members: vr.members }, few());
  }
  for (const region of regionsOfType('ketenregie'))
    post('ketenregisseur', { regionId: region.id, members: region.members }, 1);
  for (const region of regionsOfType('riec'))
    post('riec-contact', { regionId: region.id, members: region.members }, few());
  for (const region of regionsOfType('politie-eenheid'))
    post('comensha-consulent', { regionId: region.id, members: region.members }, 1);
  // Posts that no longer exist (merged gemeenten, ended regions): history only.
  const formerPosts = [
    ...pastMunicipalities.map((code) => ({
      type: 'aandachtsfunctionaris',
      regionId: null,
      municipalityCode: code,
      scope: code,
      members: [code],
      add: 0,
    })),
    ...pastRegions.map((id) => ({
      type: rng.pick(['ketenregisseur', 'zorgcoordinator', 'zvh-procesregisseur']),
      regionId: id,
      municipalityCode: null,
      scope: id,
      members: [],
      add: 0,
    })),
  ];

  const hours = (type) =>
    (type === 'aandachtsfunctionaris'
      ? 2 + rng.int(11)
      : type === 'ketenregisseur'
        ? 16 + rng.int(21)
        : 8 + rng.int(29)
    ).toFixed(1);
  const assignment = (target, { holder, startDaysAgo, endDaysAgo, archived = false, opAfstand = false }) => {
    const training =
      target.type === 'aandachtsfunctionaris' && rng.chance(0.6)
        ? Math.max(endDaysAgo ?? 0, startDaysAgo - 365 + rng.int(730))
        : null;
    functions.push({
      id: randomUUID(),
      function_type: target.type,
      person_id: opAfstand ? null : holder.id,
      organisation_id: opAfstand ? comenshaId : (holder.organisation_id ?? null),
      region_id: target.regionId,
      municipality_code: target.municipalityCode,
      start_date: isoDate(new Date(now - startDaysAgo * 86_400_000)),
      end_date: endDaysAgo === null ? null : isoDate(new Date(now - endDaysAgo * 86_400_000)),
      hours_per_week: opAfstand ? null : hours(target.type),
      deputy_person_id: !opAfstand && rng.chance(0.2) ? pickHolder(target, endDaysAgo !== null).id : null,
      training_date: training === null ? null : isoDate(new Date(now - training * 86_400_000)),
      op_afstand: opAfstand,
      archived_at: archived ? daysAgo(rng.int(300)) : null,
      ...upkeep(),
    });
  };
  // Today's holders.
  for (const target of posts)
    for (let seat = 0; seat < target.add && functions.length < functionsToAdd; seat += 1)
      assignment(target, {
        holder: pickHolder(target, false),
        startDaysAgo: 30 + rng.int(2_500),
        endDaysAgo: null,
      });
  // History, withdrawn entries and successors, spread over all posts (some with more turnover than others).
  const allPosts = [...posts, ...formerPosts];
  const turnover = allPosts.map((target) => [target, 1 + rng.int(4)]);
  while (functions.length < functionsToAdd && allPosts.length > 0) {
    const target = rng.weighted(turnover);
    const roll = rng.next();
    const opAfstand = target.type !== 'aandachtsfunctionaris' && Boolean(comenshaId) && rng.chance(0.02);
    if (roll < 0.005 && posts.includes(target)) {
      // A successor who starts within the next months.
      assignment(target, {
        holder: pickHolder(target, false),
        startDaysAgo: -(7 + rng.int(120)),
        endDaysAgo: null,
      });
    } else if (roll < 0.03) {
      // Withdrawn (archived): entered by mistake or a duplicate.
      const startDaysAgo = 30 + rng.int(4_000);
      assignment(target, {
        holder: pickHolder(target, true),
        startDaysAgo,
        endDaysAgo: rng.chance(0.5) ? null : Math.max(0, startDaysAgo - 30 - rng.int(900)),
        archived: true,
        opAfstand,
      });
    } else {
      // Ended: held for two weeks (cover) to three years, within the last twelve years.
      const startDaysAgo = 60 + rng.int(4_320);
      const length = rng.chance(0.4) ? 14 + rng.int(180) : 180 + rng.int(900);
      assignment(target, {
        holder: pickHolder(target, true),
        startDaysAgo,
        endDaysAgo: Math.max(1, startDaysAgo - length),
        opAfstand,
      });
    }
  }
  // An end date must not precede the start (ck_function_assignment_period).
  for (const row of functions)
    if (row.end_date && row.end_date < row.start_date) row.end_date = row.start_date;
  await insertRows(
    client,
    'function_assignment',
    [
      ['id', 'uuid'],
      ['function_type', 'text'],
      ['person_id', 'uuid'],
      ['organisation_id', 'uuid'],
      ['region_id', 'uuid'],
      ['municipality_code', 'text'],
      ['start_date', 'date'],
      ['end_date', 'date'],
      ['hours_per_week', 'numeric'],
      ['deputy_person_id', 'uuid'],
      ['training_date', 'date'],
      ['op_afstand', 'boolean'],
      ['last_verified_at', 'timestamptz'],
      ['last_verified_by', 'text'],
      ['archived_at', 'timestamptz'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    functions,
  );
  await client.query('VACUUM ANALYZE organisation');
  await client.query('VACUUM ANALYZE person');
  await client.query('VACUUM ANALYZE function_assignment');
  const counts = (
    await client.query(`SELECT (SELECT count(*)::int FROM organisation) AS organisations,
                               (SELECT count(*)::int FROM person) AS people,
                               (SELECT count(*)::int FROM function_assignment) AS functions,
                               (SELECT count(*)::int FROM function_assignment f WHERE f.archived_at IS NULL
                                   AND f.start_date <= CURRENT_DATE AND (f.end_date IS NULL OR f.end_date > CURRENT_DATE)) AS "currentFunctions"`)
  ).rows[0];
  return { counts, municipalities, regions, vrs, organisations, people };
}

// ---------------------------------------------------------------------------------------------- workload
/** A typo as people make them: a dropped, doubled or swapped letter. */
function typo(word, rng) {
  if (word.length < 5) return word;
  const at = 1 + rng.int(word.length - 3);
  switch (rng.int(3)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
}

export function buildWorkload(data, rng) {
  const places = data.municipalities.map((m) => m.name).filter((name) => /^[A-Za-z -]+$/.test(name));
  const orgWords = data.organisations.map((o) => o.name.split(' ').slice(0, 2).join(' '));
  const search = [];
  const fixed = [
    'politie',
    'polite',
    'poltie amsterdam',
    'amstrdam',
    'Veilig Thuis',
    'zorgcoördinatie',
    'zorgcoordinatie',
    'ketenregisseur',
    'aandachtsfunctionaris',
    'vrouwenopvang',
    'opvang',
    'jeugdzorg',
    'Slachtofferhulp',
    'RIEC',
    'CoMensha',
    'comensa',
    'arbeidsuitbuiting',
    'criminele uitbuiting',
    'Nidos',
    'COA',
    'marechaussee',
    'arbeidsinspectie',
    'FairWork',
    'gemeente',
    'wijkteam',
    'het anker',
    'de brug',
    'perspectief',
  ];
  for (let index = 0; index < 400; index += 1) {
    const place = rng.pick(places);
    const form = rng.int(10);
    let q;
    if (form === 0) q = rng.pick(fixed);
    else if (form === 1) q = typo(place, rng).toLowerCase();
    else if (form === 2)
      q = `${rng.pick(['politie', 'opvang', 'jeugdzorg', 'gemeente', 'veilig thuis', 'zorgcoördinatie'])} ${place}`;
    else if (form === 3) q = `${rng.pick(['politie', 'gemente', 'jeugdzrog', 'opvang'])} ${typo(place, rng)}`;
    else if (form === 4) q = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    else if (form === 5) q = typo(rng.pick(LAST_NAMES), rng);
    else if (form === 6)
      q = `${rng.pick(['ketenregisseur', 'aandachtsfunctionaris', 'zorgcoördinator', 'RIEC-contact'])} ${place}`;
    else if (form === 7) q = rng.pick(orgWords);
    else if (form === 8) q = typo(rng.pick(WORDS), rng);
    else q = place;
    const paging = rng.chance(0.2) ? '&page=2&pageSize=20' : rng.chance(0.5) ? '&pageSize=20' : '';
    search.push(`${API}/search?q=${encodeURIComponent(q)}${paging}`);
  }
  const organisations = [];
  const types = ORGANISATION_KINDS.map(([type]) => type);
  const filterRegions = data.regions.filter((region) => region.members.length > 0);
  for (let index = 0; index < 400; index += 1) {
    const params = new URLSearchParams();
    const shape = rng.int(8);
    if (shape === 0 || shape === 4 || shape === 6)
      params.set('q', rng.chance(0.5) ? rng.pick(places) : typo(rng.pick(places), rng));
    else if (shape === 5)
      params.set('q', rng.pick(['opvang', 'jeugdzorg', 'politie', 'arbeidsuitbuiting', 'wijkteam']));
    else params.set('q', '');
    if (shape !== 0 && shape !== 7)
      params.set('region', rng.pick(rng.chance(0.7) ? data.vrs : filterRegions).id);
    if (rng.chance(0.6)) params.set('type', rng.pick(types));
    if (rng.chance(0.5)) params.set('form', rng.pick(FORMS));
    if (shape === 7) {
      params.set('municipality', rng.pick(data.municipalities).code);
      if (rng.chance(0.5)) params.set('targetGroup', rng.pick(GROUPS));
    }
    if (rng.chance(0.3)) params.set('pageSize', '20');
    if (rng.chance(0.1)) params.set('page', '2');
    organisations.push(`${API}/organisations?${params}`);
  }
  return { search, organisations };
}
