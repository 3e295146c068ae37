/**
 * `GET /sites/{gln}/activity`: what your organisation did at one of its sites over a window,
 * e.g. a pharmacy counter's day (the web console's list, docs/console.md).
 */
import { Controller, Get, Param, Query } from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import { CurrentOrganisation } from '../auth/auth.decorators';
import { ApiDoc } from '../openapi/api-doc.decorator';
import { glnSchema } from '../sites/dto/site.dto';
import { ActivityService } from './activity.service';
import {
  ACTIVITY_LIMIT,
  MAX_WINDOW_DAYS,
  activityQuerySchema,
  activitySchema,
  type Activity,
  type ActivityQuery,
} from './dto/activity.dto';

@Controller('sites')
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @ApiDoc({
    summary:
      'What your organisation did at one of its sites: verifications, decommissionings, alerts',
    description: `The window is \`[from, to)\`: by default the 24 hours before now; at most ${MAX_WINDOW_DAYS} days (a pharmacy asks for its local day, from its midnight). Lists the verifications asked for at the site (\`POST /verify\` with its \`siteGln\`, and its scanners' inspections), the decommissionings and reverts recorded there (HTTP or scanners, one row per item), and the alerts raised there by your organisation; each newest first, at most ${ACTIVITY_LIMIT} rows. Regulators and the admin may ask about any site.`,
    returns: 'The site and its three lists',
    schema: activitySchema,
  })
  @Get(':gln/activity')
  ofSite(
    @CurrentOrganisation() organisation: Organisation,
    @Param('gln', { schema: glnSchema }) gln: string,
    @Query({ schema: activityQuerySchema }) query: ActivityQuery,
  ): Promise<Activity> {
    return this.activity.ofSite(organisation, gln, query);
  }
}
