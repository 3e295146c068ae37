/**
 * Every HTTP request, counted and timed for `/metrics`, by route pattern (not the raw URL, so a
 * serial number never becomes a label) and status. A Fastify hook rather than a Nest interceptor:
 * requests the guard refuses (401, 403, 429) and unknown routes are counted too.
 */
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram } from 'prom-client';

const requests = new Counter({
  name: 'pedigree_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
});

const duration = new Histogram({
  name: 'pedigree_http_request_duration_seconds',
  help: 'Time from request to response, by method and route pattern.',
  labelNames: ['method', 'route'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
});

export function observeHttpRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: reply.statusCode });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1_000);
    done();
  });
}
