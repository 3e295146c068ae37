/**
 * The consumer page's words, in each language it offers, and how a verdict of DESIGN.md's
 * vocabulary reads to someone holding the pack at home: genuine, caution or danger, and one plain
 * sentence. The verdict itself comes from the domain's judgement (VerifyService.judge); this file
 * only says it for a patient instead of a pharmacist (VERDICT_SENTENCES speak to the counter).
 */
import type { PackAction, PackState, VerdictCode } from '@pedigree/domain';
import type { Language } from './consumer-request';

/** How a verdict is shown: its icon, colour and headline. */
export type Level = 'genuine' | 'caution' | 'danger';

/** The sentence a verdict reads as: its code, or for a decommissioned pack, what became of it. */
export type SentenceKey = VerdictCode | 'DISPENSED' | 'DESTROYED' | 'STOLEN';

/**
 * The level and sentence of a verdict. A dispensed pack is the normal end of a pack a patient
 * holds, so it is a caution, not a danger; a destroyed or stolen one should not exist at all.
 * @example consumerVerdict('ALREADY_DECOMMISSIONED', 'dispensed') // { level: 'caution', sentence: 'DISPENSED' }
 */
export function consumerVerdict(
  code: VerdictCode,
  state: PackState | undefined,
): { level: Level; sentence: SentenceKey } {
  switch (code) {
    case 'OK':
      return { level: 'genuine', sentence: 'OK' };
    case 'ALREADY_DECOMMISSIONED':
      if (state === 'dispensed') return { level: 'caution', sentence: 'DISPENSED' };
      if (state === 'destroyed') return { level: 'danger', sentence: 'DESTROYED' };
      if (state === 'stolen') return { level: 'danger', sentence: 'STOLEN' };
      return { level: 'caution', sentence: code };
    case 'EXPIRED':
      return { level: 'caution', sentence: code };
    case 'RECALLED':
    case 'LOCKED':
    case 'UNKNOWN_PRODUCT':
    case 'UNKNOWN_SERIAL':
    case 'BATCH_MISMATCH':
    case 'EXPIRY_MISMATCH':
    case 'SUSPECT':
    case 'WRONG_CUSTODY':
    case 'MALFORMED_CODE':
      return { level: 'danger', sentence: code };
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** Everything the page says, in one language. `{name}` marks a value filled in. */
export interface Words {
  /** The locale dates and country names are written in (British English: day before month). */
  locale: string;
  title: string;
  brand: string;
  otherLanguages: string;
  levels: Record<Level, string>;
  sentences: Record<SentenceKey, string>;
  facts: {
    heading: string;
    product: string;
    form: string;
    packSize: string;
    manufacturer: string;
    batch: string;
    expiry: string;
    serial: string;
    gtin: string;
    codeSays: string;
  };
  recall: { batch: string; product: string; reason: string };
  journey: {
    heading: string;
    none: string;
    steps: Record<PackAction, string>;
    sealed: string;
    unsealed: string;
    proven: string;
    unproven: string;
  };
  proof: {
    heading: string;
    needsScript: string;
    unavailable: string;
    checking: string;
    verified: string;
    failed: string;
    nothingSealed: string;
    badNote: string;
    badPath: string;
    howHeading: string;
    how: string[];
    key: string;
  };
  malformed: { title: string; lead: string; what: string };
}

const EN: Words = {
  locale: 'en-GB',
  title: 'Is this medicine genuine?',
  brand: 'Pedigree medicine check',
  otherLanguages: 'Language',
  levels: { genuine: 'Genuine', caution: 'Caution', danger: 'Do not use' },
  sentences: {
    OK: 'This pack is genuine: its manufacturer registered it, and its record is in order.',
    DISPENSED:
      'This pack has already been handed out by a pharmacy. If that is where you got it, this is expected; if you got it anywhere else, ask a pharmacist before using it.',
    DESTROYED:
      'This pack was recorded as destroyed, so it should not exist. Do not use it: show it to a pharmacist.',
    STOLEN: 'This pack was reported stolen. Do not use it: take it to a pharmacist.',
    ALREADY_DECOMMISSIONED:
      'This pack is recorded as having left the normal supply chain (for example exported, or given as a sample). Ask a pharmacist before using it.',
    EXPIRED:
      'This pack is past its expiry date. Do not use it: ask a pharmacist how to dispose of it.',
    RECALLED: 'This medicine has been recalled. Do not use it: take it back to a pharmacy.',
    LOCKED: 'This pack is under investigation. Do not use it for now: ask a pharmacist.',
    UNKNOWN_PRODUCT:
      'This product is not in the register of medicines. It may be falsified: do not use it, and show it to a pharmacist.',
    UNKNOWN_SERIAL:
      "This pack's serial number was never issued by the manufacturer. It may be falsified: do not use it, and show it to a pharmacist.",
    BATCH_MISMATCH:
      'The batch in this code is not the batch the manufacturer recorded for this pack. It may be falsified: do not use it, and show it to a pharmacist.',
    EXPIRY_MISMATCH:
      'The expiry date in this code is not the one the manufacturer recorded for this pack. It may be falsified: do not use it, and show it to a pharmacist.',
    SUSPECT:
      "Something in this pack's record does not add up. Do not use it, and show it to a pharmacist.",
    WRONG_CUSTODY:
      'This pack is recorded as being somewhere else. Do not use it, and show it to a pharmacist.',
    MALFORMED_CODE:
      'This is not a valid medicine code. Check that you scanned the code printed on the pack.',
  },
  facts: {
    heading: 'About this pack',
    product: 'Medicine',
    form: 'Form and strength',
    packSize: 'Units in the pack',
    manufacturer: 'Made by',
    batch: 'Batch',
    expiry: 'Expiry date',
    serial: 'Serial number',
    gtin: 'Product code (GTIN)',
    codeSays: 'but the code on the pack says {value}',
  },
  recall: {
    batch: 'Recall notice: this batch was recalled on {date}.',
    product: 'Recall notice: this medicine was withdrawn on {date}.',
    reason: 'Reason given: {reason}',
  },
  journey: {
    heading: 'Its journey',
    none: 'No step of this pack has been recorded.',
    steps: {
      commission: 'Made',
      pack: 'Packed into a case',
      unpack: 'Taken out of its case',
      ship: 'Shipped',
      receive: 'Received',
      dispense: 'Handed out by a pharmacy',
      destroy: 'Destroyed',
      report_stolen: 'Reported stolen',
      supply_sample: 'Taken as a sample',
      supply_free_sample: 'Given as a free sample',
      lock: 'Held for investigation',
      unlock: 'Released after investigation',
      export: 'Exported',
      check_out: 'Checked out for repackaging',
      undo: 'Returned to stock',
      recall: 'Recalled',
      verify: 'Checked by a pharmacy',
    },
    sealed: 'sealed in the ledger',
    unsealed: 'recorded, not yet sealed',
    proven: 'proven',
    unproven: 'NOT proven',
  },
  proof: {
    heading: 'Proof',
    needsScript:
      'Your browser can check this journey against the signed ledger itself. The check needs JavaScript, which is turned off or blocked here.',
    unavailable:
      'The proof checker is not installed on this server, so the proof cannot be checked here.',
    checking: 'Checking the proof…',
    verified:
      'Verified by your browser: every sealed step of this journey is in the ledger signed with the key below.',
    failed: 'Proof FAILED: {why} Do not rely on this page; show the pack to a pharmacist.',
    nothingSealed:
      'Nothing to check yet: no step of this journey is sealed. Reload the page in a few seconds.',
    badNote: 'the ledger checkpoint is not signed by the published key.',
    badPath: 'the step “{step}” does not lead to the signed ledger checkpoint.',
    howHeading: 'How this is checked',
    how: [
      'Every step of a pack’s journey is recorded as an event and sealed, within about a second, into one append-only ledger (a Merkle tree). The consortium that runs the ledger signs its state, a checkpoint, with its key.',
      'For each sealed step, this page carries the fingerprint (hash) of the recorded event and the path of hashes that links it to the checkpoint. Your browser recomputes the ledger’s root from them, checks it equals the root in the checkpoint, and checks the checkpoint’s signature with the key below. Nothing here is taken on trust from this server except that key: compare it with the consortium’s published key if you want to be sure.',
      'What this proves: each sealed step was recorded in the ledger and cannot have been changed or removed since. The event documents themselves are not sent to your browser (they name the companies involved), so the dates and places shown are the server’s account of those events; an auditor can check each event document against the same fingerprints.',
    ],
    key: 'Ledger key',
  },
  malformed: {
    title: 'This code cannot be read',
    lead: 'This is not a valid medicine code, so it cannot be checked.',
    what: 'What is wrong: {reason}',
  },
};

const FR: Words = {
  locale: 'fr-FR',
  title: 'Ce médicament est-il authentique ?',
  brand: 'Pedigree, vérification des médicaments',
  otherLanguages: 'Langue',
  levels: { genuine: 'Authentique', caution: 'Attention', danger: 'Ne pas utiliser' },
  sentences: {
    OK: 'Cette boîte est authentique : son fabricant l’a enregistrée et son historique est en règle.',
    DISPENSED:
      'Cette boîte a déjà été délivrée par une pharmacie. Si c’est là que vous l’avez obtenue, c’est normal ; sinon, demandez conseil à un pharmacien avant de l’utiliser.',
    DESTROYED:
      'Cette boîte a été enregistrée comme détruite : elle ne devrait pas exister. Ne l’utilisez pas et montrez-la à un pharmacien.',
    STOLEN: 'Cette boîte a été déclarée volée. Ne l’utilisez pas et apportez-la à un pharmacien.',
    ALREADY_DECOMMISSIONED:
      'Cette boîte est enregistrée comme sortie du circuit normal (par exemple exportée ou remise comme échantillon). Demandez conseil à un pharmacien avant de l’utiliser.',
    EXPIRED:
      'Cette boîte est périmée. Ne l’utilisez pas : demandez à un pharmacien comment vous en débarrasser.',
    RECALLED: 'Ce médicament a été rappelé. Ne l’utilisez pas : rapportez-le en pharmacie.',
    LOCKED:
      'Cette boîte fait l’objet d’une enquête. Ne l’utilisez pas pour l’instant : demandez conseil à un pharmacien.',
    UNKNOWN_PRODUCT:
      'Ce produit ne figure pas au registre des médicaments. Il peut s’agir d’une contrefaçon : ne l’utilisez pas et montrez-le à un pharmacien.',
    UNKNOWN_SERIAL:
      'Le numéro de série de cette boîte n’a jamais été attribué par le fabricant. Il peut s’agir d’une contrefaçon : ne l’utilisez pas et montrez-la à un pharmacien.',
    BATCH_MISMATCH:
      'Le lot indiqué dans ce code n’est pas celui que le fabricant a enregistré pour cette boîte. Il peut s’agir d’une contrefaçon : ne l’utilisez pas et montrez-la à un pharmacien.',
    EXPIRY_MISMATCH:
      'La date de péremption indiquée dans ce code n’est pas celle que le fabricant a enregistrée pour cette boîte. Il peut s’agir d’une contrefaçon : ne l’utilisez pas et montrez-la à un pharmacien.',
    SUSPECT:
      'L’historique de cette boîte présente une anomalie. Ne l’utilisez pas et montrez-la à un pharmacien.',
    WRONG_CUSTODY:
      'Cette boîte est enregistrée à un autre endroit. Ne l’utilisez pas et montrez-la à un pharmacien.',
    MALFORMED_CODE:
      'Ce n’est pas un code de médicament valide. Vérifiez que vous avez scanné le code imprimé sur la boîte.',
  },
  facts: {
    heading: 'À propos de cette boîte',
    product: 'Médicament',
    form: 'Forme et dosage',
    packSize: 'Unités par boîte',
    manufacturer: 'Fabriqué par',
    batch: 'Lot',
    expiry: 'Date de péremption',
    serial: 'Numéro de série',
    gtin: 'Code produit (GTIN)',
    codeSays: 'mais le code sur la boîte indique {value}',
  },
  recall: {
    batch: 'Avis de rappel : ce lot a été rappelé le {date}.',
    product: 'Avis de rappel : ce médicament a été retiré le {date}.',
    reason: 'Motif indiqué : {reason}',
  },
  journey: {
    heading: 'Son parcours',
    none: 'Aucune étape de cette boîte n’a été enregistrée.',
    steps: {
      commission: 'Fabriquée',
      pack: 'Mise en carton',
      unpack: 'Sortie de son carton',
      ship: 'Expédiée',
      receive: 'Reçue',
      dispense: 'Délivrée par une pharmacie',
      destroy: 'Détruite',
      report_stolen: 'Déclarée volée',
      supply_sample: 'Prélevée comme échantillon',
      supply_free_sample: 'Remise comme échantillon gratuit',
      lock: 'Bloquée pour enquête',
      unlock: 'Débloquée après enquête',
      export: 'Exportée',
      check_out: 'Sortie pour reconditionnement',
      undo: 'Remise en stock',
      recall: 'Rappelée',
      verify: 'Vérifiée par une pharmacie',
    },
    sealed: 'scellée dans le registre',
    unsealed: 'enregistrée, pas encore scellée',
    proven: 'prouvée',
    unproven: 'NON prouvée',
  },
  proof: {
    heading: 'Preuve',
    needsScript:
      'Votre navigateur peut vérifier lui-même ce parcours dans le registre signé. Cette vérification nécessite JavaScript, désactivé ou bloqué ici.',
    unavailable:
      'Le vérificateur de preuve n’est pas installé sur ce serveur : la preuve ne peut pas être vérifiée ici.',
    checking: 'Vérification de la preuve…',
    verified:
      'Vérifié par votre navigateur : chaque étape scellée de ce parcours figure dans le registre signé avec la clé ci-dessous.',
    failed:
      'Preuve ÉCHOUÉE : {why} Ne vous fiez pas à cette page ; montrez la boîte à un pharmacien.',
    nothingSealed:
      'Rien à vérifier pour l’instant : aucune étape de ce parcours n’est scellée. Rechargez la page dans quelques secondes.',
    badNote: 'le point de contrôle du registre n’est pas signé par la clé publiée.',
    badPath: 'l’étape « {step} » ne mène pas au point de contrôle signé du registre.',
    howHeading: 'Comment la vérification fonctionne',
    how: [
      'Chaque étape du parcours d’une boîte est enregistrée comme un événement et scellée, en une seconde environ, dans un registre où l’on ne peut qu’ajouter (un arbre de Merkle). Le consortium qui tient le registre signe son état, un point de contrôle, avec sa clé.',
      'Pour chaque étape scellée, cette page contient l’empreinte (hash) de l’événement enregistré et le chemin d’empreintes qui la relie au point de contrôle. Votre navigateur recalcule la racine du registre, vérifie qu’elle est celle du point de contrôle, et vérifie la signature du point de contrôle avec la clé ci-dessous. Seule cette clé est reprise du serveur : comparez-la avec la clé publiée par le consortium pour en être sûr.',
      'Ce que cela prouve : chaque étape scellée a été enregistrée dans le registre et n’a pu être ni modifiée ni supprimée depuis. Les documents des événements ne sont pas envoyés à votre navigateur (ils nomment les entreprises concernées) : les dates et lieux affichés sont donc ceux que le serveur indique ; un auditeur peut vérifier chaque document avec les mêmes empreintes.',
    ],
    key: 'Clé du registre',
  },
  malformed: {
    title: 'Ce code est illisible',
    lead: 'Ce n’est pas un code de médicament valide : il ne peut pas être vérifié.',
    what: 'Problème : {reason}',
  },
};

/** The page's words in each language it offers. */
export const WORDS: Readonly<Record<Language, Words>> = { en: EN, fr: FR };

/**
 * Fills the `{name}` marks of a phrase.
 * @example fill('Reason given: {reason}', { reason: 'sterility' }) // 'Reason given: sterility'
 */
export function fill(phrase: string, values: Readonly<Record<string, string>>): string {
  return phrase.replace(/\{(\w+)\}/g, (mark, name: string) => values[name] ?? mark);
}
