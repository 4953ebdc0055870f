import { findIdentifyingData, isValidIban, passesElevenTest } from './identifying-data';

const kinds = (text: string) => findIdentifyingData(text).map((finding) => finding.kind);

describe('identifying data in free text', () => {
  it.each([
    ['BSN', 'cliënt met bsn 111222333 aangemeld', 'bsn'],
    ['BSN grouped', 'BSN 1112.22.333', 'bsn'],
    ['date dd-mm-yyyy', 'geboren 12-03-2001', 'date'],
    ['date d/m/yyyy', 'geb. 1/2/1999', 'date'],
    ['ISO date', 'geboortedatum 2001-03-12', 'date'],
    ['date in words', 'geboren op 12 maart 2001', 'date'],
    ['abbreviated month', 'sinds 3 mrt. 1999', 'date'],
    ['mobile', 'bel 06-12345678', 'phone'],
    ['mobile spaced', 'tel 06 12 34 56 78', 'phone'],
    ['landline', '020-1234567', 'phone'],
    ['+31', 'nummer +31 6 12345678', 'phone'],
    ['0031', '0031612345678', 'phone'],
    ['e-mail', 'mail naar j.jansen@example.org', 'email'],
    ['postcode + number', 'woont op 1234 AB 12', 'postcode-house-number'],
    ['postcode no space', 'adres 1234ab 5', 'postcode-house-number'],
    ['number before postcode', 'Dorpsstraat 12, 1234 AB Ergens', 'postcode-house-number'],
    ['IBAN', 'rekening NL91 ABNA 0417 1643 00', 'iban'],
    ['IBAN compact', 'NL91ABNA0417164300', 'iban'],
  ])('finds %s', (_label, text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each([
    ['a 9-digit number failing the 11-test', 'dossier 123456789'],
    ['a RIEC case number', 'RIEC-2026-123'],
    ['a year and a count', 'in 2026 en 12 signalen'],
    ['an impossible date', '45-13-2001'],
    ['a service number', 'meldpunt 0900-8844'],
    ['a short number', 'bel 112'],
    ['a month and year without day', 'sinds maart 2024 in beeld'],
    ['an IBAN with a wrong check digit', 'NL92ABNA0417164300'],
    ['a pseudonymous case reference', 'KK-2026-7QX4-M2PB'],
    [
      'plain notes',
      'Signaal via wijkteam, arbeidsuitbuiting in de schoonmaak, graag contact met de zorgcoördinator.',
    ],
  ])('allows %s', (_label, text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('reports kind and position, never the value', () => {
    const findings = findIdentifyingData('bsn 111222333, mail a@b.nl');
    expect(findings.map((f) => f.kind)).toEqual(['bsn', 'email']);
    expect(JSON.stringify(findings)).not.toContain('111222333');
    expect(JSON.stringify(findings)).not.toContain('a@b.nl');
    expect(findings[0].offset).toBe(4);
  });

  it('implements the 11-test and the IBAN check', () => {
    expect(passesElevenTest('111222333')).toBe(true);
    expect(passesElevenTest('123456782')).toBe(true);
    expect(passesElevenTest('123456789')).toBe(false);
    expect(passesElevenTest('000000000')).toBe(false);
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('NL91ABNA041716430')).toBe(false);
  });
});
