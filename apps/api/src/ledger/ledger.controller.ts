/**
 * The ledger over HTTP (docs/ledger.md): checkpoints, blocks and consistency proofs are public,
 * so anyone can follow the chain; event leaves and inclusion proofs need an API key (for now any
 * organisation's: who may see which event comes with EPCIS query). The bulk leaves, which an
 * auditor reads to re-verify the whole chain, are every event's content: regulators and the
 * admin only.
 */
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
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

/** Plain text on success only: an error keeps the API's JSON shape. */
function text(reply: FastifyReply, body: string): string {
  void reply.type('text/plain; charset=utf-8');
  return body;
}

@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  /** The latest block's C2SP signed checkpoint note. */
  @Public()
  @Get('checkpoint')
  async checkpoint(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return text(reply, await this.ledger.checkpoint());
  }

  /** The vkey that signed the latest block. */
  @Public()
  @Get('key')
  async key(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return text(reply, await this.ledger.key());
  }

  @Public()
  @Get('blocks')
  blocks(@Query({ schema: blocksQuerySchema }) query: PageQuery): Promise<BlocksView> {
    return this.ledger.blockPage(query.from, query.limit);
  }

  @Public()
  @Get('blocks/:height')
  block(@Param('height', { schema: heightSchema }) height: number | 'latest'): Promise<BlockView> {
    return this.ledger.block(height);
  }

  @Public()
  @Get('consistency')
  consistency(
    @Query({ schema: consistencyQuerySchema }) query: ConsistencyQuery,
  ): Promise<ConsistencyView> {
    return this.ledger.consistency(query.from, query.to);
  }

  @Roles('regulator', 'admin')
  @Get('leaves')
  leaves(@Query({ schema: leavesQuerySchema }) query: PageQuery): Promise<LeavesView> {
    return this.ledger.leafPage(query.from, query.limit);
  }

  @Get('events/:id/leaf')
  leaf(@Param('id', { schema: eventIdSchema }) id: string): Promise<LeafView> {
    return this.ledger.leaf(id);
  }

  @Get('events/:id/proof')
  proof(
    @Param('id', { schema: eventIdSchema }) id: string,
    @Query({ schema: proofQuerySchema }) query: ProofQuery,
  ): Promise<ProofView> {
    return this.ledger.proof(id, query.treeSize);
  }
}
