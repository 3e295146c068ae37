/** An organisation's sites: where it makes, stores, ships or dispenses. */
import { Injectable } from '@nestjs/common';
import { SiteRepository, type Organisation, type Site } from '@pedigree/persistence';
import { oversees } from '../auth/oversees';
import { ApiException } from '../errors/api.exception';
import type { CreateSiteDto, UpdateSiteDto } from './dto/site.dto';

/** Sites kept in memory for `own` and `any`, the lookups every step and verification makes. */
const CACHED_SITES = 10_000;

@Injectable()
export class SitesService {
  /**
   * By GLN. A site's GLN and owner never change, and they (with its id) are all the steps and
   * verifications read; a name or address changed by another process may be stale here, which
   * they never show. A change made through this process replaces the entry.
   */
  private readonly byGln = new Map<string, Site>();

  constructor(private readonly sites: SiteRepository) {}

  /** @throws ApiException CONFLICT when the GLN is registered already. */
  async create(organisation: Organisation, site: CreateSiteDto): Promise<Site> {
    const created = await this.sites.insert({ organisationId: organisation.id, ...site });
    if (!created) {
      throw new ApiException(
        'CONFLICT',
        `GLN ${site.gln} is already registered to a site. A GLN names one place: check the number, or ask GS1 which organisation it belongs to.`,
      );
    }
    return created;
  }

  list(organisation: Organisation): Promise<Site[]> {
    return this.sites.listByOrganisation(organisation.id);
  }

  /** @throws ApiException NOT_FOUND unless the site is the caller's (or the caller oversees all). */
  async get(organisation: Organisation, gln: string): Promise<Site> {
    const site = await this.sites.findByGln(gln);
    if (!site || (site.organisationId !== organisation.id && !oversees(organisation))) {
      throw notFound(gln);
    }
    return site;
  }

  /**
   * One of the caller's own sites, where it acts (commissions, ships, receives).
   * @throws ApiException NOT_FOUND unless the site is the caller's
   */
  async own(organisation: Organisation, gln: string): Promise<Site> {
    const site = await this.known(gln);
    if (!site || site.organisationId !== organisation.id) throw notFound(gln);
    return site;
  }

  /**
   * Any registered site, e.g. a shipment's destination.
   * @throws ApiException NOT_FOUND
   */
  async any(gln: string): Promise<Site> {
    const site = await this.known(gln);
    if (!site) {
      throw new ApiException('NOT_FOUND', `No site with GLN ${gln} is registered on the platform.`);
    }
    return site;
  }

  /** @throws ApiException NOT_FOUND unless the site is the caller's. */
  async update(organisation: Organisation, gln: string, changes: UpdateSiteDto): Promise<Site> {
    const site = await this.sites.update(organisation.id, gln, changes);
    if (!site) throw notFound(gln);
    this.byGln.delete(gln);
    return site;
  }

  private async known(gln: string): Promise<Site | undefined> {
    const cached = this.byGln.get(gln);
    if (cached) return cached;
    const site = await this.sites.findByGln(gln);
    if (site) {
      if (this.byGln.size >= CACHED_SITES) this.byGln.clear();
      this.byGln.set(gln, site);
    }
    return site;
  }
}

function notFound(gln: string): ApiException {
  return new ApiException(
    'NOT_FOUND',
    `Your organisation has no site with GLN ${gln}. List your sites with GET /sites.`,
  );
}
