/** `GET /health`: 200 when every part of this process is healthy, else 503 naming the failing part. */
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public, Unlimited } from '../auth/auth.decorators';
import type { HealthCheck } from './health-check';
import { ApiDoc } from '../openapi/api-doc.decorator';

export const HEALTH_CHECKS = 'pedigree:health-checks';

@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Public()
  @Unlimited()
  @ApiDoc({
    summary: 'Readiness: database, broker and sealer',
    description: '503 names each failing part.',
    returns: '`{status: "ok", database: "up", ...}`',
  })
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, unknown>> {
    const results = await Promise.all(
      this.checks.map(async (c) => [c.name, await c.check()] as const),
    );
    const failing = results.filter(([, result]) => !result.healthy);
    void reply.status(failing.length === 0 ? 200 : 503);
    return {
      status: failing.length === 0 ? 'ok' : 'down',
      ...Object.fromEntries(results.map(([name, result]) => [name, result.state])),
      ...(failing.length > 0 && {
        problems: failing.map(([name, result]) => `${name}: ${result.reason ?? result.state}`),
      }),
    };
  }
}
