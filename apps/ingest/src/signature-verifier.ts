/**
 * Ed25519 verification of a batch of envelopes on a worker thread. Verifying is the ingest's
 * largest single cost (about 0.1 ms an envelope, TOOLCHAIN.md), and on the main thread it would
 * hold up the previous batch's commit; on a worker it runs beside it, on another core.
 * The worker uses node:crypto with the same key cache as the rest of the server.
 */
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { nodeCryptoBackend } from '@pedigree/ledger/node';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

/** One signature to check. */
export interface SignatureCheck {
  publicKey: Uint8Array;
  message: Uint8Array;
  signature: Uint8Array;
}

interface Request {
  id: number;
  checks: SignatureCheck[];
}

interface Reply {
  id: number;
  valid: boolean[];
}

@Injectable()
export class SignatureVerifier implements OnModuleDestroy {
  private worker?: Worker;
  private readonly waiting = new Map<
    number,
    { checks: SignatureCheck[]; answer: (valid: boolean[]) => void }
  >();
  private next = 0;

  constructor() {
    // The compiled worker sits beside this file; without it (tests run from the sources) the
    // checks run on the calling thread.
    const script = join(__dirname, 'signature-verifier.js');
    if (!existsSync(script)) return;
    this.worker = new Worker(script);
    this.worker.unref();
    this.worker.on('message', ({ id, valid }: Reply) => {
      this.waiting.get(id)?.answer(valid);
      this.waiting.delete(id);
    });
    this.worker.once('error', () => void this.stopWorker());
  }

  /** Whether each signature verifies, in the order given. */
  verifyMany(checks: SignatureCheck[]): Promise<boolean[]> {
    if (!this.worker || checks.length === 0) return Promise.resolve(verifyAll(checks));
    const id = this.next++;
    return new Promise((answer) => {
      this.waiting.set(id, { checks, answer });
      this.worker!.postMessage({ id, checks } satisfies Request);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.stopWorker();
  }

  /** Without a worker (it failed, or the app stops) the checks run here, the waiting ones too. */
  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    for (const { checks, answer } of this.waiting.values()) answer(verifyAll(checks));
    this.waiting.clear();
    await worker?.terminate();
  }
}

function verifyAll(checks: readonly SignatureCheck[]): boolean[] {
  return checks.map(({ publicKey, message, signature }) =>
    nodeCryptoBackend.verify(publicKey, message, signature),
  );
}

// The worker's side: this same file, loaded on the worker thread.
if (!isMainThread) {
  parentPort!.on('message', ({ id, checks }: Request) => {
    parentPort!.postMessage({ id, valid: verifyAll(checks) } satisfies Reply);
  });
}
