/** POST /verify: a pack's verdict from what the scanner read (docs/api.md, "Verification"). */
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import { CurrentOrganisation } from '../auth/auth.decorators';
import { verifySchema, type VerifyDto } from './verify.dto';
import { VerifyService, type Verification } from './verify.service';

@Controller('verify')
export class VerifyController {
  constructor(private readonly verification: VerifyService) {}

  /** Always 200 with a verdict for a well-formed request: an alert is an answer, not an error. */
  @Post()
  @HttpCode(200)
  verify(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: verifySchema }) body: VerifyDto,
  ): Promise<Verification> {
    return this.verification.verify(organisation, body);
  }
}
