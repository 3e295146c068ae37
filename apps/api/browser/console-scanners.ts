/**
 * The scanners section (docs/console.md) of the manufacturer's and distributor's screens: the
 * organisation's scanners (GET /devices) with their last seen time and counts, each revocable
 * behind a confirmation (DELETE /devices/{id}); enrolling one with the public key it made itself
 * (POST /devices), then what to tell it, as text and as a QR code
 * (GET /devices/{id}/provisioning[/qr]); the quarantined messages, newest first, a page at a time
 * (GET /quarantine).
 */
import { fill } from '../src/consumer/consumer-words';
import { CONSOLE_WORDS } from '../src/console/console-words';
import { call, type Answer } from './console-api';
import { element, make, newestFirstTable, row, say, timeOf } from './console-dom';

const WORDS = CONSOLE_WORDS.scanners;

/** Quarantined messages per page. */
const QUARANTINE_PAGE = 50;

interface DeviceJson {
  id: string;
  name: string;
  siteGln: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  envelopes: number;
  scans: number;
}

interface QuarantineJson {
  id: string;
  receivedAt: string;
  reason: string;
  detail: string;
}

interface ProvisioningJson {
  deviceId: string;
  name: string;
  siteGln: string;
  mqtt: { clientId: string; username: string; scans: string; verdicts: string };
  command: string;
}

export function runScanners(
  refused: (answer: Extract<Answer<unknown>, { ok: false }>, where: HTMLElement) => void,
): void {
  const number = new Intl.NumberFormat(CONSOLE_WORDS.locale);
  const outcome = element('devices-outcome');
  const dialog = element<HTMLDialogElement>('revoke-dialog');
  let asked: DeviceJson | undefined;

  async function devices(): Promise<void> {
    const empty = element('devices-empty');
    const answer = await call<DeviceJson[]>('GET', '/devices');
    if (!answer.ok) {
      empty.hidden = false;
      refused(answer, empty);
      return;
    }
    element('device-rows').replaceChildren(
      ...answer.body.map((device) => {
        const cell = make('span');
        if (!device.revokedAt) {
          const revoke = make('button', WORDS.revoke, 'secondary');
          revoke.type = 'button';
          revoke.id = `revoke-${device.id}`;
          revoke.setAttribute('aria-label', fill(WORDS.revokeLabel, { name: device.name }));
          revoke.addEventListener('click', () => ask(device));
          cell.append(revoke);
        }
        const tr = row(
          device.name,
          `GLN ${device.siteGln}`,
          device.lastSeenAt ? timeOf(device.lastSeenAt) : WORDS.never,
          `${number.format(device.envelopes)} / ${number.format(device.scans)}`,
          device.revokedAt ? WORDS.revoked : WORDS.active,
          cell,
        );
        tr.dataset.device = device.id;
        tr.cells[4].dataset.state = device.revokedAt ? 'closed' : 'open';
        return tr;
      }),
    );
    empty.hidden = answer.body.length > 0;
  }

  const quarantine = newestFirstTable({
    rows: element<HTMLTableSectionElement>('quarantine-rows'),
    empty: element('quarantine-empty'),
    more: element<HTMLButtonElement>('quarantine-more'),
    error: element('quarantine-error'),
    page: QUARANTINE_PAGE,
    fetch: (before) => {
      const query = new URLSearchParams({ limit: String(QUARANTINE_PAGE) });
      if (before) query.set('before', before);
      return call<QuarantineJson[]>('GET', `/quarantine?${query.toString()}`);
    },
    row: (message) => {
      const tr = row(timeOf(message.receivedAt), message.reason, message.detail);
      tr.dataset.id = message.id;
      return tr;
    },
    refused,
  });

  function ask(device: DeviceJson): void {
    asked = device;
    element('revoke-title').textContent = fill(WORDS.confirmTitle, { name: device.name });
    element('revoke-ok').textContent = fill(WORDS.confirmOk, { name: device.name });
    dialog.returnValue = '';
    dialog.showModal();
    element('revoke-cancel').focus();
  }

  dialog.addEventListener('close', () => {
    const device = asked;
    if (!device) return;
    if (dialog.returnValue !== 'ok') {
      document.getElementById(`revoke-${device.id}`)?.focus();
      return;
    }
    void (async () => {
      const answer = await call('DELETE', `/devices/${encodeURIComponent(device.id)}`);
      if (!answer.ok) refused(answer, outcome);
      else say(outcome, fill(WORDS.revokedDone, { name: device.name }), 'ok');
      await devices();
      outcome.tabIndex = -1;
      outcome.focus();
    })();
  });

  const form = document.getElementById('enrol-form') as HTMLFormElement | null;
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const enrolOutcome = element('enrol-outcome');
    const name = element<HTMLInputElement>('enrol-name').value.trim();
    void (async () => {
      const answer = await call<DeviceJson>('POST', '/devices', {
        name,
        siteGln: element<HTMLSelectElement>('enrol-site').value,
        publicKey: element<HTMLInputElement>('enrol-key').value.trim(),
      });
      if (!answer.ok) {
        refused(answer, enrolOutcome);
        return;
      }
      const id = encodeURIComponent(answer.body.id);
      const provisioning = await call<ProvisioningJson>('GET', `/devices/${id}/provisioning`);
      if (!provisioning.ok) {
        refused(provisioning, enrolOutcome);
        return;
      }
      form.reset();
      say(enrolOutcome, fill(WORDS.enrolled, { name: answer.body.name }), 'ok');
      const data = provisioning.body;
      element('provisioning-text').textContent = [
        `device id: ${data.deviceId}`,
        `site (GLN): ${data.siteGln}`,
        `MQTT client id and user name: ${data.mqtt.clientId}`,
        `publishes scans on: ${data.mqtt.scans}`,
        `hears verdicts on: ${data.mqtt.verdicts}`,
        '',
        data.command,
      ].join('\n');
      const qr = element<HTMLImageElement>('provisioning-qr');
      qr.alt = fill(WORDS.qr, { name: data.name });
      qr.src = `/devices/${id}/provisioning/qr`;
      const section = element('provisioning');
      section.hidden = false;
      section.dataset.device = data.deviceId;
      section.focus();
      await devices();
    })();
  });

  void devices();
  void quarantine.load();
}
