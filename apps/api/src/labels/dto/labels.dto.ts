/** Query parameters of the label endpoints (zod, validated by the global Standard Schema pipe). */
import { z } from 'zod';
import { MAX_SHEET_LABELS } from '../sheet-size';

export const symbolQuerySchema = z.object({
  symbol: z.enum(['qr', 'datamatrix'], {
    error:
      'symbol must be qr (the Digital Link, for phones) or datamatrix (the GS1 element string, ' +
      'for pharmacy scanners), e.g. ?symbol=datamatrix',
  }),
  format: z
    .enum(['svg', 'png'], { error: 'format must be svg or png, e.g. ?symbol=qr&format=png' })
    .optional()
    .default('svg'),
});

const wholeNumber = (name: string) =>
  z
    .string({ error: `${name} must be a whole number` })
    .regex(/^(0|[1-9][0-9]{0,8})$/, {
      error: `${name} must be a whole number such as 0 or 24, without sign, spaces or leading zeros`,
    })
    .transform(Number);

export const sheetQuerySchema = z.object({
  from: wholeNumber('from').optional().default(0),
  limit: wholeNumber('limit')
    .optional()
    .default(MAX_SHEET_LABELS)
    .refine((limit) => limit >= 1 && limit <= MAX_SHEET_LABELS, {
      error:
        `limit must be between 1 and ${MAX_SHEET_LABELS} labels per sheet: print a longer ` +
        `range as several sheets, moving from on by the limit (from=0, from=${MAX_SHEET_LABELS}, ...)`,
    }),
});

export type SymbolQuery = z.infer<typeof symbolQuerySchema>;
export type SheetQuery = z.infer<typeof sheetQuerySchema>;
