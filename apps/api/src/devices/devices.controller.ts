/** Scanners of the organisation's sites: enrol one with its public key, list, revoke. */
import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import type { Device, Organisation } from '@pedigree/persistence';
import { CurrentOrganisation, Roles } from '../auth/auth.decorators';
import { DevicesService } from './devices.service';
import { deviceIdSchema, enrolDeviceSchema, type EnrolDeviceDto } from './dto/device.dto';

/** Who scans goods: regulators and the platform admin own no scanners. */
@Roles('manufacturer', 'distributor', 'pharmacy')
@Controller('devices')
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Post()
  enrol(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: enrolDeviceSchema }) body: EnrolDeviceDto,
  ): Promise<Device> {
    return this.devices.enrol(organisation, body);
  }

  @Get()
  list(@CurrentOrganisation() organisation: Organisation): Promise<Device[]> {
    return this.devices.list(organisation);
  }

  @Get(':id')
  get(
    @CurrentOrganisation() organisation: Organisation,
    @Param('id', { schema: deviceIdSchema }) id: string,
  ): Promise<Device> {
    return this.devices.get(organisation, id);
  }

  /** Revoked at once: the ingest refuses the device's next envelope. */
  @Delete(':id')
  revoke(
    @CurrentOrganisation() organisation: Organisation,
    @Param('id', { schema: deviceIdSchema }) id: string,
  ): Promise<Device> {
    return this.devices.revoke(organisation, id);
  }
}
