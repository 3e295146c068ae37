/**
 * `GET /metrics`: this process's figures in Prometheus' text format: HTTP requests, verdicts,
 * the ingest's messages and batches, the sealer's blocks, and Node's own (memory, event loop).
 * Public like `/health`: the figures are counts, never a pack or an organisation.
 */
import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { collectDefaultMetrics, register } from 'prom-client';
import { Public, Unlimited } from '../auth/auth.decorators';
import { ApiDoc } from '../openapi/api-doc.decorator';

let collectingDefaults = false;

@Controller('metrics')
export class MetricsController {
  constructor() {
    // The registry is the process's: a second platform in one process (tests) must not add them twice.
    if (!collectingDefaults) collectDefaultMetrics({ prefix: 'pedigree_' });
    collectingDefaults = true;
  }

  @Public()
  @Unlimited()
  @ApiDoc({
    summary: "This process's figures in Prometheus' text format",
    returns: 'Prometheus text exposition',
    produces: ['text/plain'],
  })
  @Get()
  async metrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.type(register.contentType);
    return register.metrics();
  }
}
