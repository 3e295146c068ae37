import { shipmentsQuerySchema } from './shipments.dto';

describe('GET /shipments query', () => {
  const errorOf = (query: Record<string, string>) => {
    const parsed = shipmentsQuerySchema.safeParse(query);
    return parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message);
  };

  it('counts days in UTC unless an IANA time zone is asked for', () => {
    expect(shipmentsQuerySchema.parse({}).timeZone).toBe('UTC');
    for (const zone of ['Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+12', 'UTC']) {
      expect(shipmentsQuerySchema.parse({ timeZone: zone }).timeZone).toBe(zone);
    }
  });

  it('refuses what is not an IANA time zone, offsets included, saying what it needs', () => {
    for (const zone of ['Mars/Olympus_Mons', '+01:00', 'UTC+1', '', 'Europe/Berlin; DROP']) {
      expect(errorOf({ timeZone: zone })).toEqual([
        `timeZone must be an IANA time zone such as Europe/Berlin or UTC; ${JSON.stringify(zone)} is not one`,
      ]);
    }
  });
});
