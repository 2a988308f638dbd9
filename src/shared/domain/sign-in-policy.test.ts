import { describe, expect, it } from 'vitest';
import { signInAddressKey } from './sign-in-policy.ts';

describe('signInAddressKey', () => {
  it('keeps an IPv4 address, also when IPv4-mapped', () => {
    expect(signInAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(signInAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const network = '2001:db8:1:2::/64';
    expect(signInAddressKey('2001:db8:1:2::1')).toBe(network);
    expect(signInAddressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(network);
    expect(signInAddressKey('2001:db8:1:2:3:4:5:6')).toBe(network);
    expect(signInAddressKey('2001:DB8:1:2::abcd%eth0')).toBe(network);
    expect(signInAddressKey('2001:db8:1:3::1')).not.toBe(network);
    expect(signInAddressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(signInAddressKey('::1')).toBe('0:0:0:0::/64');
    expect(signInAddressKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });
});
