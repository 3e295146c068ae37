/**
 * The consumer page at a pack's GS1 Digital Link (`/01/{gtin}[/10/{lot}]/21/{serial}[?17=YYMMDD]`,
 * what the QR code on the box opens) and its proof checker script. Public: no key, no login.
 * Every path under /01/ comes here, so a link that is not a pack's gets a 400 saying why rather
 * than a bare 404.
 */
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { ApiException } from '../errors/api.exception';
import { ApiDoc } from '../openapi/api-doc.decorator';
import { ConsumerService } from './consumer.service';
import { consumerQuerySchema, type ConsumerQuery } from './dto/consumer.dto';

@Public()
@Controller()
export class ConsumerController {
  constructor(private readonly consumer: ConsumerService) {}

  /** HTML for people, JSON for `Accept: application/json` or a GS1 `linkType`. */
  @ApiDoc({
    summary: "A pack's verdict, facts, journey and ledger proof at its GS1 Digital Link",
    description:
      'The path is `/01/{gtin}[/10/{lot}]/21/{serial}`, the expiry `?17=YYMMDD`: what the QR code on the pack carries. An unknown pack is a 200 with the danger verdict; an anonymous lookup raises no alert. HTML by default (`?lang=en|fr`, else Accept-Language); JSON for `Accept: application/json` or `linkType=gs1:verificationService|gs1:traceability|gs1:recallStatus`; an RFC 9264 linkset for `linkType=all` (docs/consumer-page.md).',
    returns: 'The consumer page, its JSON form, or the linkset',
    produces: ['text/html', 'application/json', 'application/linkset+json'],
    errors: ['MALFORMED_CODE'],
  })
  @Get('01/*')
  async page(
    @Req() request: FastifyRequest,
    @Query({ schema: consumerQuerySchema }) query: ConsumerQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const answer = await this.consumer.answer(request, query);
    void reply.status(answer.status).headers(answer.headers);
    return answer.body;
  }

  /** The proof checker, under a name that changes with its content: cached for a year. */
  @ApiDoc({
    summary: "The consumer page's proof checker script",
    description:
      'Served under a name holding its content hash (the page names the current one), cached for a year.',
    returns: 'JavaScript',
    produces: ['text/javascript'],
  })
  @Get('assets/:file')
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    const body = this.consumer.asset(file);
    if (!body) {
      throw new ApiException(
        'NOT_FOUND',
        `There is no asset ${file}: reload the page, which names the current one.`,
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
