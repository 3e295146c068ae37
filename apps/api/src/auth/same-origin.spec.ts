import { SAFE_METHODS, isConsoleOrigin, requestOrigin } from './same-origin';

describe('where a request says it comes from', () => {
  it('is its Origin, else its Referer’s origin, never the opaque "null"', () => {
    expect(requestOrigin({ origin: 'https://verify.example.org' })).toBe(
      'https://verify.example.org',
    );
    expect(requestOrigin({ referer: 'https://verify.example.org:443/console/counter?x=1' })).toBe(
      'https://verify.example.org',
    );
    expect(
      requestOrigin({ origin: 'null', referer: 'https://verify.example.org/' }),
    ).toBeUndefined();
    expect(requestOrigin({ origin: 'not a url' })).toBeUndefined();
    expect(requestOrigin({})).toBeUndefined();
    expect(requestOrigin({ origin: ['https://a.example', 'https://b.example'] })).toBeUndefined();
  });
});

describe('the console’s own origins', () => {
  const own = ['http://127.0.0.1:3000', 'https://verify.example.org/'];

  it('are the request’s own origin and PEDIGREE_PUBLIC_URL’s', () => {
    expect(isConsoleOrigin('http://127.0.0.1:3000', own)).toBe(true);
    expect(isConsoleOrigin('https://verify.example.org', own)).toBe(true);
  });

  it('exclude another port, scheme or subdomain of the same site, and no origin at all', () => {
    expect(isConsoleOrigin('http://127.0.0.1:3001', own)).toBe(false);
    expect(isConsoleOrigin('http://verify.example.org', own)).toBe(false);
    expect(isConsoleOrigin('https://blog.example.org', own)).toBe(false);
    expect(isConsoleOrigin(undefined, own)).toBe(false);
  });

  it('are checked only for methods that may change something', () => {
    expect([...SAFE_METHODS].sort()).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });
});
