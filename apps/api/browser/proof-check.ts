/**
 * The consumer page's proof checker, bundled for the browser by `npm run build` (esbuild) and
 * served by the API under a content-hashed name. It reads the page's JSON proof material, checks
 * it with the pure ledger library (check-proofs.ts) and says the outcome in the page's language:
 * the whole proof in the status line, and each sealed step of the journey as proven or not.
 */
import { fill } from '../src/consumer/consumer-words';
import { checkProofs, type ProofMaterial } from './check-proofs';

interface PageMaterial extends ProofMaterial {
  leaves: Array<ProofMaterial['leaves'][number] & { step: string }>;
  words: {
    checking: string;
    verified: string;
    failed: string;
    badNote: string;
    badPath: string;
    proven: string;
    unproven: string;
  };
}

function run(): void {
  const status = document.getElementById('proof-status');
  const source = document.getElementById('proof-material');
  if (!status || !source) return;
  const show = (state: string, text: string) => {
    status.dataset.state = state;
    status.textContent = text;
  };
  let material: PageMaterial;
  try {
    material = JSON.parse(source.textContent ?? '') as PageMaterial;
  } catch {
    // The page's words travel in the material itself, so this one can only be said in English.
    show('failed', 'Proof FAILED: the proof material on this page is not readable.');
    return;
  }
  const { words } = material;
  show('checking', words.checking);
  const outcome = checkProofs(material);
  const failed = new Set(outcome.ok || outcome.reason === 'note' ? [] : outcome.failed);
  material.leaves.forEach((leaf, i) => {
    const seal = document.querySelector<HTMLElement>(
      `li[data-leaf-index="${leaf.leafIndex}"] [data-seal]`,
    );
    if (!seal) return;
    const proven = outcome.ok || (outcome.reason === 'path' && !failed.has(i));
    seal.dataset.proof = proven ? 'verified' : 'failed';
    seal.textContent = proven ? words.proven : words.unproven;
  });
  if (outcome.ok) {
    show('verified', words.verified);
    return;
  }
  const why =
    outcome.reason === 'note'
      ? words.badNote
      : fill(words.badPath, { step: material.leaves[outcome.failed[0] ?? 0]?.step ?? '' });
  show('failed', fill(words.failed, { why }));
}

run();
