/**
 * An organisation's scanners: enrolled at one of its sites with the device's own Ed25519 public
 * key, listed with what the ingest has seen from them, revoked at once.
 */
import { Injectable } from '@nestjs/common';
import { scanTopic, verdictTopic } from '@pedigree/contracts';
import { qrCode } from '@pedigree/labels';
import { DeviceRepository, type Device, type Organisation } from '@pedigree/persistence';
import { ApiException } from '../errors/api.exception';
import { SitesService } from '../sites/sites.service';
import type { EnrolDeviceDto } from './dto/device.dto';

@Injectable()
export class DevicesService {
  constructor(
    private readonly devices: DeviceRepository,
    private readonly sites: SitesService,
  ) {}

  /**
   * @throws ApiException NOT_FOUND unless the site is the caller's; CONFLICT when the key is
   * enrolled already.
   */
  async enrol(organisation: Organisation, device: EnrolDeviceDto): Promise<Device> {
    const site = await this.sites.own(organisation, device.siteGln);
    const enrolled = await this.devices.insert({
      organisationId: organisation.id,
      siteId: site.id,
      name: device.name,
      publicKey: device.publicKey,
    });
    if (!enrolled) {
      throw new ApiException(
        'CONFLICT',
        'This public key is enrolled for a device already. Each scanner needs its own key: run `pedigree scanner enrol` on this device again and enrol the new key.',
      );
    }
    return enrolled;
  }

  list(organisation: Organisation): Promise<Device[]> {
    return this.devices.listByOrganisation(organisation.id);
  }

  /** @throws ApiException NOT_FOUND unless the device is the caller's. */
  async get(organisation: Organisation, id: string): Promise<Device> {
    const device = await this.devices.findById(id);
    if (!device || device.organisationId !== organisation.id) throw notFound(id);
    return device;
  }

  /**
   * Revokes one of the caller's devices: its envelopes are refused from now on. Revoking twice
   * keeps the first time.
   *
   * @throws ApiException NOT_FOUND unless the device is the caller's.
   */
  async revoke(organisation: Organisation, id: string): Promise<Device> {
    const revoked = await this.devices.revoke(organisation.id, id);
    if (!revoked) throw notFound(id);
    return revoked;
  }

  /**
   * What a scanner needs to be told once enrolled (its private key never leaves it): its id,
   * which is its MQTT client id and user name, its site, its topics, and the agent's command.
   * @throws ApiException NOT_FOUND unless the device is the caller's
   */
  async provisioning(organisation: Organisation, id: string): Promise<DeviceProvisioning> {
    const device = await this.get(organisation, id);
    return {
      deviceId: device.id,
      name: device.name,
      siteGln: device.siteGln,
      mqtt: {
        clientId: device.id,
        username: device.id,
        scans: scanTopic(device.id),
        verdicts: verdictTopic(device.id),
      },
      command: `pedigree scanner run --device ${device.id} --site ${device.siteGln} --key pedigree-scanner.key`,
    };
  }

  /**
   * The provisioning as a QR code (SVG) a handheld scans at set-up: the JSON of what it needs to
   * connect, `{deviceId, siteGln, scans, verdicts}` (its MQTT client id and user name are its
   * id), kept short so that the code stays easy to read from a screen.
   * @throws ApiException NOT_FOUND unless the device is the caller's
   */
  async provisioningQr(organisation: Organisation, id: string): Promise<string> {
    const { deviceId, siteGln, mqtt } = await this.provisioning(organisation, id);
    const data = { deviceId, siteGln, scans: mqtt.scans, verdicts: mqtt.verdicts };
    return qrCode(JSON.stringify(data), 'svg');
  }
}

function notFound(id: string): ApiException {
  return new ApiException(
    'NOT_FOUND',
    `Your organisation has no device with id ${id}. List your devices with GET /devices.`,
  );
}

/** GET /devices/:id/provisioning */
export interface DeviceProvisioning {
  deviceId: string;
  name: string;
  siteGln: string;
  mqtt: { clientId: string; username: string; scans: string; verdicts: string };
  /** `pedigree scanner run` with this device's options (the key file is the device's own). */
  command: string;
}
