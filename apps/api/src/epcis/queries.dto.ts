/**
 * A named query of the EPCIS REST binding (`POST /epcis/queries`): a name and the
 * SimpleEventQuery parameters GET /epcis/events takes, checked by the same schema, so a named
 * query answers exactly what that URL would. A list may be written as the URL writes it
 * (`"shipping|receiving"`) or as GS1's query schema does (`["shipping", "receiving"]`); it is
 * kept in the URL's form.
 */
import { z } from 'zod';
import { eventsQuerySchema } from './query.dto';

const NAME_ERROR =
  'the query name must be 1 to 100 letters, digits, "-", "_", ".", "~", "=" or ":", so it can stand in a URL path';

export const queryNameSchema = z.string().regex(/^[A-Za-z0-9\-_.~=:]{1,100}$/, {
  error: NAME_ERROR,
});

/** The parameters in the URL's form: each list joined with `|`, numbers as text. */
const parametersSchema = z
  .record(
    z.string(),
    z.union([z.string(), z.number(), z.array(z.string()).min(1)], {
      error: 'each query parameter must be a string, a number or a list of strings',
    }),
  )
  .transform((query) =>
    Object.fromEntries(
      Object.entries(query).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join('|') : String(value),
      ]),
    ),
  )
  .check((context) => {
    if ('nextPageToken' in context.value) {
      context.issues.push({
        code: 'custom',
        input: context.value,
        message:
          'nextPageToken: a position in one answer, not part of a query; follow the Link header of GET /epcis/queries/{queryName}/events',
      });
    }
    const parsed = eventsQuerySchema.safeParse(context.value);
    for (const issue of parsed.error?.issues ?? []) {
      context.issues.push({
        code: 'custom',
        input: context.value,
        path: issue.path,
        message: issue.message,
      });
    }
  });

export const createQuerySchema = z.strictObject(
  {
    name: queryNameSchema,
    query: parametersSchema,
  },
  { error: 'the body must be {"name": "...", "query": {...SimpleEventQuery parameters}}' },
);

export type CreateQueryDto = z.infer<typeof createQuerySchema>;

/**
 * A named query's events, a page at a time: `perPage` (else the query's own, else 30) and
 * `nextPageToken`, checked with the query's parameters by the events query's schema.
 */
export const queryEventsPageSchema = z.strictObject(
  { perPage: z.string().optional(), nextPageToken: z.string().optional() },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.join(', ')}: a named query's events take only perPage and nextPageToken; its filters are in the query`
        : undefined,
  },
);

export type QueryEventsPage = z.infer<typeof queryEventsPageSchema>;
