import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.ts';

describe('configuration', () => {
  it('trusts a proxy on the same host by default', () => {
    expect(loadConfig({}).trustProxy).toEqual(['127.0.0.1']);
  });

  it('reads TRUST_PROXY as false, true, a hop count or a list of addresses and ranges', () => {
    const trust = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.5')).toEqual(['10.0.0.5']);
    expect(trust(' 10.0.0.0/8, 2001:db8::/32 ,loopback')).toEqual(['10.0.0.0/8', '2001:db8::/32', 'loopback']);
  });

  it('refuses a TRUST_PROXY it cannot read, loudly', () => {
    for (const value of ['yes', '10.0.0.0/33', '10.0.0.1,', 'proxy.example.vn', '2001:db8::/129', '10.0.0.1/8/2']) {
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY/);
    }
  });

  it('is served over HTTPS (Secure cookie, HSTS) only when PUBLIC_URL or COOKIE_SECURE says so', () => {
    expect(loadConfig({}).cookieSecure).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'http://steerboard.example.vn' }).cookieSecure).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://steerboard.example.vn' }).cookieSecure).toBe(true);
    expect(loadConfig({ COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://steerboard.example.vn', COOKIE_SECURE: 'false' }).cookieSecure).toBe(
      false,
    );
    expect(() => loadConfig({ PUBLIC_URL: 'http://steerboard.example.vn', COOKIE_SECURE: 'true' })).toThrow(
      /COOKIE_SECURE/,
    );
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://steerboard.example.vn' })).toThrow(/PUBLIC_URL/);
  });
});
