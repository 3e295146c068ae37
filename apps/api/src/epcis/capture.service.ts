/**
 * The EPCIS 2.0 REST binding's capture side (docs/epcis.md, "Capture"): a document is checked
 * against GS1's schema and the limits, answered 202 with its capture job, and recorded in the
 * background by the capture recorder; one event is recorded at once. The pack rules live in the
 * recorder.
 */
import { Injectable, Logger } from '@nestjs/common';
import {
  epcisDocumentEvents,
  eventHash,
  validateEpcisSchema,
  type JsonObject,
} from '@pedigree/epcis';
import { CaptureJobRepository, type CaptureJob, type Organisation } from '@pedigree/persistence';
import { CaptureRecorder, type CaptureErrorBehaviour } from '@pedigree/recording';
import { ApiException, statusOf, type ApiErrorCode } from '../errors/api.exception';
import { CAPTURE_LIMIT, type CaptureJobsQuery, type CaptureJobView } from './capture.dto';

const VALIDATION_PROBLEM = {
  type: 'epcisException:ValidationException',
  title: 'The request is not a valid EPCIS 2.0 document',
};

@Injectable()
export class EpcisCaptureService {
  private readonly logger = new Logger('epcis-capture');

  constructor(
    private readonly recorder: CaptureRecorder,
    private readonly jobs: CaptureJobRepository,
  ) {}

  /**
   * Accepts a document as a capture job, recorded in the background.
   * @throws ApiException VALIDATION (not an EPCIS document by GS1's schema), PAYLOAD_TOO_LARGE
   */
  async capture(
    organisation: Organisation,
    body: unknown,
    behaviour: CaptureErrorBehaviour,
  ): Promise<CaptureJob> {
    if (!isDocument(body)) {
      throw invalid('the body must be an EPCISDocument or an EPCISQueryDocument');
    }
    checkSchema(body);
    const { events, options } = epcisDocumentEvents(body);
    if (events.length > CAPTURE_LIMIT) {
      throw new ApiException(
        'PAYLOAD_TOO_LARGE',
        `The document holds ${events.length} events; a capture takes at most ${CAPTURE_LIMIT}: split it.`,
        undefined,
        { type: 'epcisException:CaptureLimitExceededException', title: 'Too many events' },
      );
    }
    const job = await this.jobs.create({
      organisationId: organisation.id,
      errorBehaviour: behaviour,
      eventCount: events.length,
    });
    // The job runs after the answer; its outcome, or the failure that ended it, is kept on it.
    void this.recorder
      .capture({ organisation, events, options, behaviour })
      .catch((error: unknown) => {
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        return {
          success: false,
          errors: [
            {
              eventIndex: -1,
              eventID: null,
              code: 'INTERNAL',
              reason:
                'The capture failed on the server and stored nothing; it has been logged. Capture the document again.',
            },
          ],
          eventIds: [],
          duplicates: [],
        };
      })
      .then((outcome) => this.jobs.finish(job.id, outcome));
    return job;
  }

  /**
   * Records one event at once (POST /epcis/events): all or nothing.
   * @returns the event's eventID (as sent, or its GS1 event hash)
   * @throws ApiException VALIDATION (schema), CONFLICT (recorded already), or the rule's code
   */
  async captureEvent(organisation: Organisation, body: unknown): Promise<string> {
    if (!isDocument(body) || typeof body.type !== 'string' || !body.type.endsWith('Event')) {
      throw invalid(
        'the body must be one EPCIS event (ObjectEvent, AggregationEvent, …) with its @context',
      );
    }
    checkSchema(body);
    const { ['@context']: context, ...event } = body;
    const outcome = await this.recorder.capture({
      organisation,
      events: [event as JsonObject],
      options: { context },
      behaviour: 'rollback',
    });
    if (outcome.duplicates.length > 0) {
      throw new ApiException(
        'CONFLICT',
        `This event is recorded already (eventID ${outcome.duplicates[0]}, same GS1 event hash).`,
      );
    }
    const [error] = outcome.errors;
    if (error) {
      const code = (error.code === 'UNSUPPORTED' ? 'VALIDATION' : error.code) as ApiErrorCode;
      // A pack rule's refusal says so already; a refusal of the event itself does not.
      const reason = error.reason.startsWith('Nothing was recorded')
        ? error.reason
        : `Nothing was recorded: ${error.reason.replace(/\.$/, '')}.`;
      throw new ApiException(code, reason);
    }
    return typeof event.eventID === 'string' ? event.eventID : eventHash(event, { context });
  }

  /** @throws ApiException NOT_FOUND unless it is the caller's job */
  async job(organisation: Organisation, id: string): Promise<CaptureJobView> {
    const job = await this.jobs.find(organisation.id, id);
    if (!job) {
      throw new ApiException(
        'NOT_FOUND',
        `No capture job ${id} of yours: check the Location you were given.`,
      );
    }
    return view(job);
  }

  /** The caller's 100 most recent jobs, newest first. */
  async list(organisation: Organisation, page: CaptureJobsQuery): Promise<CaptureJobView[]> {
    return (await this.jobs.list(organisation.id, page)).map(view);
  }
}

function isDocument(body: unknown): body is JsonObject {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

function invalid(detail: string): ApiException {
  return new ApiException(
    'VALIDATION',
    `Nothing was captured: ${detail}.`,
    undefined,
    VALIDATION_PROBLEM,
  );
}

/** @throws ApiException VALIDATION with the schema's first errors (path and message) */
function checkSchema(body: JsonObject): void {
  const errors = validateEpcisSchema(body);
  if (errors.length === 0) return;
  const said = errors
    .slice(0, 5)
    .map((e) => `${e.path} ${e.message}`)
    .join('; ');
  throw invalid(
    `GS1's EPCIS 2.0 schema refuses it: ${said}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ''}`,
  );
}

/**
 * A job still running after this long died with the process that ran it (a 10,000-event
 * document takes under a minute). A capture is one transaction, so such a job stored nothing.
 */
export const INTERRUPTED_AFTER_MS = 30 * 60_000;

/** A job as the binding's CaptureJob, with each error as an RFC 7807 problem. */
function view(stored: CaptureJob): CaptureJobView {
  const job =
    stored.running && Date.now() - stored.createdAt.getTime() > INTERRUPTED_AFTER_MS
      ? {
          ...stored,
          running: false,
          success: false,
          errors: [
            {
              eventIndex: -1,
              eventID: null,
              code: 'INTERNAL',
              reason: `The job stopped with the process that ran it (still running after ${INTERRUPTED_AFTER_MS / 60_000} minutes). A capture is one transaction, so nothing of the document was stored: capture it again.`,
            },
          ],
        }
      : stored;
  return {
    captureID: job.id,
    createdAt: job.createdAt.toISOString(),
    ...(job.finishedAt && { finishedAt: job.finishedAt.toISOString() }),
    running: job.running,
    success: job.success,
    captureErrorBehaviour: job.errorBehaviour,
    errors: job.errors.map((e) => ({
      type: 'epcisException:ValidationException',
      title: `Event ${e.eventIndex} refused: ${e.code}`,
      status: statusOfJobError(e.code),
      detail: e.reason,
      ...e,
    })),
    eventCount: job.eventCount,
    eventIds: job.eventIds,
    duplicates: job.duplicates,
  };
}

function statusOfJobError(code: string): number {
  if (code === 'UNSUPPORTED') return 400;
  if (code === 'INTERNAL') return 500;
  return statusOf(code as ApiErrorCode);
}
