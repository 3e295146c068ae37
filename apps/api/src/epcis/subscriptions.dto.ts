/**
 * A webhook subscription to a named query (`POST /epcis/queries/{queryName}/subscriptions`), as
 * the EPCIS REST binding writes it: `dest`, an optional `signatureToken` and `initialRecordTime`,
 * and `stream: true`. Only streaming subscriptions are offered; a `schedule` is refused by name.
 */
import { z } from 'zod';
import { newestFirstPage } from '../newest-first-page';

const DEST_ERROR = 'dest must be an http or https URL such as https://client.example.com/epcis';

export const subscribeSchema = z.strictObject(
  {
    dest: z.string({ error: DEST_ERROR }).refine(
      (value) => {
        try {
          return ['http:', 'https:'].includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { error: DEST_ERROR },
    ),
    signatureToken: z
      .string()
      .min(16, {
        error:
          'signatureToken must be at least 16 characters: it is the HMAC key that signs each notification; leave it out and one is made for you',
      })
      .max(512, { error: 'signatureToken must be at most 512 characters' })
      .optional(),
    stream: z.literal(true, {
      error:
        'stream must be true: this repository notifies subscriptions as events arrive, the only kind it offers',
    }),
    schedule: z
      .never({
        error:
          'schedule: scheduled subscriptions are not offered; subscribe with "stream": true to be notified as events arrive',
      })
      .optional(),
    reportIfEmpty: z
      .literal(false, {
        error:
          'reportIfEmpty applies to scheduled subscriptions, which are not offered; a stream notifies only when events arrive',
      })
      .optional(),
    initialRecordTime: z.iso
      .datetime({
        offset: true,
        error:
          'initialRecordTime must be a date and time with its offset, such as 2026-11-24T09:00:00Z',
      })
      .transform((value) => new Date(value))
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.join(', ')}: not a subscription field this repository takes; it takes dest, signatureToken, stream, initialRecordTime`
        : undefined,
  },
);

export type SubscribeDto = z.infer<typeof subscribeSchema>;

export const subscriptionIdSchema = z.uuid({
  error: 'the subscriptionID must be the id POST .../subscriptions answered with',
});

export const deliveriesPageSchema = z.strictObject(newestFirstPage('a delivery'));

export type DeliveriesPage = z.infer<typeof deliveriesPageSchema>;
