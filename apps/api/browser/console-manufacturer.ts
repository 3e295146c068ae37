/**
 * The manufacturer's screen (docs/console.md): products and batches with their packs counted by
 * state (GET /products, GET /products/{gtin}/pack-counts), registering both, commissioning serials
 * in runs of 1,000 with a progress bar and a stop, the serials as CSV, the label sheets (500 labels
 * each) in a new tab, a recall or withdrawal behind a confirmation that says what cannot be undone
 * and who hears of it, cases and pallets packed and unpacked, the alerts on its products, its sites' scanners (enrolled,
 * revoked) and quarantined messages. Every action is the API's to judge; a refusal shows its
 * sentence.
 */
import type { PackState } from '@pedigree/domain';
import { fill } from '../src/consumer/consumer-words';
import { CONSOLE_WORDS } from '../src/console/console-words';
import {
  commissionRuns,
  expiryText,
  labelSheets,
  progressText,
  statesText,
  stockText,
} from '../src/console/manufacturer-view';
import { call, callText } from './console-api';
import { element, make, refusedIn, row, say } from './console-dom';
import { runInvestigation } from './console-investigation';
import { runScanners } from './console-scanners';

const WORDS = CONSOLE_WORDS.manufacturer;
const SCREEN = '/console/manufacturer';

interface ProductJson {
  gtin: string;
  name: string;
  form: string;
  strength: string;
  packSize: number;
  withdrawnAt: string | null;
}

interface BatchCounts {
  lot: string;
  expiry: string;
  quantity: number;
  recalledAt: string | null;
  packs: number;
  live: number;
  inTransit: number;
  states: Record<PackState, number>;
}

const value = (id: string) => element<HTMLInputElement | HTMLTextAreaElement>(id).value.trim();
const optionalSite = (id: string) =>
  (document.getElementById(id) as HTMLSelectElement | null)?.value ?? '';
const number = new Intl.NumberFormat(CONSOLE_WORDS.locale);

export function runManufacturer(): void {
  const refused = refusedIn(SCREEN);
  const productOutcome = element('product-outcome');
  const productPanel = element('product-panel');
  const batchPanel = element('batch-panel');
  const dialog = element<HTMLDialogElement>('recall-dialog');
  let products: ProductJson[] = [];
  let product: ProductJson | undefined;
  let batches: BatchCounts[] = [];
  let batch: BatchCounts | undefined;

  async function loadProducts(): Promise<void> {
    const answer = await call<ProductJson[]>('GET', '/products');
    if (!answer.ok) {
      refused(answer, element('products-empty'));
      element('products-empty').hidden = false;
      return;
    }
    products = answer.body;
    element('product-rows').replaceChildren(
      ...products.map((p) => {
        const open = make('button', WORDS.manage, 'secondary');
        open.type = 'button';
        open.id = `product-open-${p.gtin}`;
        open.setAttribute('aria-label', fill(WORDS.manageLabel, { name: p.name }));
        open.addEventListener('click', () => void selectProduct(p.gtin, true));
        const name = make('span', p.name);
        if (p.withdrawnAt) name.append(` (${WORDS.withdrawn})`);
        const tr = row(p.gtin, name, `${p.form}, ${p.strength}, ${p.packSize}`, open);
        tr.dataset.gtin = p.gtin;
        return tr;
      }),
    );
    element('products-empty').hidden = products.length > 0;
  }

  async function selectProduct(gtin: string, focus: boolean): Promise<void> {
    product = products.find((p) => p.gtin === gtin);
    if (!product) return;
    batch = undefined;
    batchPanel.hidden = true;
    productPanel.hidden = false;
    productPanel.dataset.gtin = gtin;
    element('batches-title').textContent = fill(WORDS.batches, { name: product.name, gtin });
    element('withdraw').hidden = product.withdrawnAt !== null;
    say(productOutcome, '');
    await loadBatches();
    if (focus) productPanel.focus();
  }

  async function loadBatches(): Promise<void> {
    if (!product) return;
    const answer = await call<{ batches: BatchCounts[] }>(
      'GET',
      `/products/${product.gtin}/pack-counts`,
    );
    if (!answer.ok) {
      refused(answer, productOutcome);
      return;
    }
    batches = answer.body.batches;
    element('batch-rows').replaceChildren(
      ...batches.map((b) => {
        const open = make('button', WORDS.select, 'secondary');
        open.type = 'button';
        open.setAttribute('aria-label', fill(WORDS.selectLabel, { lot: b.lot }));
        open.addEventListener('click', () => selectBatch(b.lot, true));
        const states = make('span', statesText(b.states));
        if (b.inTransit > 0) {
          states.append(` (${fill(WORDS.inTransit, { count: number.format(b.inTransit) })})`);
        }
        const lot = make('span', b.lot);
        if (b.recalledAt) lot.append(` (${WORDS.recalled})`);
        const tr = row(lot, expiryText(b.expiry), progressText(b.packs, b.quantity), states, open);
        tr.dataset.lot = b.lot;
        tr.cells[2].dataset.fact = 'commissioned';
        tr.cells[3].dataset.fact = 'states';
        if (b.recalledAt) tr.dataset.recalled = 'true';
        return tr;
      }),
    );
    element('batches-empty').hidden = batches.length > 0;
    if (batch) selectBatch(batch.lot, false);
  }

  function selectBatch(lot: string, focus: boolean): void {
    batch = batches.find((b) => b.lot === lot);
    if (!batch || !product) return;
    batchPanel.hidden = false;
    batchPanel.dataset.lot = lot;
    element('batch-title').textContent = fill(WORDS.batch, { lot });
    const labels = `/products/${product.gtin}/batches/${encodeURIComponent(lot)}/labels`;
    const sheets = labelSheets(batch.packs);
    element('label-sheets').replaceChildren(
      ...sheets.map(({ from, limit }) => {
        const link = make(
          'a',
          fill(WORDS.labelSheet, {
            first: number.format(from + 1),
            last: number.format(from + limit),
          }),
        );
        link.href = `${labels}?from=${from}&limit=${limit}`;
        link.target = '_blank';
        link.rel = 'noopener';
        const item = make('li');
        item.append(link);
        return item;
      }),
    );
    element('labels-none').hidden = sheets.length > 0;
    element('recall').hidden = batch.recalledAt !== null;
    if (focus) batchPanel.focus();
  }

  // Registering a product and a batch.
  element<HTMLFormElement>('product-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const gtin = value('product-gtin');
      const nationalCode = value('product-national-code');
      const answer = await call<ProductJson>('POST', '/products', {
        gtin,
        name: value('product-name'),
        form: value('product-dosage-form'),
        strength: value('product-strength'),
        packSize: Number(value('product-pack-size')),
        ...(nationalCode && { nationalCode }),
      });
      const outcome = element('product-outcome');
      if (!answer.ok) {
        productPanel.hidden = false;
        refused(answer, outcome);
        return;
      }
      element<HTMLFormElement>('product-form').reset();
      await loadProducts();
      await selectProduct(answer.body.gtin, true);
      say(outcome, fill(WORDS.productRegistered, { gtin: answer.body.gtin }), 'ok');
    })();
  });

  element<HTMLFormElement>('batch-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!product) return;
    const gtin = product.gtin;
    void (async () => {
      const answer = await call<{ lot: string }>('POST', `/products/${gtin}/batches`, {
        lot: value('batch-lot'),
        expiry: value('batch-expiry'),
        quantity: Number(value('batch-quantity')),
      });
      if (!answer.ok) {
        refused(answer, productOutcome);
        return;
      }
      element<HTMLFormElement>('batch-form').reset();
      await loadBatches();
      selectBatch(answer.body.lot, false);
      say(productOutcome, fill(WORDS.batchRegistered, { lot: answer.body.lot }), 'ok');
      element('commission-count').focus();
    })();
  });

  // Commissioning in runs, with its progress.
  element<HTMLFormElement>('commission-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!product || !batch) return;
    const path = `/products/${product.gtin}/batches/${encodeURIComponent(batch.lot)}/serials`;
    const siteGln = optionalSite('commission-site');
    const text = element('commission-text');
    const progress = element<HTMLProgressElement>('commission-progress');
    const button = element<HTMLButtonElement>('commission');
    const stop = element<HTMLButtonElement>('commission-stop');
    const total = Number(value('commission-count'));
    let runs: number[];
    try {
      runs = commissionRuns(total);
    } catch {
      element('commission-status').hidden = false;
      say(text, WORDS.countInvalid, 'error');
      return;
    }
    let stopping = false;
    const halt = () => {
      stopping = true;
      stop.disabled = true;
    };
    void (async () => {
      button.disabled = true;
      // The run under way finishes (it is recorded whole or not at all); no other starts.
      stop.addEventListener('click', halt);
      stop.disabled = false;
      stop.hidden = false;
      stop.focus();
      element('commission-status').hidden = false;
      progress.max = total;
      progress.value = 0;
      let done = 0;
      say(text, fill(WORDS.commissioning, { progress: progressText(0, total) }));
      for (const run of runs) {
        if (stopping) {
          say(
            text,
            fill(WORDS.commissionHalted, {
              done: number.format(done),
              total: number.format(total),
            }),
          );
          break;
        }
        const answer = await call('POST', path, { count: run, siteGln });
        if (!answer.ok) {
          if (answer.status === 401) refused(answer, text);
          else {
            say(
              text,
              fill(WORDS.commissionStopped, {
                done: number.format(done),
                total: number.format(total),
                reason: answer.message,
              }),
              'error',
            );
          }
          break;
        }
        done += run;
        progress.value = done;
        say(text, fill(WORDS.commissioning, { progress: progressText(done, total) }));
      }
      if (done === total) {
        say(text, fill(WORDS.commissionDone, { count: number.format(total) }), 'ok');
      }
      stop.removeEventListener('click', halt);
      stop.hidden = true;
      button.disabled = false;
      await loadBatches();
      button.focus();
    })();
  });

  element('download').addEventListener('click', () => {
    if (!product || !batch) return;
    const file = `${product.gtin}-${batch.lot}.csv`;
    const path = `/products/${product.gtin}/batches/${encodeURIComponent(batch.lot)}/serials`;
    void (async () => {
      const answer = await callText(path, 'text/csv');
      if (!answer.ok) {
        refused(answer, productOutcome);
        return;
      }
      const url = URL.createObjectURL(new Blob([answer.body], { type: 'text/csv' }));
      const a = make('a');
      a.href = url;
      a.download = file;
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      say(productOutcome, fill(WORDS.downloaded, { file }), 'ok');
    })();
  });

  // Recall and withdrawal: always behind the confirmation.
  const confirm = WORDS.confirm;
  function ask(kind: 'recall' | 'withdraw'): void {
    if (!product) return;
    const { name, gtin } = product;
    const lot = batch?.lot ?? '';
    dialog.dataset.kind = kind;
    element('recall-title').textContent =
      kind === 'recall'
        ? fill(confirm.recallTitle, { lot, name })
        : fill(confirm.withdrawTitle, { name, gtin });
    element('recall-final').textContent =
      kind === 'recall'
        ? fill(confirm.recallFinal, { lot })
        : fill(confirm.withdrawFinal, { name });
    element('recall-stock').textContent = stockText(
      kind === 'recall' ? batches.filter((b) => b.lot === lot) : batches,
    );
    element('recall-ok').textContent =
      kind === 'recall' ? fill(confirm.recallOk, { lot }) : fill(confirm.withdrawOk, { name });
    element<HTMLTextAreaElement>('recall-reason').value = '';
    element('recall-missing').hidden = true;
    dialog.returnValue = '';
    dialog.showModal();
    element('recall-cancel').focus();
  }
  element('recall').addEventListener('click', () => ask('recall'));
  element('withdraw').addEventListener('click', () => ask('withdraw'));

  element<HTMLFormElement>('recall-form').addEventListener('submit', (event) => {
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value === 'ok' && value('recall-reason') === '') {
      event.preventDefault();
      const missing = element('recall-missing');
      missing.textContent = confirm.reason;
      missing.hidden = false;
      element('recall-reason').focus();
    }
  });

  dialog.addEventListener('close', () => {
    const kind = dialog.dataset.kind;
    if (dialog.returnValue !== 'ok' || !product) {
      element(kind === 'recall' ? 'recall' : 'withdraw').focus();
      return;
    }
    const reason = value('recall-reason');
    const { gtin, name } = product;
    const lot = batch?.lot ?? '';
    void (async () => {
      const answer =
        kind === 'recall'
          ? await call('POST', `/products/${gtin}/batches/${encodeURIComponent(lot)}/recall`, {
              reason,
            })
          : await call('POST', `/products/${gtin}/withdraw`, { reason });
      if (!answer.ok) {
        refused(answer, productOutcome);
        return;
      }
      await loadProducts();
      await selectProduct(gtin, false);
      if (kind === 'recall') selectBatch(lot, false);
      say(
        productOutcome,
        kind === 'recall' ? fill(WORDS.recalledDone, { lot }) : fill(WORDS.withdrawnDone, { name }),
        'ok',
      );
      productOutcome.tabIndex = -1;
      productOutcome.focus();
    })();
  });

  // Cases and pallets.
  const containersOutcome = element('containers-outcome');
  element<HTMLFormElement>('aggregate-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const sscc = value('aggregate-sscc');
    const items = value('aggregate-items')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    void (async () => {
      const answer = await call<{ packs: number }>('POST', '/containers', {
        sscc,
        siteGln: optionalSite('aggregate-site'),
        items,
      });
      if (!answer.ok) {
        refused(answer, containersOutcome);
        return;
      }
      say(
        containersOutcome,
        fill(WORDS.aggregated, { count: number.format(answer.body.packs), sscc }),
        'ok',
      );
      element<HTMLTextAreaElement>('aggregate-items').value = '';
    })();
  });
  element<HTMLFormElement>('unpack-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const sscc = value('unpack-sscc');
    void (async () => {
      const answer = await call<{ packs: number }>(
        'POST',
        `/containers/${encodeURIComponent(sscc)}/unpack`,
        { siteGln: optionalSite('unpack-site') },
      );
      if (!answer.ok) {
        refused(answer, containersOutcome);
        return;
      }
      say(
        containersOutcome,
        fill(WORDS.unpacked, { count: number.format(answer.body.packs), sscc }),
        'ok',
      );
    })();
  });

  const alerts = runInvestigation({ refused });
  void loadProducts();
  void alerts.reload();
  runScanners(refused);
}
