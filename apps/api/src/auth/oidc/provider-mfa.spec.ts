import { providerDidMultiFactor } from './provider-mfa';

describe('providerDidMultiFactor', () => {
  it('trusts an amr that names a second factor', () => {
    expect(providerDidMultiFactor({ amr: ['pwd', 'mfa'] }, [])).toBe(true);
    expect(providerDidMultiFactor({ amr: ['pwd', 'otp'] }, [])).toBe(true);
    expect(providerDidMultiFactor({ amr: ['hwk'] }, [])).toBe(true);
  });

  it('does not trust a password alone, a missing amr or a malformed one', () => {
    expect(providerDidMultiFactor({ amr: ['pwd'] }, [])).toBe(false);
    expect(providerDidMultiFactor({}, [])).toBe(false);
    expect(providerDidMultiFactor({ amr: 'mfa' }, [])).toBe(false);
  });

  it('trusts an acr only when it is configured as multi-factor', () => {
    expect(providerDidMultiFactor({ acr: 'gold' }, ['gold'])).toBe(true);
    expect(providerDidMultiFactor({ acr: 'gold' }, [])).toBe(false);
    expect(providerDidMultiFactor({ acr: '1' }, ['2'])).toBe(false);
  });
});
