/**
 * Sessions of the web console (docs/console.md, "Security"). A browser signs in once with an
 * organisation's API key and gets a random 256-bit session token in a cookie; the page never
 * keeps the key. The session then speaks for that key on every route, exactly as the key would:
 * the API's own guard and roles decide what each page may see and do. Only the token's SHA-256
 * is stored, in PostgreSQL, so any API process knows any session. A session ends at sign-out,
 * after SESSION_LIFETIME_SECONDS, or as soon as its key is revoked.
 */
import { Inject, Injectable, Optional } from '@nestjs/common';
import { ConsoleSessionRepository, type Organisation } from '@pedigree/persistence';
import type { FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { ApiException } from '../errors/api.exception';
import { PUBLIC_URL } from '../public-url';
import { ApiKeyService } from './api-key.service';
import { isConsoleOrigin, requestOrigin } from './same-origin';
import { SESSION_TOKEN_PATTERN, sessionCookie, sessionTokenOf } from './session-cookie';

/** A session lasts a working day and a bit, then the console asks for the key again. */
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;

/** Expired sessions are swept at a sign-in, at most this often per process. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** A session just opened: its token (for the cookie only), who it speaks for, and until when. */
export interface OpenedSession {
  token: string;
  organisation: Organisation;
  expiresAt: Date;
}

@Injectable()
export class ConsoleSessionService {
  private lastSweep = 0;

  constructor(
    private readonly apiKeys: ApiKeyService,
    private readonly sessions: ConsoleSessionRepository,
    @Optional() @Inject(PUBLIC_URL) private readonly publicUrl?: string,
  ) {}

  /**
   * Exchanges an API key for a new session.
   * @throws ApiException UNAUTHENTICATED when the key is malformed, unknown or revoked
   */
  async signIn(key: string): Promise<OpenedSession> {
    const { apiKeyId, organisation } = await this.apiKeys.credential(key);
    await this.sweep();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = await this.sessions.insert({
      tokenSha256: sha256(token),
      apiKeyId,
      lifetimeSeconds: SESSION_LIFETIME_SECONDS,
    });
    return { token, organisation, expiresAt };
  }

  /**
   * The organisation a live session speaks for.
   * @throws ApiException UNAUTHENTICATED when the session ended, expired or its key was revoked
   */
  async authenticate(token: string): Promise<Organisation> {
    const session = SESSION_TOKEN_PATTERN.test(token)
      ? await this.sessions.findLive(sha256(token))
      : undefined;
    if (!session) {
      throw new ApiException(
        'UNAUTHENTICATED',
        'Your console session has ended (signed out, expired, or its API key was revoked). Sign in again at /console.',
      );
    }
    this.apiKeys.noteUse(session.apiKeyId);
    return session.organisation;
  }

  /** The organisation of the request's session cookie, or undefined when it has no live one. */
  async organisationOf(request: FastifyRequest): Promise<Organisation | undefined> {
    const token = sessionTokenOf(request.headers.cookie);
    return token === undefined ? undefined : this.authenticate(token).catch(() => undefined);
  }

  /** Ends the request's session, if its cookie names one. */
  async signOut(request: FastifyRequest): Promise<void> {
    const token = sessionTokenOf(request.headers.cookie);
    if (token !== undefined) await this.sessions.delete(sha256(token));
  }

  /**
   * Refuses a request that did not come from the console's own pages (a sign-in, or a request
   * that changes something on the strength of the cookie): see same-origin.ts.
   * @throws ApiException FORBIDDEN
   */
  assertFromConsole(request: FastifyRequest): void {
    const from = requestOrigin(request.headers);
    if (isConsoleOrigin(from, this.consoleOrigins(request))) return;
    throw new ApiException(
      'FORBIDDEN',
      from === undefined
        ? 'This request has no Origin header, so it cannot be told from a forged one: a sign-in, and a change made with the console session, must come from the console page. Outside a browser, authenticate with "Authorization: Bearer <key>" instead.'
        : `This request comes from ${from}, not from the console's own pages: a sign-in, and a change made with the console session, must come from the console page. Outside a browser, authenticate with "Authorization: Bearer <key>" instead.`,
    );
  }

  /**
   * The `Set-Cookie` value for a new session. `Secure` (and the `__Host-` name) when the page that
   * signed in was opened over https, as its Origin says (checked by assertFromConsole), or the
   * request itself came over https.
   */
  cookieFor(request: FastifyRequest, session: OpenedSession): string {
    const secure =
      request.protocol === 'https' || requestOrigin(request.headers)?.startsWith('https:') === true;
    return sessionCookie(session.token, { secure, maxAgeSeconds: SESSION_LIFETIME_SECONDS });
  }

  private consoleOrigins(request: FastifyRequest): string[] {
    const own = `${request.protocol}://${request.host}`;
    return this.publicUrl ? [own, this.publicUrl] : [own];
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await this.sessions.deleteDead();
  }
}

function sha256(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
