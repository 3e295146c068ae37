/**
 * The ledger over HTTP (docs/ledger.md): checkpoints, blocks and consistency proofs are public,
 * so anyone can follow the chain; event leaves, the EPCIS events they hold and inclusion proofs
 * need an API key (for now any organisation's: who may see which event comes with EPCIS query).
 * The bulk leaves, which an auditor reads to re-verify the whole chain, are every event's
 * content: regulators and the admin only.
 */
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { EpcisEvent } from '@pedigree/domain';
import type { FastifyReply } from 'fastify';
import { Public, Roles } from '../auth/auth.decorators';
import {
  blocksQuerySchema,
  consistencyQuerySchema,
  eventIdSchema,
  heightSchema,
  leavesQuerySchema,
  proofQuerySchema,
  type BlocksView,
  type BlockView,
  type ConsistencyQuery,
  type ConsistencyView,
  type LeafView,
  type LeavesView,
  type PageQuery,
  type ProofQuery,
  type ProofView,
} from './dto/ledger.dto';
import { LedgerService } from './ledger.service';
import { ApiDoc } from '../openapi/api-doc.decorator';

/** Plain text on success only: an error keeps the API's JSON shape. */
function text(reply: FastifyReply, body: string): string {
  void reply.type('text/plain; charset=utf-8');
  return body;
}

@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Public()
  @ApiDoc({
    summary: "The latest block's C2SP signed checkpoint",
    returns: 'The signed note',
    produces: ['text/plain'],
  })
  @Get('checkpoint')
  async checkpoint(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return text(reply, await this.ledger.checkpoint());
  }

  @Public()
  @ApiDoc({
    summary: 'The vkey that signed the latest block',
    returns: 'A C2SP verifier key',
    produces: ['text/plain'],
  })
  @Get('key')
  async key(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return text(reply, await this.ledger.key());
  }

  @Public()
  @ApiDoc({
    summary: 'Blocks, oldest first from `from`',
    returns: 'The blocks with headers, signatures and checkpoints',
  })
  @Get('blocks')
  blocks(@Query({ schema: blocksQuerySchema }) query: PageQuery): Promise<BlocksView> {
    return this.ledger.blockPage(query.from, query.limit);
  }

  @Public()
  @ApiDoc({ summary: 'One block, or `latest`', returns: 'The block' })
  @Get('blocks/:height')
  block(@Param('height', { schema: heightSchema }) height: number | 'latest'): Promise<BlockView> {
    return this.ledger.block(height);
  }

  @Public()
  @ApiDoc({ summary: 'A consistency proof between two tree sizes', returns: 'The RFC 9162 proof' })
  @Get('consistency')
  consistency(
    @Query({ schema: consistencyQuerySchema }) query: ConsistencyQuery,
  ): Promise<ConsistencyView> {
    return this.ledger.consistency(query.from, query.to);
  }

  @Roles('regulator', 'admin')
  @ApiDoc({
    summary: 'Sealed events by leaf index, for auditors',
    returns: 'The leaves: each the exact bytes it commits to',
  })
  @Get('leaves')
  leaves(@Query({ schema: leavesQuerySchema }) query: PageQuery): Promise<LeavesView> {
    return this.ledger.leafPage(query.from, query.limit);
  }

  @ApiDoc({ summary: "An event's leaf", returns: 'The bytes the leaf commits to and its hash' })
  @Get('events/:id/leaf')
  leaf(@Param('id', { schema: eventIdSchema }) id: string): Promise<LeafView> {
    return this.ledger.leaf(id);
  }

  @ApiDoc({
    summary: 'An event as EPCIS 2.0 JSON-LD',
    description:
      'The sealed EPCIS event, exactly as its leaf holds it: its RFC 8785 canonical JSON is the leaf ' +
      'document, so `SHA-256(0x00 || canonical JSON)` is the leaf hash of `GET /ledger/events/:id/proof` ' +
      '(docs/epcis.md).',
    returns: 'The EPCIS event (ObjectEvent or AggregationEvent) with its eventID',
    produces: ['application/ld+json'],
  })
  @Get('events/:id/epcis')
  async epcis(
    @Param('id', { schema: eventIdSchema }) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EpcisEvent> {
    const event = await this.ledger.epcisEvent(id);
    void reply.type('application/ld+json; charset=utf-8');
    return event;
  }

  @ApiDoc({
    summary: "An event's inclusion proof",
    returns: 'The path from the leaf to the root of a signed block',
  })
  @Get('events/:id/proof')
  proof(
    @Param('id', { schema: eventIdSchema }) id: string,
    @Query({ schema: proofQuerySchema }) query: ProofQuery,
  ): Promise<ProofView> {
    return this.ledger.proof(id, query.treeSize);
  }
}
