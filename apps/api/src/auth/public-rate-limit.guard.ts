/**
 * Rate limits on the routes anyone may call (`@Public()`: the consumer page, the public ledger):
 * each client address gets a bucket of PEDIGREE_PUBLIC_RATE_LIMIT requests that refills evenly
 * over a minute, so a burst of that size passes and a flood is answered 429 with `Retry-After`.
 * Authenticated routes are not limited here: a key identifies its caller, who can be revoked.
 * `/health` and `/metrics` are exempt (`@Unlimited()`), as probes and scrapers poll them.
 *
 * The address is the connection's: behind a reverse proxy every visitor shares the proxy's, so
 * limit at the proxy there (docs/api.md, "Rate limits").
 */
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiException } from '../errors/api.exception';
import { PUBLIC_ROUTE, UNLIMITED_ROUTE } from './auth.decorators';

export const PUBLIC_RATE_LIMIT = 'pedigree:public-rate-limit';

/** Beyond this many addresses, full buckets (idle clients) are forgotten. */
const MAX_TRACKED = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  /** `perMinute` 0 turns the limit off. */
  constructor(
    private readonly reflector: Reflector,
    @Inject(PUBLIC_RATE_LIMIT) private readonly perMinute: number,
  ) {
    this.perMs = perMinute / 60_000;
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.perMinute === 0) return true;
    const targets = [context.getHandler(), context.getClass()];
    if (!this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (this.reflector.getAllAndOverride<boolean>(UNLIMITED_ROUTE, targets)) return true;
    const http = context.switchToHttp();
    const waitMs = this.take(http.getRequest<FastifyRequest>().ip, Date.now());
    if (waitMs === 0) return true;
    const seconds = Math.ceil(waitMs / 1_000);
    void http.getResponse<FastifyReply>().header('retry-after', String(seconds));
    throw new ApiException(
      'RATE_LIMITED',
      `Too many requests from your address: at most ${this.perMinute} a minute. Try again in ${seconds} s.`,
    );
  }

  /** Takes a token for `client`; returns 0, or how long until one is there. */
  private take(client: string, now: number): number {
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (!this.buckets.has(client)) {
      if (this.buckets.size >= MAX_TRACKED) this.forgetIdle(now);
      this.buckets.set(client, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return (1 - bucket.tokens) / this.perMs;
  }

  private forgetIdle(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.perMinute) {
        this.buckets.delete(client);
      }
    }
  }
}
