/**
 * The consumer page behind a pack's GS1 Digital Link (docs/consumer-page.md): the domain's verdict
 * on what the link carries (VerifyService.judge, as a pharmacist's verification without a site),
 * the pack's public facts and journey, and the inclusion proof of each sealed step for the
 * visitor's browser to check. An anonymous lookup records nothing and raises no alert: anyone may
 * scan any pack, and only a pharmacist's POST /verify speaks for a pharmacy.
 */
import { Injectable } from '@nestjs/common';
import { expiryIsoDate, isPackAction } from '@pedigree/domain';
import { buildDigitalLink, type Gs1Ai } from '@pedigree/gs1';
import { EventRepository, PackRepository, type PublicPackFacts } from '@pedigree/persistence';
import { Clock, countVerdicts } from '@pedigree/recording';
import type { FastifyRequest } from 'fastify';
import { LedgerService } from '../ledger/ledger.service';
import { PublicUrl } from '../public-url';
import { VerifyService, type Judgement, type PackRef } from '../verify/verify.service';
import {
  CONTENT_SECURITY_POLICY,
  renderConsumerPage,
  renderMalformedPage,
} from './consumer-page.html';
import { chooseForm, chooseLanguage, LANGUAGES, type Language } from './consumer-request';
import { WORDS, consumerVerdict } from './consumer-words';
import type { ConsumerQuery, ConsumerView, JourneyStepView } from './dto/consumer.dto';
import { ASSETS_PATH, ProofScript } from './proof-script';

/** One HTTP answer: the controller sends it as it is. */
export interface ConsumerAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Short: a verdict changes when the pack is dispensed or recalled, and a step's proof appears
 * within a second of it being recorded.
 */
const CACHE_CONTROL = 'private, max-age=10';

@Injectable()
export class ConsumerService {
  constructor(
    private readonly verifier: VerifyService,
    private readonly packs: PackRepository,
    private readonly events: EventRepository,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
    private readonly publicUrl: PublicUrl,
    private readonly script: ProofScript,
  ) {}

  /**
   * The page, the JSON verdict or the linkset for the Digital Link this request was made to. A
   * link that is not a readable pack code is a 400 saying what is wrong; an unknown pack is a 200
   * with the danger verdict, as that is the answer the visitor needs.
   */
  async answer(request: FastifyRequest, query: ConsumerQuery): Promise<ConsumerAnswer> {
    const language = chooseLanguage(query.lang, request.headers['accept-language']);
    const form = chooseForm(query.linkType, request.headers.accept);
    const asked = `${this.publicUrl.base(request)}${request.url}`;
    const judgement = await this.verifier.judge(asked, null);
    countVerdicts('consumer', [judgement.verification.code]);
    const { read } = judgement;
    if (!read) {
      const reason = judgement.verification.detail ?? judgement.verification.sentence;
      return form === 'html'
        ? page(400, renderMalformedPage(reason, language, request.url), language)
        : json(400, 'application/json', language, {
            statusCode: 400,
            code: 'MALFORMED_CODE',
            message: `This link is not a readable GS1 Digital Link of a pack: ${reason}. A pack's link is /01/{GTIN}[/10/{lot}]/21/{serial}[?17=YYMMDD].`,
          });
    }
    const ais: Gs1Ai[] = [
      { ai: '01', value: read.gtin },
      ...(read.lot !== undefined ? [{ ai: '10', value: read.lot }] : []),
      { ai: '21', value: read.serial },
      ...(read.expiry !== undefined ? [{ ai: '17', value: read.expiry }] : []),
    ];
    const link = buildDigitalLink(ais, this.publicUrl.base(request), { validate: false });
    if (form === 'linkset') {
      return json(200, 'application/linkset+json', language, linkset(link, language));
    }
    const view = await this.view(link, language, read, judgement);
    if (form === 'json') return json(200, 'application/json', language, view);
    const served = this.script.served;
    const script = served && {
      src: `${ASSETS_PATH}/${served.file}`,
      integrity: served.integrity,
    };
    return page(200, renderConsumerPage(view, script), language);
  }

  /**
   * The proof checker bundle, when `file` is its current name.
   * @returns undefined for any other name (an old build's, or none installed)
   */
  asset(file: string): Buffer | undefined {
    const served = this.script.served;
    return served && served.file === file ? served.body : undefined;
  }

  private async view(
    link: string,
    language: Language,
    read: PackRef,
    { verification, record }: Judgement,
  ): Promise<ConsumerView> {
    const now = this.clock.now();
    const [facts, steps] = record
      ? await Promise.all([this.packs.publicFacts(record.id), this.events.journeyOfPack(record.id)])
      : [undefined, []];
    const sealed = steps.flatMap((step) => (step.leafIndex === null ? [] : [step.leafIndex]));
    const ledger = sealed.length > 0 ? await this.ledger.inclusionsAtLatest(sealed) : undefined;
    const proofs = new Map(ledger?.proofs.map((proof) => [proof.leafIndex, proof]));
    const { level, sentence } = consumerVerdict(verification.code, verification.pack?.state);
    const journey = steps.flatMap((step): JourneyStepView[] => {
      if (!isPackAction(step.action)) return [];
      const proof = (step.leafIndex !== null && proofs.get(step.leafIndex)) || null;
      return [
        {
          action: step.action,
          recordedAt: new Date(step.recordedAt).toISOString(),
          city: step.city,
          country: step.country,
          sealed: proof !== null,
          proof,
        },
      ];
    });
    const { product, pack } = verification;
    return {
      link,
      language,
      verdict: { code: verification.code, level, sentence: WORDS[language].sentences[sentence] },
      read: {
        gtin: read.gtin,
        serial: read.serial,
        lot: read.lot ?? null,
        expiry: read.expiry ?? null,
        expiryDate: read.expiry ? expiryIsoDate(read.expiry, now) : null,
      },
      product: product ? { ...product, manufacturer: facts?.manufacturer ?? null } : null,
      pack:
        pack && record
          ? {
              serial: pack.serial,
              lot: pack.lot,
              expiry: record.expiry,
              expiryDate: pack.expiry,
              state: pack.state,
            }
          : null,
      recall: facts ? recallOf(facts) : null,
      journey,
      ledger: ledger ? { checkpoint: ledger.checkpoint, keys: [ledger.signer] } : null,
    };
  }
}

/** The product withdrawal if there is one (it covers every batch), else the batch recall. */
function recallOf(facts: PublicPackFacts): ConsumerView['recall'] {
  if (facts.withdrawnAt) {
    return {
      scope: 'product',
      at: new Date(facts.withdrawnAt).toISOString(),
      reason: facts.withdrawalReason,
    };
  }
  if (facts.recalledAt) {
    return {
      scope: 'batch',
      at: new Date(facts.recalledAt).toISOString(),
      reason: facts.recallReason,
    };
  }
  return null;
}

/**
 * The GS1-Conformant Resolver's answer to `linkType=all`: an RFC 9264 linkset naming what this
 * link offers: the page (also the default link) and the JSON verdict.
 */
function linkset(link: string, language: Language): unknown {
  const words = WORDS[language];
  const page = {
    href: link,
    title: words.title,
    type: 'text/html',
    hreflang: [...LANGUAGES],
  };
  const verdict = {
    href: `${link}${link.includes('?') ? '&' : '?'}linkType=gs1:verificationService`,
    title: words.title,
    type: 'application/json',
  };
  return {
    linkset: [
      {
        anchor: link,
        'https://gs1.org/voc/defaultLink': [page],
        'https://gs1.org/voc/pip': [page],
        'https://gs1.org/voc/verificationService': [verdict],
      },
    ],
  };
}

function headers(type: string, language: Language): Record<string, string> {
  return {
    'content-type': type,
    'content-language': language,
    'cache-control': CACHE_CONTROL,
    vary: 'Accept, Accept-Language',
    'x-content-type-options': 'nosniff',
  };
}

function page(status: number, body: string, language: Language): ConsumerAnswer {
  return {
    status,
    headers: {
      ...headers('text/html; charset=utf-8', language),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'referrer-policy': 'no-referrer',
    },
    body,
  };
}

function json(status: number, type: string, language: Language, body: unknown): ConsumerAnswer {
  return {
    status,
    headers: headers(`${type}; charset=utf-8`, language),
    body: JSON.stringify(body),
  };
}
