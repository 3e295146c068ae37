/**
 * The web console's pages and its session's ends (docs/console.md). It renders the shell and each
 * screen's frame on the server; what a screen shows comes from the JSON API its script calls with
 * the session cookie, under the API's own authorization.
 */
import { Injectable } from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import type { FastifyRequest } from 'fastify';
import { ConsoleSessionService } from '../auth/console-session.service';
import { SitesService } from '../sites/sites.service';
import { homePage, signInPage } from './console-page.html';
import { ConsoleScript } from './console-script';
import { CONSOLE_HOME, safeNext, screensFor } from './console-screens';
import { counterPage } from './counter-page.html';
import { distributorPage } from './distributor-page.html';
import { manufacturerPage } from './manufacturer-page.html';
import { regulatorPage } from './regulator-page.html';
import type { SignInDto, SignedInAnswer } from './dto/console.dto';

/** A page, or where to send the browser instead. */
export type PageAnswer = { html: string } | { redirect: string };

@Injectable()
export class ConsoleService {
  constructor(
    private readonly sessions: ConsoleSessionService,
    private readonly sites: SitesService,
    private readonly script: ConsoleScript,
  ) {}

  /**
   * The console's front door: the sign-in page, or for a signed-in browser its first screen (the
   * home page when its roles have none yet).
   */
  async home(request: FastifyRequest, next: unknown): Promise<PageAnswer> {
    const organisation = await this.sessions.organisationOf(request);
    if (!organisation) return { html: signInPage(safeNext(next), this.script.tag()) };
    const first = safeNext(next) ?? screensFor(organisation.roles)[0]?.path;
    return first ? { redirect: first } : { html: homePage(organisation, this.script.tag()) };
  }

  /**
   * Opens a session from an API key, for a request from the console's own page; ends the one the
   * browser had, if any.
   * @throws ApiException FORBIDDEN from another origin, UNAUTHENTICATED for a bad key
   */
  async signIn(
    request: FastifyRequest,
    body: SignInDto,
  ): Promise<{ answer: SignedInAnswer; cookie: string }> {
    this.sessions.assertFromConsole(request);
    const session = await this.sessions.signIn(body.key);
    // A browser signing in again leaves no older session behind.
    await this.sessions.signOut(request);
    const { id, name, roles } = session.organisation;
    return {
      answer: {
        organisation: { id, name, roles },
        expiresAt: session.expiresAt.toISOString(),
        next: safeNext(body.next) ?? screensFor(roles)[0]?.path ?? CONSOLE_HOME,
      },
      cookie: this.sessions.cookieFor(request, session),
    };
  }

  signOut(request: FastifyRequest): Promise<void> {
    return this.sessions.signOut(request);
  }

  async counter(organisation: Organisation): Promise<string> {
    return counterPage(organisation, await this.sites.list(organisation), this.script.tag());
  }

  async manufacturer(organisation: Organisation): Promise<string> {
    return manufacturerPage(
      organisation,
      await this.sites.list(organisation),
      this.script.tag(),
      this.script.tag('console-ledger'),
    );
  }

  async distributor(organisation: Organisation): Promise<string> {
    return distributorPage(organisation, await this.sites.list(organisation), this.script.tag());
  }

  regulator(organisation: Organisation): string {
    return regulatorPage(organisation, this.script.tag(), this.script.tag('console-ledger'));
  }

  /** A script bundle when `file` is its current name. */
  asset(file: string): Buffer | undefined {
    return this.script.file(file);
  }
}
