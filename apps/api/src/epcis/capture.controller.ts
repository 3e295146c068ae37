/**
 * The EPCIS 2.0 REST binding's capture side (docs/epcis.md, "Capture"): documents as capture
 * jobs, one event at once, the jobs' state, and the limits. Organisations that handle goods
 * capture; the events are theirs, at their own sites.
 */
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Options,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { Organisation } from '@pedigree/persistence';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CurrentOrganisation, Roles } from '../auth/auth.decorators';
import { ApiException } from '../errors/api.exception';
import { ApiDoc, PACK_RULE_ERRORS } from '../openapi/api-doc.decorator';
import {
  CAPTURE_FILE_SIZE_LIMIT,
  CAPTURE_HEADERS,
  captureIdSchema,
  captureJobSchema,
  captureJobsQuerySchema,
  errorBehaviourSchema,
  type CaptureJobsQuery,
  type CaptureJobView,
} from './capture.dto';
import { EpcisCaptureService } from './capture.service';

/** Who handles goods: regulators and the platform admin watch, they do not record. */
const MOVERS = ['manufacturer', 'distributor', 'pharmacy'] as const;

/** Route config read by the body-limit hook below: the capture routes take large documents. */
const CAPTURE_BODY = { captureBodyLimit: CAPTURE_FILE_SIZE_LIMIT };

@Controller('epcis')
export class EpcisCaptureController {
  constructor(
    private readonly capture: EpcisCaptureService,
    adapter: HttpAdapterHost,
  ) {
    // Fastify takes a body limit per route, which Nest's decorators do not pass on: this hook,
    // added before the routes are registered, gives the routes marked with CAPTURE_BODY the
    // advertised file-size limit and leaves the rest of the API at the adapter's 1 MiB.
    const fastify = adapter.httpAdapter.getInstance() as FastifyInstance;
    fastify.addHook('onRoute', (route) => {
      const limit = (route.config as { captureBodyLimit?: number } | undefined)?.captureBodyLimit;
      if (limit) route.bodyLimit = limit;
    });
    // EPCIS documents are JSON-LD: `application/ld+json` bodies are read as JSON too.
    fastify.addContentTypeParser(
      'application/ld+json',
      { parseAs: 'string' },
      fastify.getDefaultJsonParser('error', 'error'),
    );
  }

  @ApiDoc({
    summary: 'Discover the capture interface: versions, limits, error behaviours',
    description:
      '`GS1-EPCIS-Capture-Limit` (events per document), `GS1-EPCIS-Capture-File-Size-Limit` (bytes), `GS1-Capture-Error-Behaviour: all` (both `rollback` and `proceed`).',
    returns: 'No content; the headers',
  })
  @Options('capture')
  @HttpCode(204)
  discover(@Res({ passthrough: true }) reply: FastifyReply): void {
    void reply.headers({ ...CAPTURE_HEADERS, allow: 'OPTIONS, GET, POST' });
  }

  @Roles(...MOVERS)
  @ApiDoc({
    summary: 'Capture an EPCISDocument or EPCISQueryDocument as a capture job',
    description:
      "Checked against GS1's EPCIS 2.0 JSON Schema (400 `application/problem+json` otherwise) and the limits (413), then answered 202 with `Location: /epcis/capture/{captureID}`; the events are judged by the pack rules and stored in the background. `GS1-Capture-Error-Behaviour`: `rollback` (default: one refused event stores nothing) or `proceed` (the others are stored). An event recorded before (same GS1 event hash) is a duplicate, reported, not stored again.",
    returns: 'The capture job, running',
    schema: captureJobSchema,
    errors: ['PAYLOAD_TOO_LARGE'],
  })
  @RouteConfig(CAPTURE_BODY)
  @Post('capture')
  @HttpCode(202)
  async captureDocument(
    @CurrentOrganisation() organisation: Organisation,
    @Body() body: unknown,
    @Headers('gs1-capture-error-behaviour') behaviour: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaptureJobView> {
    const mode = errorBehaviourSchema.safeParse(behaviour);
    if (!mode.success) {
      throw new ApiException('VALIDATION', mode.error.issues[0]!.message);
    }
    const job = await this.capture.capture(organisation, body, mode.data);
    void reply.headers({ ...CAPTURE_HEADERS, location: `/epcis/capture/${job.id}` });
    return this.capture.job(organisation, job.id);
  }

  @Roles(...MOVERS)
  @ApiDoc({
    summary: 'Your capture jobs, newest first',
    description:
      'Pages of `limit` jobs (default 100, at most 1,000); the next page with `before` = the last id of this one.',
    returns: 'The capture jobs',
  })
  @Get('capture')
  jobs(
    @CurrentOrganisation() organisation: Organisation,
    @Query({ schema: captureJobsQuerySchema }) query: CaptureJobsQuery,
  ): Promise<CaptureJobView[]> {
    return this.capture.list(organisation, query);
  }

  @Roles(...MOVERS)
  @ApiDoc({
    summary: 'One capture job: running, success, errors, the stored event ids, the duplicates',
    returns: 'The capture job',
    schema: captureJobSchema,
  })
  @Get('capture/:captureID')
  job(
    @CurrentOrganisation() organisation: Organisation,
    @Param('captureID', { schema: captureIdSchema }) id: string,
  ): Promise<CaptureJobView> {
    return this.capture.job(organisation, id);
  }

  @Roles(...MOVERS)
  @ApiDoc({
    summary: 'Capture one EPCIS event at once',
    description:
      "The event with its `@context`; judged by the pack rules and stored, or refused with the rule's code. 201 with `Location: /epcis/events/{eventID}` (percent-encoded); 409 when it is recorded already.",
    returns: 'No content; the Location of the event',
    errors: [...PACK_RULE_ERRORS, 'CONFLICT'],
  })
  @RouteConfig(CAPTURE_BODY)
  @Post('events')
  @HttpCode(201)
  async captureEvent(
    @CurrentOrganisation() organisation: Organisation,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const eventId = await this.capture.captureEvent(organisation, body);
    void reply.headers({
      'GS1-EPCIS-Version': '2.0.0',
      'GS1-CBV-Version': '2.0.0',
      location: `/epcis/events/${encodeURIComponent(eventId)}`,
    });
  }
}
