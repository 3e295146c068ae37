import {
  SECURE_SESSION_COOKIE,
  SESSION_COOKIE,
  clearedSessionCookies,
  readCookie,
  sessionCookie,
  sessionTokenOf,
} from './session-cookie';

describe('the console session cookie', () => {
  it('is HttpOnly, SameSite=Strict and for the whole host; Secure and __Host- on https', () => {
    expect(sessionCookie('abc', { secure: false, maxAgeSeconds: 43_200 })).toBe(
      'pedigree_session=abc; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict',
    );
    expect(sessionCookie('abc', { secure: true, maxAgeSeconds: 43_200.7 })).toBe(
      '__Host-pedigree_session=abc; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict; Secure',
    );
  });

  it('is removed under both names, with the attributes a browser needs to match it', () => {
    const cleared = clearedSessionCookies();
    expect(cleared).toHaveLength(2);
    expect(cleared[0]).toMatch(/^pedigree_session=; Path=\/; Max-Age=0;/);
    expect(cleared[1]).toMatch(/^__Host-pedigree_session=; Path=\/; Max-Age=0;.*; Secure$/);
  });

  it('is read from a Cookie header among others, the __Host- one first', () => {
    expect(readCookie('a=1; pedigree_session=tok; b=2', SESSION_COOKIE)).toBe('tok');
    expect(readCookie('a=1;pedigree_session="tok"', SESSION_COOKIE)).toBe('tok');
    expect(readCookie('xpedigree_session=tok', SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeUndefined();
    expect(readCookie('novalue; pedigree_session=', SESSION_COOKIE)).toBe('');
    expect(sessionTokenOf(`${SESSION_COOKIE}=plain; ${SECURE_SESSION_COOKIE}=host`)).toBe('host');
    expect(sessionTokenOf('other=1')).toBeUndefined();
  });
});
