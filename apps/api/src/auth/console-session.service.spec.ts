// Which requests count as the console's own, and when the cookie is Secure: the parts of the
// session service that read the request. Sessions themselves are tested against PostgreSQL in
// test/e2e/console-counter.e2e-spec.ts.
import type { ApiKeyService } from './api-key.service';
import type { ConsoleSessionRepository } from '@pedigree/persistence';
import type { FastifyRequest } from 'fastify';
import { ConsoleSessionService } from './console-session.service';

const service = (publicUrl?: string) =>
  new ConsoleSessionService({} as ApiKeyService, {} as ConsoleSessionRepository, publicUrl);

const request = (protocol: string, host: string, headers: Record<string, string>) =>
  ({ protocol, host, headers }) as unknown as FastifyRequest;

const session = { token: 't'.repeat(43), organisation: {} as never, expiresAt: new Date() };

describe('the console session service', () => {
  it('takes a request from the platform’s own origin or PEDIGREE_PUBLIC_URL’s', () => {
    const sessions = service('https://verify.example.org');
    expect(() =>
      sessions.assertFromConsole(
        request('http', '127.0.0.1:3000', { origin: 'http://127.0.0.1:3000' }),
      ),
    ).not.toThrow();
    expect(() =>
      sessions.assertFromConsole(
        request('http', 'pedigree-api:3000', { origin: 'https://verify.example.org' }),
      ),
    ).not.toThrow();
  });

  it('refuses one from elsewhere, or that names no origin, saying what to do', () => {
    const sessions = service();
    expect(() =>
      sessions.assertFromConsole(
        request('http', '127.0.0.1:3000', { origin: 'http://127.0.0.1:3001' }),
      ),
    ).toThrow(/comes from http:\/\/127\.0\.0\.1:3001/);
    expect(() => sessions.assertFromConsole(request('http', '127.0.0.1:3000', {}))).toThrow(
      /no Origin header/,
    );
  });

  it('makes the cookie Secure when the request or the signing-in page is on https', () => {
    const sessions = service('https://verify.example.org');
    expect(
      sessions.cookieFor(
        request('http', '127.0.0.1:3000', { origin: 'http://127.0.0.1:3000' }),
        session,
      ),
    ).toMatch(/^pedigree_session=t+; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict$/);
    expect(sessions.cookieFor(request('https', 'verify.example.org', {}), session)).toMatch(
      /^__Host-pedigree_session=t+;.*; Secure$/,
    );
    expect(
      sessions.cookieFor(
        request('http', 'pedigree-api:3000', { origin: 'https://verify.example.org' }),
        session,
      ),
    ).toMatch(/^__Host-pedigree_session=.*; Secure$/);
  });
});
