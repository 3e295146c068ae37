import { DECOMMISSION_ACTIONS } from '@pedigree/domain';
import { isValidSscc } from '@pedigree/gs1';
import type { RecordedStep } from '@pedigree/recording';
import { z } from 'zod';
import { glnSchema } from '../../sites/dto/site.dto';

/** What was scanned or typed for each item: any GS1 form of a pack (01 + 21) or an SSCC (00). */
const items = z
  .array(z.string({ error: 'each item must be a scanned code, as text' }).min(1).max(2000), {
    error:
      'items must be a list of scanned codes (GS1 element strings, bracketed AIs or Digital Links)',
  })
  .min(1, { error: 'items must name at least one pack, case or pallet' })
  .max(10_000, { error: 'items must name at most 10,000 codes per request' });

export const ssccSchema = z
  .string({ error: 'sscc must be the 18-digit SSCC of the case or pallet' })
  .refine(isValidSscc, { error: 'sscc must be 18 digits ending in its GS1 check digit' });

export const packSchema = z.strictObject({ sscc: ssccSchema, siteGln: glnSchema, items });
export const unpackSchema = z.strictObject({ siteGln: glnSchema, items: items.optional() });
export const shipSchema = z.strictObject({ siteGln: glnSchema, destinationGln: glnSchema, items });
export const receiveSchema = z.strictObject({ siteGln: glnSchema, items });

export const decommissionSchema = z.strictObject({
  siteGln: glnSchema,
  action: z.enum(DECOMMISSION_ACTIONS, {
    error: `action must be one of ${DECOMMISSION_ACTIONS.join(', ')}`,
  }),
  items,
});
export const undoSchema = z.strictObject({ siteGln: glnSchema, items });
export const unlockSchema = undoSchema;

export type PackDto = z.infer<typeof packSchema>;
export type DecommissionDto = z.infer<typeof decommissionSchema>;
export type UndoDto = z.infer<typeof undoSchema>;
export type UnlockDto = z.infer<typeof unlockSchema>;
export type UnpackDto = z.infer<typeof unpackSchema>;
export type ShipDto = z.infer<typeof shipSchema>;
export type ReceiveDto = z.infer<typeof receiveSchema>;

/** What every step answers (201), for the OpenAPI document: checked against the recorder's type. */
export const recordedStepSchema = z.object({
  eventId: z.string().meta({ description: 'The EPCIS event recorded; sealed within a second.' }),
  packs: z.number().int().meta({ description: 'How many packs it moved.' }),
}) satisfies z.ZodType<RecordedStep>;
