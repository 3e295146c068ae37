/**
 * The web console under /console (docs/console.md): its front door and sign-in, sign-out, the
 * pharmacy counter and the console's script. A screen's route carries the roles that may open it,
 * checked by the API's own guard like any other route; the screen's data comes from the JSON API.
 */
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CurrentOrganisation, Public, Roles } from '../auth/auth.decorators';
import { clearedSessionCookies } from '../auth/session-cookie';
import { ApiException } from '../errors/api.exception';
import { ApiDoc } from '../openapi/api-doc.decorator';
import { PAGE_HEADERS } from './console-page.html';
import { ConsolePageFilter } from './console-page.filter';
import {
  COUNTER_SCREEN,
  DISTRIBUTOR_SCREEN,
  MANUFACTURER_SCREEN,
  REGULATOR_SCREEN,
} from './console-screens';
import { ConsoleService } from './console.service';
import {
  signInSchema,
  signedInSchema,
  type SignInDto,
  type SignedInAnswer,
} from './dto/console.dto';

const homeQuerySchema = z.object({ next: z.string().max(200).optional() });

@Controller('console')
export class ConsoleController {
  constructor(private readonly console: ConsoleService) {}

  @Public()
  @ApiDoc({
    summary: 'The web console: its sign-in page, or a signed-in browser’s first screen',
    description:
      'Without a live session cookie: the sign-in page (sign in with an API key). With one: `303` to the first screen the organisation’s roles open (`?next=` may name another console screen), or a home page when they open none yet (docs/console.md).',
    returns: 'The sign-in or home page, or a redirect to a screen',
    produces: ['text/html'],
  })
  @Get()
  async home(
    @Req() request: FastifyRequest,
    @Query({ schema: homeQuerySchema }) query: z.infer<typeof homeQuerySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | undefined> {
    const page = await this.console.home(request, query.next);
    if ('redirect' in page) {
      void reply.status(303).headers({ location: page.redirect, 'cache-control': 'no-store' });
      return undefined;
    }
    void reply.headers(PAGE_HEADERS);
    return page.html;
  }

  @Public()
  @ApiDoc({
    summary: 'Sign in to the web console with an API key',
    description:
      'Exchanges the key for a 12-hour session in an `HttpOnly`, `SameSite=Strict`, `Path=/` cookie (`Secure`, named `__Host-pedigree_session`, when the page is on https; `pedigree_session` otherwise) that every route then accepts in place of `Authorization: Bearer`. Only from the console’s own page: the `Origin` header must be this platform’s origin (or `PEDIGREE_PUBLIC_URL`’s), else `403`. Only the SHA-256 of the session token is stored; the session ends at sign-out, at expiry, or when the key is revoked.',
    returns: 'Who signed in, until when, and the page to open',
    schema: signedInSchema,
    errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
  })
  @Post('session')
  async signIn(
    @Req() request: FastifyRequest,
    @Body({ schema: signInSchema }) body: SignInDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedInAnswer> {
    const { answer, cookie } = await this.console.signIn(request, body);
    void reply.headers({ 'set-cookie': cookie, 'cache-control': 'no-store' });
    return answer;
  }

  @ApiDoc({
    summary: 'Sign out of the web console',
    description:
      'Deletes the session the cookie names, on every API process, and clears the cookie. With the cookie, only from the console’s own page (`Origin`). With a bearer key there is no session: nothing to end.',
    returns: 'Nothing',
  })
  @Delete('session')
  @HttpCode(204)
  async signOut(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.console.signOut(request);
    void reply.headers({ 'set-cookie': clearedSessionCookies(), 'cache-control': 'no-store' });
  }

  @Roles(...COUNTER_SCREEN.roles)
  @UseFilters(ConsolePageFilter)
  @ApiDoc({
    summary: 'The pharmacy counter: scan, verdict, dispense, undo, today’s list',
    description:
      'A page for a browser signed in to the console (a browser without a session is sent to the sign-in page; one whose organisation is not a pharmacy gets a page saying so). Its script calls `POST /verify`, `POST /decommissions`, `POST /decommissions/undo` and `GET /sites/{gln}/activity` with the session (docs/console.md).',
    returns: 'The counter page',
    produces: ['text/html'],
  })
  @Get('counter')
  async counter(
    @CurrentOrganisation() organisation: Organisation,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    void reply.headers(PAGE_HEADERS);
    return this.console.counter(organisation);
  }

  @Roles(...MANUFACTURER_SCREEN.roles)
  @UseFilters(ConsolePageFilter)
  @ApiDoc({
    summary:
      'The manufacturer’s screen: products, batches, commissioning, recalls, alerts, scanners',
    description:
      'A page for a browser signed in to the console (without a session: sent to sign in; another role: a page saying so). Its script calls the catalogue routes (`/products`, `/products/{gtin}/pack-counts`, batches, serials in runs of 1,000, labels, recall and withdrawal), `/containers`, `/alerts`, `/packs`, `/devices` and `/quarantine` with the session; its ledger script proves each sealed event of an opened alert in the browser (`/ledger/key`, `/ledger/events/{id}/proof` and `/leaf`) (docs/console.md).',
    returns: 'The manufacturer’s page',
    produces: ['text/html'],
  })
  @Get('manufacturer')
  async manufacturer(
    @CurrentOrganisation() organisation: Organisation,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    void reply.headers(PAGE_HEADERS);
    return this.console.manufacturer(organisation);
  }

  @Roles(...DISTRIBUTOR_SCREEN.roles)
  @UseFilters(ConsolePageFilter)
  @ApiDoc({
    summary: 'The distributor’s screen: shipments as scanned, packs never arrived, scanners',
    description:
      'A page for a browser signed in to the console (without a session: sent to sign in; another role: a page saying so). Its script calls `GET /shipments`, `/devices` (enrol, provisioning, revoke) and `/quarantine` with the session (docs/console.md).',
    returns: 'The distributor’s page',
    produces: ['text/html'],
  })
  @Get('distributor')
  async distributor(
    @CurrentOrganisation() organisation: Organisation,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    void reply.headers(PAGE_HEADERS);
    return this.console.distributor(organisation);
  }

  @Roles(...REGULATOR_SCREEN.roles)
  @UseFilters(ConsolePageFilter)
  @ApiDoc({
    summary: 'The regulator’s screen: every alert, the chain’s state, the audit in the browser',
    description:
      'A page for a browser signed in to the console (without a session: sent to sign in; another role: a page saying so). Its script calls `/alerts` (list, one, notes, close), `/packs`, `/ledger/checkpoint` and `/ledger/blocks`; its audit script reads `/ledger/key`, `/ledger/blocks` and `/ledger/leaves` page by page and verifies the chain in the browser (docs/console.md).',
    returns: 'The regulator’s page',
    produces: ['text/html'],
  })
  @Get('regulator')
  regulator(
    @CurrentOrganisation() organisation: Organisation,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    void reply.headers(PAGE_HEADERS);
    return this.console.regulator(organisation);
  }

  @Public()
  @ApiDoc({
    summary: 'The web console’s scripts',
    description:
      'Each served under a name holding its content hash (the pages name the current one, with its Subresource Integrity digest), cached for a year.',
    returns: 'JavaScript',
    produces: ['text/javascript'],
  })
  @Get('assets/:file')
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    const body = this.console.asset(file);
    if (!body) {
      throw new ApiException(
        'NOT_FOUND',
        `There is no console asset ${file}: reload the page, which names the current one.`,
      );
    }
    void reply.headers({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    return body;
  }
}
