import { preferredMediaType } from './content-negotiation';

describe('preferredMediaType', () => {
  const offered = ['application/json', 'text/csv'];

  it('takes the first offer without an Accept header or for */*', () => {
    expect(preferredMediaType(undefined, offered)).toBe('application/json');
    expect(preferredMediaType('*/*', offered)).toBe('application/json');
  });

  it('takes what is asked for, by quality and then by specificity', () => {
    expect(preferredMediaType('text/csv', offered)).toBe('text/csv');
    expect(preferredMediaType('text/*', offered)).toBe('text/csv');
    expect(preferredMediaType('application/json;q=0.5, text/csv', offered)).toBe('text/csv');
    expect(preferredMediaType('text/csv;q=0.2, */*;q=0.8', offered)).toBe('application/json');
    expect(preferredMediaType('text/csv, application/json', offered)).toBe('application/json');
  });

  it('answers null when nothing offered is acceptable', () => {
    expect(preferredMediaType('text/html', offered)).toBeNull();
    expect(preferredMediaType('text/csv;q=0', ['text/csv'])).toBeNull();
  });
});
