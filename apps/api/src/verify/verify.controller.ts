/** POST /verify: a pack's verdict from what the scanner read (docs/api.md, "Verification"). */
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { Organisation } from '@pedigree/persistence';
import { CurrentOrganisation } from '../auth/auth.decorators';
import { verificationSchema, verifySchema, type Verification, type VerifyDto } from './verify.dto';
import { VerifyService } from './verify.service';
import { ApiDoc } from '../openapi/api-doc.decorator';

@Controller('verify')
export class VerifyController {
  constructor(private readonly verification: VerifyService) {}

  @ApiDoc({
    summary: 'Verify a pack from what the scanner read',
    description:
      'Scan data, an element string, bracketed AIs or a Digital Link. Always 200 with a verdict for a well-formed request: an alert is an answer, not an error.',
    returns: 'The verdict code and its sentence, the pack and the product',
    schema: verificationSchema,
    errors: ['NOT_FOUND'],
  })
  @Post()
  @HttpCode(200)
  verify(
    @CurrentOrganisation() organisation: Organisation,
    @Body({ schema: verifySchema }) body: VerifyDto,
  ): Promise<Verification> {
    return this.verification.verify(organisation, body);
  }
}
