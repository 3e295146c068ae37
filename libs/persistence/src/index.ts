export { dataSourceOptions, migrate } from './data-source';
export { ApiKeyRepository } from './identity/api-key.repository';
export type { ApiKey, ApiKeyCredential, Organisation, Site } from './identity/identity.rows';
export { OrganisationRepository } from './identity/organisation.repository';
export { SiteRepository, type NewSite } from './identity/site.repository';
export { PersistenceModule } from './persistence.module';
