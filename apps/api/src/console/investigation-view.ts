/**
 * The alert list's pure pieces (docs/console.md), shared by the manufacturer and regulator
 * screens and bundled into the console's script: the query a filter makes.
 */
import { ALERT_CODE_LIST } from './console-words';

export interface AlertFilter {
  code?: string;
  state?: 'open' | 'closed';
  /** The last id of the page shown, for the next older page. */
  before?: string;
}

/** Alerts per page. */
export const ALERT_PAGE = 50;

/**
 * GET /alerts with the filter's parameters; a code or state the API does not know is left out.
 * @example alertsPath({ code: 'SUSPECT', state: 'open' }) // '/alerts?limit=50&code=SUSPECT&state=open'
 */
export function alertsPath(filter: AlertFilter, limit = ALERT_PAGE): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (filter.code && (ALERT_CODE_LIST as readonly string[]).includes(filter.code)) {
    query.set('code', filter.code);
  }
  if (filter.state === 'open' || filter.state === 'closed') query.set('state', filter.state);
  if (filter.before && /^[1-9]\d*$/.test(filter.before)) query.set('before', filter.before);
  return `/alerts?${query.toString()}`;
}
