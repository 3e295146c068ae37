/** The EPCIS capture interface's request header, limits and answers (the REST binding's CaptureJob). */
import { z } from 'zod';
import { newestFirstPage } from '../newest-first-page';

/** Events per captured document: a 10,000-event document is captured in one job. */
export const CAPTURE_LIMIT = 10_000;
/** Bytes per captured document: 10,000 events of ~2 KB, with room. Only the capture routes take it. */
export const CAPTURE_FILE_SIZE_LIMIT = 32 * 1024 * 1024;

/** What the capture interface advertises (OPTIONS /epcis/capture, and every 202). */
export const CAPTURE_HEADERS = {
  'GS1-EPCIS-Version': '2.0.0',
  'GS1-CBV-Version': '2.0.0',
  'GS1-EPCIS-Capture-Limit': String(CAPTURE_LIMIT),
  'GS1-EPCIS-Capture-File-Size-Limit': String(CAPTURE_FILE_SIZE_LIMIT),
  'GS1-Capture-Error-Behaviour': 'all',
};

export const errorBehaviourSchema = z
  .enum(['rollback', 'proceed'], {
    error: 'GS1-Capture-Error-Behaviour must be rollback (the default) or proceed',
  })
  .default('rollback');

export const captureIdSchema = z.uuid({ error: 'captureID must be a capture job id (a UUID)' });

/** `GET /epcis/capture`: newest first, `before` the last job of the previous page. */
export const captureJobsQuerySchema = z.strictObject({
  before: z
    .uuid({ error: 'before must be the id of a capture job, as the previous page listed' })
    .optional(),
  limit: newestFirstPage('a capture job').limit,
});
export type CaptureJobsQuery = z.infer<typeof captureJobsQuerySchema>;

const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  eventIndex: z.number(),
  eventID: z.string().nullable(),
  code: z.string(),
});

export const captureJobSchema = z.object({
  captureID: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  running: z.boolean(),
  success: z.boolean(),
  captureErrorBehaviour: z.enum(['rollback', 'proceed']),
  errors: z.array(problem),
  eventCount: z.number(),
  eventIds: z.array(z.string()),
  duplicates: z.array(z.string()),
});

export type CaptureJobView = z.infer<typeof captureJobSchema>;
