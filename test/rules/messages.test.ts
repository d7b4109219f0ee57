// Whole replies to buyers during a suspension (Italian seed 001), checked with `kind: 'message'`: the neutral,
// pre-approved macro with a real order ID is clean in every language; replies that mention the suspension,
// admit fault, move payment or contact off Amazon, or leave out the order report exactly those rules.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';

const MESSAGE_RULES = ['message-admits-fault', 'message-mentions-suspension', 'message-missing-order-id', 'message-off-platform'];

function messageRules(text: string, language: string): string[] {
  const ids = lintText(text, { language, kind: 'message' }).findings.map((f) => f.ruleId);
  return [...new Set(ids.filter((id) => MESSAGE_RULES.includes(id)))].sort();
}

/** The seed's neutral macro, with a real order ID, per language. */
const GOOD: Record<string, string> = {
  it: "Gentile Marco,\n\ngrazie per averci contattato in merito all'ordine 171-2345678-3456789. Abbiamo riscontrato un problema tecnico con la nostra piattaforma e abbiamo affidato la tua richiesta di rimborso al nostro team di elaborazione. Ti informeremo qui immediatamente una volta ricevuta la conferma.\n\nCordiali saluti,\nIl team di Casa Bella Tessili",
  en: 'Hi Sarah,\n\nThank you for contacting us about order 205-1234567-7654321. We have run into a technical issue with our platform and have passed your refund request to our processing team. We will update you here as soon as it is confirmed.\n\nKind regards,\nGreenleaf Home Goods',
  fr: "Bonjour Madame Martin,\n\nMerci de nous avoir contactés au sujet de la commande 402-1234567-1234567. Nous rencontrons un problème technique sur notre plateforme et avons transmis votre demande de remboursement à notre équipe de traitement. Nous vous informerons ici dès réception de la confirmation.\n\nCordialement,\nAtelier Provence Déco",
  de: 'Hallo Herr Becker,\n\nvielen Dank für Ihre Nachricht zur Bestellung 302-1234567-1234567. Wir haben ein technisches Problem mit unserer Plattform und haben Ihre Erstattungsanfrage an unser Bearbeitungsteam weitergegeben. Wir informieren Sie hier, sobald uns die Bestätigung vorliegt.\n\nFreundliche Grüße\nFahrradteile Nord',
  es: 'Hola, Lucía:\n\nGracias por contactarnos sobre el pedido 404-1234567-1234567. Hemos tenido un problema técnico con nuestra plataforma y hemos pasado su solicitud de reembolso a nuestro equipo de gestión. Le informaremos por aquí en cuanto tengamos la confirmación.\n\nUn saludo,\nCerámica Triana',
  nl: 'Beste meneer De Vries,\n\nBedankt voor uw bericht over bestelling 405-1234567-1234567. We hebben een technisch probleem met ons platform en hebben uw verzoek om terugbetaling doorgegeven aan ons verwerkingsteam. We laten het u hier weten zodra we de bevestiging hebben.\n\nMet vriendelijke groet,\nFietsenwinkel De Spaak',
};

/** Replies an agent might send in a hurry: each breaks the seed's rules in several ways. */
const BAD: Record<string, { text: string; rules: string[] }> = {
  it: {
    text: 'Buongiorno,\n\nci scusi, non possiamo rimborsarla perché il nostro conto è bloccato da Amazon per la politica degli account correlati. È stato un nostro errore spedire la taglia sbagliata. Se vuole le restituiamo i 23,80 € con un bonifico: ci mandi il suo IBAN su WhatsApp al 347 123 4567.\n\nGrazie',
    rules: ['message-admits-fault', 'message-mentions-suspension', 'message-missing-order-id', 'message-off-platform'],
  },
  en: {
    text: "Hi,\n\nSorry, our seller account is suspended at the moment so we can't refund you through Amazon. It was our mistake, our packer sent the wrong size. We can send you the £12 by PayPal instead, just email us at help@greenleafhome.co.uk.\n\nThanks",
    rules: ['message-admits-fault', 'message-mentions-suspension', 'message-missing-order-id', 'message-off-platform'],
  },
  fr: {
    text: "Bonjour,\n\nDésolés, notre compte vendeur est suspendu et nous ne pouvons pas vous rembourser via Amazon. C'est notre faute, nous avons envoyé la mauvaise taille. Nous pouvons vous rembourser par virement : envoyez-nous votre RIB à sav@atelier-provence.fr.\n\nMerci",
    rules: ['message-admits-fault', 'message-mentions-suspension', 'message-missing-order-id', 'message-off-platform'],
  },
  de: {
    text: 'Hallo,\n\nleider ist unser Verkäuferkonto gesperrt, deshalb können wir nicht über Amazon erstatten. Das war unser Fehler, wir haben die falsche Größe verschickt. Wir überweisen Ihnen den Betrag gern, schicken Sie uns Ihre IBAN an service@fahrradteile-nord.de.\n\nGrüße',
    rules: ['message-admits-fault', 'message-mentions-suspension', 'message-missing-order-id', 'message-off-platform'],
  },
  es: {
    text: 'Hola:\n\nLo sentimos, nuestra cuenta está bloqueada y no podemos reembolsarle por Amazon. Fue culpa nuestra, enviamos la talla equivocada. Le devolvemos los 6 € por Bizum si nos escribe al WhatsApp 612 345 678.\n\nGracias',
    rules: ['message-admits-fault', 'message-mentions-suspension', 'message-missing-order-id', 'message-off-platform'],
  },
  nl: {
    text: 'Hallo,\n\nSorry, ons verkopersaccount is geblokkeerd, dus we kunnen u niet via Amazon terugbetalen. Het was onze fout, we hebben de verkeerde maat gestuurd. We sturen u een Tikkie voor het verschil, app ons op 06 12345678.\n\nGroet',
    rules: ['message-admits-fault', 'message-mentions-suspension', 'message-missing-order-id', 'message-off-platform'],
  },
};

describe('replies to buyers during a suspension', () => {
  for (const language of Object.keys(GOOD)) {
    it(`${language}: the neutral macro with the order ID is clean`, () => {
      expect(messageRules(GOOD[language] as string, language)).toEqual([]);
    });
    it(`${language}: a hurried reply breaks every rule it should`, () => {
      const bad = BAD[language] as { text: string; rules: string[] };
      expect(messageRules(bad.text, language)).toEqual(bad.rules);
    });
  }

  it('the macro with its [ID] placeholder left in still lacks the order', () => {
    const text = "Grazie per averci contattato in merito all'ordine [ID]. Abbiamo riscontrato un problema tecnico con la nostra piattaforma e abbiamo affidato la tua richiesta di rimborso al nostro team di elaborazione.";
    expect(messageRules(text, 'it')).toEqual(['message-missing-order-id']);
  });

  it('message rules check messages only, and plan rules stay off messages', () => {
    const asPlan = lintText(BAD['en']?.text as string, { language: 'en' }).findings.map((f) => f.ruleId);
    expect(asPlan.filter((id) => MESSAGE_RULES.includes(id))).toEqual([]);
    const asMessage = lintText(BAD['en']?.text as string, { language: 'en', kind: 'message' }).findings.map((f) => f.ruleId);
    for (const planRule of ['missing-section', 'missing-order-id', 'missing-policy-link', 'missing-reason-facts']) expect(asMessage).not.toContain(planRule);
  });

  it('points at the words to change', () => {
    const text = 'Thank you for contacting us about order 205-1234567-7654321. Our account is suspended, so we will refund you by PayPal.';
    const findings = lintText(text, { language: 'en', kind: 'message' }).findings;
    expect(findings.map((f) => [f.ruleId, f.excerpt])).toEqual([
      ['message-mentions-suspension', 'account is suspended'],
      ['message-off-platform', 'PayPal'],
    ]);
    expect(findings.map((f) => f.severity)).toEqual(['error', 'error']);
  });
});
