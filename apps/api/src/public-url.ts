/**
 * Where the public reaches this platform: the base of the GS1 Digital Link in every QR code and
 * consumer link. PEDIGREE_PUBLIC_URL when set; otherwise the origin the request came to, which is
 * right for a platform reached directly (the README's `npm start`) and wrong behind a proxy that
 * rewrites the host, which is why the setting exists.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export const PUBLIC_URL = 'pedigree:public-url';

@Injectable()
export class PublicUrl {
  constructor(@Inject(PUBLIC_URL) private readonly configured: string | undefined) {}

  /** e.g. `https://verify.example.org` (no trailing slash). */
  base(request: FastifyRequest): string {
    return this.configured ?? `${request.protocol}://${request.host}`;
  }
}
