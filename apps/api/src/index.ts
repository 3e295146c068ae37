export { ApiModule } from './api.module';
export { ApiExceptionFilter } from './errors/api-exception.filter';
export type { HealthCheck } from './health/health-check';
export { HealthModule } from './health/health.module';
export { observeHttpRequests } from './metrics/http-metrics';
export { declaredRoutes, type DeclaredRoute } from './openapi/declared-routes';
