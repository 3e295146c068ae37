/** Scanners of the organisation's sites: enrol one with its public key, list, revoke. */
import { Body, Controller, Delete, Get, Param, Post, Res } from '@nestjs/common';
import type { Device, Organisation } from '@pedigree/persistence';
import { CurrentOrganisation, Roles } from '../auth/auth.decorators';
import type { FastifyReply } from 'fastify';
import { DevicesService, type DeviceProvisioning } from './devices.service';
import { deviceIdSchema, enrolDeviceSchema, type EnrolDeviceDto } from './dto/device.dto';
import { ApiDoc } from '../openapi/api-doc.decorator';

/** Who scans goods: regulators and the platform admin own no scanners. */
@Roles('manufacturer', 'distributor', 'pharmacy')
@Controller('devices')
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @ApiDoc({
    summary: 'Enrol a scanner at one of your sites with its Ed25519 public key',
    returns: 'The device: its id is its MQTT client id and user name',
    errors: ['CONFLICT'],
  })
  @Post()
  enrol(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: enrolDeviceSchema }) body: EnrolDeviceDto,
  ): Promise<Device> {
    return this.devices.enrol(organisation, body);
  }

  @ApiDoc({
    summary: "Your organisation's scanners",
    returns: 'The devices, with last seen time and counts',
  })
  @Get()
  list(@CurrentOrganisation() organisation: Organisation): Promise<Device[]> {
    return this.devices.list(organisation);
  }

  @ApiDoc({ summary: 'One of your scanners', returns: 'The device' })
  @Get(':id')
  get(
    @CurrentOrganisation() organisation: Organisation,
    @Param('id', { schema: deviceIdSchema }) id: string,
  ): Promise<Device> {
    return this.devices.get(organisation, id);
  }

  @ApiDoc({
    summary: 'What to tell one of your scanners once enrolled',
    description:
      'Its id (its MQTT client id and user name), its site, its scan and verdict topics and the `pedigree scanner run` command with its options. Its private key is not here: it never leaves the device (docs/scanner.md).',
    returns: 'The provisioning data',
  })
  @Get(':id/provisioning')
  provisioning(
    @CurrentOrganisation() organisation: Organisation,
    @Param('id', { schema: deviceIdSchema }) id: string,
  ): Promise<DeviceProvisioning> {
    return this.devices.provisioning(organisation, id);
  }

  @ApiDoc({
    summary: 'The provisioning data as a QR code',
    description:
      'An SVG QR code of the JSON `{deviceId, siteGln, scans, verdicts}` (`GET /devices/{id}/provisioning`’s essentials: the MQTT client id and user name are the device id), for a handheld to scan at set-up.',
    returns: 'The QR code (SVG)',
    produces: ['image/svg+xml'],
  })
  @Get(':id/provisioning/qr')
  async provisioningQr(
    @CurrentOrganisation() organisation: Organisation,
    @Param('id', { schema: deviceIdSchema }) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const svg = await this.devices.provisioningQr(organisation, id);
    void reply.headers({
      'content-type': 'image/svg+xml; charset=utf-8',
      // Opened on its own, the image may do nothing but draw itself.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    return svg;
  }

  @ApiDoc({
    summary: 'Revoke a scanner',
    description: "Revoked at once: the ingest refuses the device's next envelope.",
    returns: 'The device, revoked',
  })
  @Delete(':id')
  revoke(
    @CurrentOrganisation() organisation: Organisation,
    @Param('id', { schema: deviceIdSchema }) id: string,
  ): Promise<Device> {
    return this.devices.revoke(organisation, id);
  }
}
