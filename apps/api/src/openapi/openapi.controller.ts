/** `GET /docs` (the API as a page) and `GET /docs/openapi.json` (the OpenAPI 3.1 document). */
import { Controller, Get, Res, type Type } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { ApiDoc } from './api-doc.decorator';
import { openApiDocument } from './openapi-document';
import { openApiPage } from './openapi-page';

const INFO = {
  title: 'Pedigree',
  version: '0.1.0',
  description:
    'Traces every serialized pack of medicine from the line to the counter, in a signed, provable chain. ' +
    'Errors share one shape, `{statusCode, code, message[, details]}`; the guide is docs/api.md.',
};

@Public()
@Controller('docs')
export class OpenApiController {
  private document?: Record<string, unknown>;
  private page?: string;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  @ApiDoc({ summary: 'The API as a page', returns: 'HTML', produces: ['text/html'] })
  @Get()
  html(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.type('text/html; charset=utf-8');
    this.page ??= openApiPage(this.openApi());
    return this.page;
  }

  @ApiDoc({ summary: 'The OpenAPI 3.1 document', returns: 'The document' })
  @Get('openapi.json')
  openApi(): Record<string, unknown> {
    // Built on first use: by then every module's controllers are registered.
    this.document ??= openApiDocument(
      this.discovery.getControllers().map((wrapper) => wrapper.metatype as Type),
      this.reflector,
      INFO,
    );
    return this.document;
  }
}
