// Generates apps/api/data/common-passwords.txt: passwords people pick that are long enough to pass the
// 12-character minimum yet are guessed first by every cracking tool. Written from widely published lists of
// leaked passwords (top lists, keyboard walks) plus Dutch words and portal-specific words, expanded with the
// suffixes people append to reach a length rule. Only entries of 12+ characters are kept: shorter ones are
// refused by the length rule anyway. Run: node tools/generate-common-passwords.mjs
import { writeFileSync } from 'node:fs';

const seeds = `
password passw0rd p@ssw0rd p@ssword wachtwoord wachtw00rd welkom welkom01 welcome welcome1 letmein iloveyou
qwerty qwertyuiop qwertz azerty asdfgh asdfghjkl zxcvbn zxcvbnm 1q2w3e4r 1qaz2wsx qazwsx qweasd qweasdzxc
abc123 abcdef abcdefgh 123abc a1b2c3d4 aa123456 admin administrator root toor master superman batman spiderman
dragon monkey shadow sunshine princess football baseball soccer hockey basketball starwars pokemon minecraft
trustno1 whatever freedom secret hello hellokitty charlie michael jennifer jordan hunter ranger thomas robert
daniel andrew joshua matthew jessica ashley amanda nicole michelle tigger summer winter autumn spring zomer
winter herfst lente maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april
mei juni juli augustus september oktober november december january february march june july august october
computer internet samsung google facebook linkedin microsoft apple iphone android windows linux ubuntu
amsterdam rotterdam utrecht denhaag eindhoven groningen tilburg almere breda nijmegen enschede haarlem arnhem
zaandam amersfoort apeldoorn maastricht leiden dordrecht zoetermeer zwolle deventer delft alkmaar heerlen
venlo leeuwarden hilversum nederland holland hollandia netherlands dutch oranje ajax feyenoord psv
ajaxamsterdam feyenoordrotterdam vitesse twente azalkmaar heerenveen
ketenkaart mensenhandel comensha gemeente politie zorgcoordinator ketenregisseur beheerder privacy
veiligheid zorgenveiligheid veiligthuis riec opvang slachtoffer uitbuiting overheid rijksoverheid
ministerie justitie veiligheidsregio
voetbal schatje liefje lieverd hondje poesje konijn vogeltje bloemetje zonnetje sterretje prinses
kabouter snoepje appeltje aardbei banaan chocolade koffie biertje heineken amstel grolsch
geheim geheim123 geheimpje mijnwachtwoord nieuwwachtwoord wachtwoordje inloggen toegang veilig
changeme changeit default guest test tester testing testtest demo sample example temp temporary
loveyou lovely lovers love123 mylove babygirl babyboy sweetheart sweety honey angel angels
flower flowers rainbow butterfly purple orange yellow silver golden diamond crystal
killer ninja samurai warrior legend phoenix thunder lightning tornado hurricane
mercedes porsche ferrari lamborghini volkswagen toyota honda yamaha harley corvette mustang
chelsea liverpool arsenal barcelona madrid juventus manchester united realmadrid
jesus christ heaven blessed faith hope grace trinity
cheese pepper cookie butter banana apple orange cherry peanut coconut
tiger lion eagle falcon wolf bear shark panther cobra dolphin penguin
pass pass123 pass1234 passwd pwd12345 mypassword yourpassword thepassword newpassword oldpassword
passwordpassword wachtwoordwachtwoord qwertyqwerty welkomwelkom
abcdefghijkl abcdefghijklm abcdefghijklmnop
letmein123 access access14 accessdenied login login123 logon signin
office werk kantoor collega bureau afdeling team
helpdesk support service servicedesk system systeem beheer beheer01
`
  .split(/\s+/)
  .filter(Boolean);

const walks = [
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '1234567891011',
  '111111111111',
  '000000000000',
  '121212121212',
  '123123123123',
  '123412341234',
  '987654321098',
  '098765432109',
  '112233445566',
  '147258369147',
  '159753159753',
  '147852369147',
  '741852963741',
  '963852741963',
  'qwertyuiopas',
  'qwertyuiopasdf',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwertyuiop1234',
  'qwertyuiopasdfgh',
  'asdfghjkl123',
  "asdfghjkl;'",
  'asdfghjklzxc',
  'zxcvbnm12345',
  'zxcvbnmasdfg',
  'qazwsxedcrfv',
  'qazwsxedcrfvtgb',
  '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv',
  'zaq12wsxcde3',
  'zaq1zaq1zaq1',
  '1q2w3e4r5t6y',
  '1q2w3e4r5t6y7u',
  'q1w2e3r4t5y6',
  'a1s2d3f4g5h6',
  'qweasdzxc123',
  'azertyuiop12',
  'azertyuiopqs',
  'aaaaaaaaaaaa',
  'abcabcabcabc',
  'abc123abc123',
  'qwe123qwe123',
  'asd123asd123',
  '!@#$%^&*()_+',
  '1234qwerasdf',
  'qwer1234asdf',
  '1234567890qw',
  '1234567890ab',
  'abcd1234abcd',
  'password1234',
  'passw0rd1234',
];

const shortSuffixes = [
  '',
  '1',
  '12',
  '123',
  '1234',
  '12345',
  '123456',
  '!',
  '1!',
  '123!',
  '!!',
  '01',
  '007',
  '321',
  '@123',
];
const yearSuffixes = [];
for (let year = 1970; year <= 2030; year++) yearSuffixes.push(String(year), `${year}!`);

const out = new Set(walks);
for (const seed of seeds) {
  const base = seed.toLowerCase();
  for (const suffix of [...shortSuffixes, ...yearSuffixes]) out.add(base + suffix);
  for (const variant of [
    base.replace(/o/g, '0'),
    base.replace(/a/g, '@'),
    base.replace(/e/g, '3'),
    base + base,
  ]) {
    for (const suffix of shortSuffixes) out.add(variant + suffix);
  }
  for (const prefix of ['123', 'mijn', 'my', 'ikhou', 'ilove', 'welkom', 'hallo']) out.add(prefix + base);
}

const kept = [...out].filter((p) => p.length >= 12 && p.length <= 64).sort();
const header = [
  '# Common passwords of 12+ characters, refused at sign-up and change (ASVS 2.1.7; NIST SP 800-63B 5.1.1.2).',
  '# Generated by tools/generate-common-passwords.mjs from well-known leaked-password patterns; one per line,',
  '# lower case (the check folds case). Lines starting with # are comments.',
];
writeFileSync('apps/api/data/common-passwords.txt', `${header.join('\n')}\n${kept.join('\n')}\n`);
console.log(`wrote ${kept.length} passwords`);
