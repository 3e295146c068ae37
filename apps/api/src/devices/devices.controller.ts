/** Scanners of the organisation's sites: enrol one with its public key, list, revoke. */
import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import type { Device, Organisation } from '@pedigree/persistence';
import { CurrentOrganisation, Roles } from '../auth/auth.decorators';
import { DevicesService } from './devices.service';
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
