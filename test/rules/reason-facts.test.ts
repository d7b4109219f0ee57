// What a plan must show for its suspension reason (rules/missing-reason-facts.yaml, DOMAIN.md §3) and the
// ASINs of listing reasons (rules/missing-asin.yaml): whole drafts per reason, each missing fact reported
// once under its label, complete drafts clean.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintText } from '../../src/lint.js';
import { ROOT } from '../helpers.js';

const RULE = 'missing-reason-facts';
const data = parse(readFileSync(join(ROOT, 'rules', `${RULE}.yaml`), 'utf8')) as {
  languages: Record<string, { message: string; facts: Record<string, { label: string }> }>;
};

function label(lang: string, fact: string): string {
  const text = data.languages[lang]?.facts[fact]?.label;
  if (!text) throw new Error(`no label for ${lang}.${fact}`);
  return text;
}

interface Draft {
  reason: string;
  text: string;
  /** Fact ids the draft lacks. */
  missing: string[];
}

const plan = (reason: string, body: string): string => `---\nreason: ${reason}\n---\n${body.trim()}\n`;

const DRAFTS: Record<string, Draft[]> = {
  en: [
    {
      reason: 'order-defect-rate',
      missing: [],
      text: `## Problem
Our order defect rate reached 2.3 % over the 60 days to 28 February, against the target of under 1 %. 44 of 1,930 orders had a defect: 29 negative feedback, 12 A-to-z claims and 3 chargebacks (for example 402-5518207-3394026).

## Root cause
35 of the 44 defects concern the cast-iron pot, shipped without moulded inserts since 6 January.

## Corrective actions
- 4 March: all 35 buyers refunded in full.
- 5 March: moulded inserts from Raja; a 1 m drop test on 10 parcels, no breakage.

## Preventive measures
Every Monday our warehouse manager, Paul Lefèvre, reviews the order defect rate in Account Health.`,
    },
    {
      reason: 'order-defect-rate',
      missing: ['metric-value', 'metric-target', 'defect-breakdown'],
      text: `## Problem
Several buyers were unhappy with pots that arrived broken, for example order 402-5518207-3394026.

## Root cause
We changed our packaging in January.

## Corrective actions
On 5 March we went back to moulded inserts.`,
    },
    {
      reason: 'late-shipment',
      missing: [],
      text: `## Problem
Our late shipment rate was 9.4 % over the 30 days to 14 February (target: under 4 %). 58 orders were confirmed after the expected ship date, for example 171-3390274-1186025.

## Root cause
Our handling time was one day for made-to-order shelves that need three.

## Corrective actions
On 15 February we set the handling time of the 34 shelves to four days.`,
    },
    {
      reason: 'late-shipment',
      missing: ['metric-value'],
      text: `## Problem
Our late shipment rate went above Amazon's target of 4 % in February. 58 orders were confirmed late, for example 171-3390274-1186025.

## Corrective actions
On 15 February we set the handling time of the 34 shelves to four days.`,
    },
    {
      reason: 'cancellation-rate',
      missing: [],
      text: `## Problem
Our pre-fulfilment cancellation rate was 6.8 % over 7 days (target: below 2.5 %). We cancelled 22 orders, for example 302-8812045-3390176.

## Root cause
Stock from our wholesaler was imported once a day, so items sold elsewhere stayed available on Amazon.

## Corrective actions
Since 10 June ChannelEngine synchronises our inventory with the wholesaler every 15 minutes.`,
    },
    {
      reason: 'cancellation-rate',
      missing: ['stock-sync'],
      text: `## Problem
Our pre-fulfilment cancellation rate was 6.8 % over 7 days (target: below 2.5 %). We cancelled 22 orders, for example 302-8812045-3390176.

## Root cause
Some items were out of stock when the orders arrived.

## Corrective actions
We apologised to every buyer and will be more careful.`,
    },
    {
      reason: 'valid-tracking',
      missing: [],
      text: `## Problem
Our valid tracking rate fell to 88 % in September; Amazon requires at least 95 %. 158 orders had no valid tracking, for example 305-2281930-4417268.

## Root cause
In Billbee our carrier was set to "Other" with the free text "Hermes Germany", so Amazon could not match the tracking numbers.

## Corrective actions
On 3 October we selected Hermes from Amazon's carrier list in Billbee.`,
    },
    {
      reason: 'valid-tracking',
      missing: ['carrier-integration'],
      text: `## Problem
Our valid tracking rate fell to 88 % in September; Amazon requires at least 95 %. 158 orders had no valid tracking, for example 305-2281930-4417268.

## Root cause
The tracking numbers were uploaded before the parcels were scanned.

## Corrective actions
We now wait until the evening before confirming shipment.`,
    },
    {
      reason: 'related-accounts',
      missing: [],
      text: `## Root cause
Our former virtual assistant logged into our Seller Central from the same laptop she used for another seller, Blue Fern Crafts. That shared device linked the two accounts.

## Corrective actions
- 14 January: her user permissions were removed and our password changed.
- The other account is not ours; we asked its owner, who confirmed in writing that it was closed on 2 February 2025 (letter attached).`,
    },
    {
      reason: 'related-accounts',
      missing: ['link-cause', 'other-account-status'],
      text: `## Root cause
We have no idea why Amazon thinks we are related to anyone. We have never had a second account and never will.

## Corrective actions
We read the policy again and ask you to reinstate us.`,
    },
    {
      reason: 'ip-complaint',
      missing: [],
      text: `## Problem
The listing for ASIN B0BXK4M7TQ was removed after a trademark complaint (complaint ID 8812274561) filed by the rights owner, OutdoorKing GmbH, because our title used their brand name.

## Corrective actions
- 15 May: the brand name was removed from title, bullet points and search terms.
- 20 May: OutdoorKing GmbH withdrew the complaint; the retraction email is attached.`,
    },
    {
      reason: 'ip-complaint',
      missing: ['complaint-or-owner', 'retraction-or-authorisation'],
      text: `## Problem
The listing for ASIN B0BXK4M7TQ was removed because of an intellectual property problem.

## Corrective actions
We removed the brand from the title and will check our titles more carefully.`,
    },
    {
      reason: 'inauthentic',
      missing: [],
      text: `## Root cause
We traced the 240 units of ASIN B09TZK41QW sold in March: 180 came from Exertis (UK) Ltd, Anker's authorised distributor, and 60 from a liquidation lot without a proper invoice.

## Corrective actions
- 9 April: we stopped buying from sources that cannot provide an invoice with legal name, address, phone, email and VAT number.
- Attached: Exertis invoices EX-4471920 and EX-4480116 covering every unit sold.`,
    },
    {
      reason: 'inauthentic',
      missing: ['supplier-invoices', 'supplier-identity'],
      text: `## Root cause
Our chargers (ASIN B09TZK41QW) are genuine. We buy from a trusted partner we have worked with for years.

## Corrective actions
We will keep checking the quality of our stock.`,
    },
    {
      reason: 'counterfeit',
      missing: [],
      text: `## Root cause
The shoes of ASIN B0C4QK9T2Z came from a wholesaler, Calzados Levante S.L., who is not an authorised Runmax distributor.

## Corrective actions
- 7 June: the listing was closed and the 84 remaining pairs removed from stock.
- Since 10 June we buy Runmax only from the official distributor Runmax Iberia S.A. under a distribution agreement; the letter of authorisation and the invoices are attached.`,
    },
    {
      reason: 'counterfeit',
      missing: ['authorised-source'],
      text: `## Root cause
The shoes of ASIN B0C4QK9T2Z came from a wholesaler in Elche, Calzados Levante S.L., who sent us invoices for every pair.

## Corrective actions
- 7 June: the listing was closed and the 84 remaining pairs removed from stock.`,
    },
    {
      reason: 'review-manipulation',
      missing: [],
      text: `## Problem
From March to May we put insert cards in our parcels for ASINs B08LMN2P4Q and B08LMN7RZT offering a free replacement filter in exchange for a five-star review. We also asked four friends to review the kettle.

## Corrective actions
- 2 June: the 640 cards left in stock were destroyed.
- From now on we only use Amazon's Request a Review button.`,
    },
    {
      reason: 'review-manipulation',
      missing: ['review-methods'],
      text: `## Problem
Our account was deactivated because we breached the customer reviews policy for ASIN B08LMN2P4Q.

## Corrective actions
We have read the policy and will follow it from now on.`,
    },
    {
      reason: 'restricted-products',
      missing: [],
      text: `## Problem
Six supplement listings (ASINs B0B4KZ7Q2M and B0B4KZ9TXR among them) made health claims that the Restricted Products policy (https://sellercentral.amazon.co.uk/gp/help/external/G201567350) does not allow.

## Corrective actions
On 9 February we rewrote all 48 supplement listings using only authorised claims.`,
    },
    {
      reason: 'restricted-products',
      missing: ['policy-page'],
      text: `## Problem
Six supplement listings (ASINs B0B4KZ7Q2M and B0B4KZ9TXR among them) contained health claims such as "cures insomnia".

## Corrective actions
On 9 February we rewrote all 48 supplement listings.`,
    },
    {
      reason: 'product-safety',
      missing: [],
      text: `## Problem
Two buyers reported that the top ball of our wooden stacking tower (ASIN B0C2HQ7LKZ) came loose.

## Corrective actions
- 23 July: sales stopped and 410 units recalled.
- 5 August: new test report from TÜV Rheinland LGA Products GmbH to EN 71-1, -2 and -3, including a 90 N pull test (report 21324875-001, passed).`,
    },
    {
      reason: 'product-safety',
      missing: ['test-reports'],
      text: `## Problem
Two buyers reported that the top ball of our wooden stacking tower (ASIN B0C2HQ7LKZ) came loose.

## Corrective actions
Our toys are safe and we have sold them for years without problems. We asked the workshop to glue the balls more firmly.`,
    },
    {
      reason: 'condition-complaints',
      missing: [],
      text: `## Problem
Three buyers received used food processors (ASIN B0BQ2M7XKT) sold as new.

## Root cause
Customer returns went back into stock without any check.

## Corrective actions
Since 11 October every return is inspected and graded by our returns manager before it is restocked; opened units are listed as used.`,
    },
    {
      reason: 'condition-complaints',
      missing: ['returns-inspection'],
      text: `## Problem
Three buyers received used food processors (ASIN B0BQ2M7XKT) sold as new.

## Corrective actions
We refunded the three buyers and apologised.`,
    },
    {
      reason: 'off-platform-communication',
      missing: [],
      text: `## Problem
A buyer reported that we emailed him a discount code for our own website from our Mailchimp account (order 20598765431234567).

## Corrective actions
- 20 August: the Mailchimp list was deleted.
- Since 21 August buyers are contacted only through Buyer-Seller Messaging, using three approved templates.`,
    },
    {
      reason: 'off-platform-communication',
      missing: ['messaging-channel'],
      text: `## Problem
A buyer reported that we emailed him a discount code for our own website (order 20598765431234567).

## Corrective actions
The marketing assistant responsible has left the company.`,
    },
    {
      reason: 'off-platform-payment',
      missing: [],
      text: `## Problem
Our employee asked the buyer of order 171-6604218-3357092 for a 9 € bank transfer to resend a broken bottle.

## Corrective actions
- 4 September: the 9 € were returned and the whole order refunded through Amazon.
- 4 September: the bank details were removed from every message template; we no longer share payment details with buyers.`,
    },
    {
      reason: 'off-platform-payment',
      missing: ['amazon-refund', 'channel-closed'],
      text: `## Problem
Our employee asked the buyer of order 171-6604218-3357092 for a 9 € bank transfer to resend a broken bottle.

## Corrective actions
We gave the buyer the money back the same day and apologised.`,
    },
    {
      reason: 'fair-pricing',
      missing: [],
      text: `## Problem
Our repricer raised the price of hand sanitiser (ASIN B08HZ1K4LM) from 6.99 € to 49.99 € overnight.

## Corrective actions
Every listing in the repricer now has a minimum and a maximum price (cost plus 12 % and list price plus 10 %), and our buyer runs a weekly price audit.`,
    },
    {
      reason: 'fair-pricing',
      missing: ['price-limits'],
      text: `## Problem
Our repricer raised the price of hand sanitiser (ASIN B08HZ1K4LM) from 6.99 € to 49.99 € overnight.

## Corrective actions
We switched the repricer off for this product.`,
    },
    {
      reason: 'identity-verification',
      missing: [],
      text: `## Root cause
The name on the account did not match my identity card, and the utility bill I sent was in my former husband's name.

## Corrective actions
I changed the account name to match my identity card exactly and uploaded a colour scan of the card and an electricity bill dated 10 April in my name.`,
    },
    {
      reason: 'identity-verification',
      missing: ['documents'],
      text: `## Root cause
Amazon could not verify my details.

## Corrective actions
I uploaded everything again and checked that it is readable.`,
    },
    {
      reason: 'dropshipping',
      missing: [],
      text: `## Problem
Buyers received parcels with packing slips in the name of our supplier, GreenTools Ltd.

## Corrective actions
On 4 October GreenTools signed an addendum to our supply contract naming us as the seller of record; since 5 October our own packing slips and invoices go in every parcel.`,
    },
    {
      reason: 'dropshipping',
      missing: ['seller-of-record'],
      text: `## Problem
Buyers received parcels with documents from another company.

## Corrective actions
We told the warehouse to be more careful.`,
    },
    {
      reason: 'detail-page-abuse',
      missing: [],
      text: `## Problem
Our listing manager changed the brand name on the shared detail page of ASIN B07ZQX3K9M.

## Corrective actions
On 12 May we reverted the edit and the original title and images were restored.`,
    },
    {
      reason: 'detail-page-abuse',
      missing: ['edits-reverted'],
      text: `## Problem
Our listing manager changed the brand name on the shared detail page of ASIN B07ZQX3K9M.

## Corrective actions
The listing manager has been retrained.`,
    },
  ],
  it: [
    {
      reason: 'late-shipment',
      missing: [],
      text: `## Problema
Il tasso di spedizioni in ritardo è stato del 7,2% negli ultimi 30 giorni (obiettivo: sotto il 4%). Tra gli ordini in ritardo il 404-7720193-3318026.

## Azioni correttive
Il 2 dicembre abbiamo aperto un secondo contratto con GLS.`,
    },
    {
      reason: 'late-shipment',
      missing: ['metric-value', 'metric-target'],
      text: `## Problema
Molti ordini sono stati spediti in ritardo a novembre, per esempio il 404-7720193-3318026.

## Azioni correttive
Il 2 dicembre abbiamo aperto un secondo contratto con GLS.`,
    },
    {
      reason: 'related-accounts',
      missing: [],
      text: `## Causa
Il nostro commercialista accedeva dallo stesso computer anche all'account di un altro cliente, Fashion Point 2019.

## Azioni correttive
Abbiamo revocato l'accesso al commercialista il 3 marzo. Il titolare di Fashion Point 2019 ci ha confermato per iscritto che quell'account è chiuso dal 2021.`,
    },
    {
      reason: 'related-accounts',
      missing: ['link-cause', 'other-account-status'],
      text: `## Causa
Non abbiamo altri account e non sappiamo perché Amazon ci abbia collegati a qualcuno.

## Azioni correttive
Chiediamo di riattivare il nostro account.`,
    },
    {
      reason: 'off-platform-payment',
      missing: [],
      text: `## Problema
Una collaboratrice ha rimborsato 23,80 € alla cliente dell'ordine 171-4829301-5562018 con un bonifico.

## Azioni correttive
- 13 marzo: abbiamo rimborsato tramite Amazon l'intero importo dell'ordine.
- 13 marzo: abbiamo eliminato l'IBAN da tutti i modelli di risposta; non comunichiamo più coordinate bancarie ai clienti.`,
    },
    {
      reason: 'off-platform-payment',
      missing: ['amazon-refund', 'channel-closed'],
      text: `## Problema
Una collaboratrice ha rimborsato 23,80 € alla cliente dell'ordine 171-4829301-5562018 con un bonifico.

## Azioni correttive
Abbiamo spiegato alla collaboratrice che ha sbagliato.`,
    },
    {
      reason: 'review-manipulation',
      missing: [],
      text: `## Problema
Tra febbraio e aprile un'agenzia di marketing rimborsava via PayPal chi lasciava una recensione alle nostre borracce (ASIN B0C7TR2K9M).

## Azioni correttive
Il 10 maggio abbiamo chiuso il contratto con l'agenzia.`,
    },
    {
      reason: 'review-manipulation',
      missing: ['review-methods'],
      text: `## Problema
Abbiamo violato le regole sulle recensioni per l'ASIN B0C7TR2K9M.

## Azioni correttive
Abbiamo letto le regole e le rispetteremo.`,
    },
    {
      reason: 'inauthentic',
      missing: [],
      text: `## Causa principale
72 delle 96 cuffie (ASIN B08C7KG5LP) provengono dal distributore ufficiale Sony (fatture n. 2024/4418 e 2024/5102), 24 da un grossista di Napoli senza fattura completa (mancano indirizzo e partita IVA).

## Azioni correttive
Dal 24 ottobre acquistiamo solo da fornitori che rilasciano fattura con ragione sociale, indirizzo e partita IVA.`,
    },
    {
      reason: 'inauthentic',
      missing: ['supplier-invoices', 'supplier-identity'],
      text: `## Causa principale
Le nostre cuffie (ASIN B08C7KG5LP) sono originali e le compriamo da anni dallo stesso partner.

## Azioni correttive
Controlleremo meglio la merce in arrivo.`,
    },
  ],
  fr: [
    {
      reason: 'order-defect-rate',
      missing: [],
      text: `## Description du problème
Notre taux de défaut de commande a atteint 2,3 % sur 60 jours (objectif : moins de 1 %) : 29 évaluations négatives, 12 réclamations au titre de la garantie A à Z et 3 rétrofacturations, par exemple la commande 402-5518207-3394026.

## Mesures correctives
Le 5 mars, nouveaux calages en carton moulé.`,
    },
    {
      reason: 'order-defect-rate',
      missing: ['metric-value', 'metric-target', 'defect-breakdown'],
      text: `## Description du problème
Plusieurs clients ont reçu une cocotte cassée, par exemple la commande 402-5518207-3394026.

## Mesures correctives
Le 5 mars, nouveaux calages en carton moulé.`,
    },
    {
      reason: 'cancellation-rate',
      missing: [],
      text: `## Problème
Notre taux d'annulation avant expédition était de 4,6 % (objectif : moins de 2,5 %), par exemple la commande 408-3318205-7720194.

## Mesures correctives
Depuis le 12 juin, les stocks sont synchronisés toutes les 10 minutes entre notre boutique et Amazon.`,
    },
    {
      reason: 'cancellation-rate',
      missing: ['stock-sync'],
      text: `## Problème
Notre taux d'annulation avant expédition était de 4,6 % (objectif : moins de 2,5 %), par exemple la commande 408-3318205-7720194.

## Mesures correctives
Nous ferons plus attention aux ruptures de stock.`,
    },
    {
      reason: 'counterfeit',
      missing: [],
      text: `## Cause
Les lampes de l'ASIN B09WQ3ZT7L viennent de Shenzhen Lumio Lighting Co., Ltd, qui a gravé par erreur le logo Lumina sur 200 unités.

## Mesures correctives
Depuis le 20 octobre, nous n'achetons les produits de marque qu'auprès de distributeurs agréés ; la lettre d'autorisation et les factures sont jointes.`,
    },
    {
      reason: 'counterfeit',
      missing: ['supplier-invoices', 'supplier-identity', 'authorised-source'],
      text: `## Cause
Nos lampes (ASIN B09WQ3ZT7L) sont achetées auprès d'un fabricant chinois.

## Mesures correctives
Nous serons plus vigilants à l'avenir.`,
    },
    {
      reason: 'identity-verification',
      missing: [],
      text: `## Cause
Le nom du compte ne correspondait pas à ma carte d'identité et la facture d'électricité était au nom de mon ex-mari.

## Ce que j'ai fait
Le 8 avril, j'ai envoyé ma carte d'identité recto verso et une facture d'électricité à mon nom.`,
    },
    {
      reason: 'identity-verification',
      missing: ['documents'],
      text: `## Cause
Amazon n'a pas pu vérifier mes informations.

## Ce que j'ai fait
J'ai tout renvoyé en faisant attention à la lisibilité.`,
    },
  ],
  de: [
    {
      reason: 'late-shipment',
      missing: [],
      text: `## Problembeschreibung
Unsere Rate verspäteter Lieferungen lag bei 6,7 % im 30-Tage-Zeitraum (Ziel: unter 4 %), zum Beispiel Bestellung 302-4419027-8813560.

## Sofortmaßnahmen
Am 12. März haben wir die Bearbeitungszeit der 34 Regale auf 4 Werktage umgestellt.`,
    },
    {
      reason: 'late-shipment',
      missing: ['metric-value', 'metric-target'],
      text: `## Problembeschreibung
Viele Bestellungen wurden zu spät versandt, zum Beispiel 302-4419027-8813560.

## Sofortmaßnahmen
Am 12. März haben wir die Bearbeitungszeit der 34 Regale auf 4 Werktage umgestellt.`,
    },
    {
      reason: 'valid-tracking',
      missing: [],
      text: `## Problem
Die Rate gültiger Sendungsverfolgung lag bei 88 % statt mindestens 95 %, zum Beispiel Bestellung 305-2281930-4417268.

## Maßnahmen
Am 3. Oktober haben wir in Billbee den Versanddienstleister auf „Hermes“ aus der Amazon-Liste umgestellt.`,
    },
    {
      reason: 'valid-tracking',
      missing: ['carrier-integration'],
      text: `## Problem
Die Rate gültiger Sendungsverfolgung lag bei 88 % statt mindestens 95 %, zum Beispiel Bestellung 305-2281930-4417268.

## Maßnahmen
Wir bestätigen den Versand jetzt erst abends.`,
    },
    {
      reason: 'ip-complaint',
      missing: [],
      text: `## Problem
Unser Angebot für ASIN B0BXK4M7TQ wurde nach einer Markenbeschwerde (Beschwerde-ID 8812274561) des Markeninhabers OutdoorKing entfernt.

## Maßnahmen
Am 15. Mai haben wir den Markennamen aus dem Titel entfernt; am 20. Mai hat OutdoorKing die Beschwerde zurückgezogen.`,
    },
    {
      reason: 'ip-complaint',
      missing: ['complaint-or-owner', 'retraction-or-authorisation'],
      text: `## Problem
Unser Angebot für ASIN B0BXK4M7TQ wurde wegen eines Problems mit geistigem Eigentum entfernt.

## Maßnahmen
Wir prüfen unsere Titel künftig sorgfältiger.`,
    },
    {
      reason: 'product-safety',
      missing: [],
      text: `## Problembeschreibung
Bei unserem Stapelturm (ASIN B0C2HQ7LKZ) hat sich die Holzkugel gelöst.

## Ergriffene Maßnahmen
Am 5. August erhielten wir einen neuen Prüfbericht der TÜV Rheinland LGA Products GmbH nach EN 71-1, -2 und -3.`,
    },
    {
      reason: 'product-safety',
      missing: ['test-reports'],
      text: `## Problembeschreibung
Bei unserem Stapelturm (ASIN B0C2HQ7LKZ) hat sich die Holzkugel gelöst.

## Ergriffene Maßnahmen
Unsere Werkstatt klebt die Kugeln jetzt fester.`,
    },
    {
      reason: 'fair-pricing',
      missing: [],
      text: `## Problem
Unser Repricer hat den Preis für Atemschutzmasken (ASIN B08HZ1K4LM) über Nacht verachtfacht.

## Maßnahmen
Für alle Artikel ist jetzt ein Mindestpreis und ein Höchstpreis hinterlegt.`,
    },
    {
      reason: 'fair-pricing',
      missing: ['price-limits'],
      text: `## Problem
Unser Repricer hat den Preis für Atemschutzmasken (ASIN B08HZ1K4LM) über Nacht verachtfacht.

## Maßnahmen
Wir haben den Repricer für diesen Artikel abgeschaltet.`,
    },
  ],
  es: [
    {
      reason: 'order-defect-rate',
      missing: [],
      text: `## Problema
Nuestra tasa de pedidos defectuosos fue del 1,8 % en 60 días (objetivo: inferior al 1 %): 26 valoraciones negativas, 11 reclamaciones de la Garantía de la A a la Z y 3 contracargos, por ejemplo el pedido 402-3318204-9956021.

## Acciones correctivas
El 15 de mayo corregimos la ficha de la batidora.`,
    },
    {
      reason: 'order-defect-rate',
      missing: ['metric-value', 'metric-target', 'defect-breakdown'],
      text: `## Problema
Varios clientes recibieron una batidora distinta a la anunciada, por ejemplo el pedido 402-3318204-9956021.

## Acciones correctivas
El 15 de mayo corregimos la ficha de la batidora.`,
    },
    {
      reason: 'related-accounts',
      missing: [],
      text: `## Causa raíz
Nuestro socio accedía a las dos cuentas desde el mismo portátil y la cuenta bancaria de la empresa figuraba en ambas.

## Acciones correctivas
El 20 de septiembre solicitó el cierre definitivo de la otra cuenta; adjuntamos la confirmación.`,
    },
    {
      reason: 'related-accounts',
      missing: ['link-cause', 'other-account-status'],
      text: `## Causa raíz
No sabemos por qué Amazon nos relaciona con otra persona.

## Acciones correctivas
Pedimos que se revise de nuevo nuestro caso.`,
    },
    {
      reason: 'off-platform-payment',
      missing: [],
      text: `## Problema
Nuestra dependienta pidió al comprador del pedido 171-5583016-2249187 un pago de 6 € por Bizum.

## Acciones correctivas
- 12 de febrero: le devolvimos los 6 € y le reembolsamos el tomo a través de Amazon.
- 12 de febrero: dimos de baja el Bizum de la tienda en todas las plantillas; ya no ofrecemos pagos fuera de Amazon.`,
    },
    {
      reason: 'off-platform-payment',
      missing: ['amazon-refund', 'channel-closed'],
      text: `## Problema
Nuestra dependienta pidió al comprador del pedido 171-5583016-2249187 un pago de 6 € por Bizum.

## Acciones correctivas
Hablamos con ella para que no vuelva a pasar.`,
    },
    {
      reason: 'restricted-products',
      missing: [],
      text: `## Problema
Amazon retiró nuestras cremas con CBD (ASIN B0BZQ4T7MK) por ser productos restringidos; hemos leído la política de productos restringidos (https://sellercentral.amazon.es/gp/help/external/G201567350).

## Acciones correctivas
El 5 de marzo eliminamos las declaraciones de salud de todas las fichas.`,
    },
    {
      reason: 'restricted-products',
      missing: ['policy-page'],
      text: `## Problema
Amazon retiró nuestras cremas con CBD (ASIN B0BZQ4T7MK).

## Acciones correctivas
El 5 de marzo eliminamos las frases sobre el dolor de todas las fichas.`,
    },
  ],
  nl: [
    {
      reason: 'cancellation-rate',
      missing: [],
      text: `## Probleemomschrijving
Ons annuleringspercentage was 5,2 % over 7 dagen (norm lager dan 2,5 %), bijvoorbeeld bestelling 171-2209384-6615072.

## Genomen maatregelen
Op 6 februari is de plug-in vervangen door ChannelEngine, dat elke 10 minuten synchroniseert.`,
    },
    {
      reason: 'cancellation-rate',
      missing: ['stock-sync'],
      text: `## Probleemomschrijving
Ons annuleringspercentage was 5,2 % over 7 dagen (norm lager dan 2,5 %), bijvoorbeeld bestelling 171-2209384-6615072.

## Genomen maatregelen
We letten voortaan beter op.`,
    },
    {
      reason: 'condition-complaints',
      missing: [],
      text: `## Het probleem
Drie kopers kregen een gebruikte keukenmachine (ASIN B0BQ2M7XKT) die als nieuw was verkocht.

## Wat we al gedaan hebben
Sinds 11 oktober worden alle retouren door onze magazijnchef gecontroleerd voordat ze terug in de voorraad gaan.`,
    },
    {
      reason: 'condition-complaints',
      missing: ['returns-inspection'],
      text: `## Het probleem
Drie kopers kregen een gebruikte keukenmachine (ASIN B0BQ2M7XKT) die als nieuw was verkocht.

## Wat we al gedaan hebben
De drie kopers zijn volledig terugbetaald.`,
    },
    {
      reason: 'identity-verification',
      missing: [],
      text: `## Oorzaak
Het paspoort van onze directeur was verlopen en het adres in Seller Central kwam niet overeen met het KvK-uittreksel.

## Wat we hebben gedaan
Op 14 juni hebben we een nieuw paspoort, een recent KvK-uittreksel en het bankafschrift van mei geüpload.`,
    },
    {
      reason: 'identity-verification',
      missing: ['documents'],
      text: `## Oorzaak
Amazon kon onze gegevens niet controleren.

## Wat we hebben gedaan
We hebben alles opnieuw geüpload.`,
    },
  ],
};

describe('facts a plan needs for its reason', () => {
  for (const [lang, drafts] of Object.entries(DRAFTS)) {
    describe(lang, () => {
      for (const draft of drafts) {
        const name = draft.missing.length === 0 ? `${draft.reason}: a complete draft is clean` : `${draft.reason}: reports ${draft.missing.join(', ')}`;
        it(name, () => {
          const result = lintText(plan(draft.reason, draft.text), { language: lang });
          expect(result.reason).toBe(draft.reason);
          const messages = result.findings.filter((f) => f.ruleId === RULE).map((f) => f.message);
          expect(messages).toHaveLength(draft.missing.length);
          for (const fact of draft.missing) expect(messages.join('\n')).toContain(label(lang, fact));
          expect(result.findings.filter((f) => f.ruleId === 'missing-asin'), 'drafts about listings name their ASINs').toEqual([]);
          for (const f of result.findings.filter((x) => x.ruleId === RULE)) expect(f.severity).toBe('warning');
        });
      }
    });
  }

  it('names the reason and the fact in the message, in the plan\'s language', () => {
    const [finding] = lintText(plan('fair-pricing', 'Our repricer raised the price of ASIN B08HZ1K4LM overnight.'), { language: 'en' }).findings.filter((f) => f.ruleId === RULE);
    expect(finding?.message).toBe(`For a plan about fair pricing, reviewers expect ${label('en', 'price-limits')}.`);
    const [it] = lintText(plan('fair-pricing', 'Il repricer ha alzato il prezzo dell\'ASIN B08HZ1K4LM.'), { language: 'it' }).findings.filter((f) => f.ruleId === RULE);
    expect(it?.message).toBe(`In un piano per prezzi equi i revisori si aspettano ${label('it', 'price-limits')}.`);
  });

  it('says the reason by its name in every language, never by its key', () => {
    const expected: Record<string, string> = {
      en: 'For a plan about late shipment rate, reviewers expect',
      it: 'In un piano per tasso di spedizioni in ritardo i revisori si aspettano',
      fr: "Pour un plan concernant taux d'expédition en retard, les évaluateurs attendent",
      de: 'Bei einem Plan zum Thema Verspätungsrate erwarten die Prüfer',
      es: 'En un plan por tasa de envíos con retraso, los revisores esperan',
      nl: 'Bij een plan over percentage late verzendingen verwachten beoordelaars',
    };
    for (const [language, start] of Object.entries(expected)) {
      const messages = lintText(plan('late-shipment', 'Stock syncs every 15 minutes.'), { language }).findings.filter((f) => f.ruleId === RULE).map((f) => f.message);
      expect(messages.length, language).toBeGreaterThan(0);
      for (const message of messages) {
        expect(message.startsWith(start), `${language}: ${message}`).toBe(true);
        expect(message).not.toContain('late-shipment');
      }
    }
    // --locale: the message and the reason's name in the reader's language.
    const [de] = lintText(plan('late-shipment', 'Stock syncs every 15 minutes.'), { language: 'en', locale: 'de' }).findings.filter((f) => f.ruleId === RULE);
    expect(de?.message.startsWith('Bei einem Plan zum Thema Verspätungsrate')).toBe(true);
  });

  it('runs on an inferred reason too', () => {
    const text = 'Our late shipment rate was too high: many orders were dispatched late because our handling time was too short.';
    const result = lintText(text, { language: 'en' });
    expect(result).toMatchObject({ reason: 'late-shipment', reasonInferred: true });
    expect(result.findings.filter((f) => f.ruleId === RULE).map((f) => f.message)).toEqual([
      `For a plan about late shipment rate, reviewers expect ${label('en', 'metric-value')}.`,
      `For a plan about late shipment rate, reviewers expect ${label('en', 'metric-target')}.`,
    ]);
  });

  it('counts a retraction or an invoice the plan has, not one it asks or threatens for', () => {
    const missing = (lang: string, text: string): string[] =>
      lintText(plan('ip-complaint', text), { language: lang })
        .findings.filter((f) => f.ruleId === RULE)
        .map((f) => f.message);
    const en = (after: string): string =>
      `## Problem\nThe listing for ASIN B0BXK4M7TQ was removed after a trademark complaint (complaint ID 8812274561) filed by the rights owner, OutdoorKing GmbH.\n\n## Corrective actions\n${after}`;
    expect(missing('en', en('On 6 March we wrote to the rights owner asking them to retract the complaint.')).join('\n')).toContain(label('en', 'retraction-or-authorisation'));
    expect(missing('en', en('On 20 March OutdoorKing GmbH withdrew their complaint; their email is attached.'))).toEqual([]);
    const de = (after: string): string =>
      `## Problem\nDas Angebot für ASIN B0BXK4M7TQ wurde nach einer Markenbeschwerde (Beschwerde-ID 8812274561) des Rechteinhabers OutdoorKing GmbH entfernt.\n\n## Maßnahmen\n${after}`;
    expect(missing('de', de('Jeder Tag der Sperrung kostet uns 1.500 Euro, die wir Ihnen in Rechnung stellen werden.')).join('\n')).toContain(label('de', 'retraction-or-authorisation'));
    expect(missing('de', de('Die Rechnung unseres Großhändlers vom 2. März für die 40 Pressen liegt bei.'))).toEqual([]);
  });

  // DOMAIN.md §3: the other account's status is expected "if owned". A plan that says there is no other account and
  // explains what linked the accounts need not give it; a bare denial does not explain anything, so both stay reported.
  it.each([
    ['en', 'Our former assistant logged into Seller Central from the same laptop she used for another seller.', 'I have no other account and I have never had one.'],
    ['it', 'La nostra ex assistente accedeva a Seller Central dallo stesso laptop che usava per un altro venditore.', 'Non abbiamo mai avuto un altro account.'],
    ['fr', 'Notre ancienne assistante se connectait à Seller Central depuis la même adresse IP que pour un autre vendeur.', "Nous n'avons jamais eu d'autre compte."],
    ['de', 'Unsere frühere Assistentin hat sich vom selben Laptop aus bei Seller Central angemeldet, den sie für einen anderen Verkäufer nutzte.', 'Wir haben kein anderes Konto und hatten nie eines.'],
    ['es', 'Nuestra antigua asistente entraba en Seller Central desde la misma dirección IP que usaba para otro vendedor.', 'No tenemos ninguna otra cuenta.'],
    ['nl', 'Onze vroegere assistente logde in op Seller Central vanaf dezelfde laptop die ze voor een andere verkoper gebruikte.', 'Wij hebben geen ander account en hebben er nooit een gehad.'],
  ])('%s: takes "no other account" for the status only when the plan explains the link', (lang, link, denial) => {
    const messages = (text: string): string =>
      lintText(plan('related-accounts', text), { language: lang })
        .findings.filter((f) => f.ruleId === RULE)
        .map((f) => f.message)
        .join('\n');
    const status = label(lang, 'other-account-status');
    expect(messages(`${link} ${denial}`)).not.toContain(status);
    expect(messages(link)).toContain(status);
    const bare = messages(denial);
    expect(bare).toContain(status);
    expect(bare).toContain(label(lang, 'link-cause'));
  });

  it('stays silent without a reason', () => {
    expect(lintText('We made a mistake and will do better.', { language: 'en' }).findings.filter((f) => f.ruleId === RULE)).toEqual([]);
  });

  it('does not take a target for the plan\'s own value', () => {
    const messages = (text: string): string[] => lintText(plan('cancellation-rate', text), { language: 'en' }).findings.filter((f) => f.ruleId === RULE).map((f) => f.message);
    expect(messages('Our cancellation rate was above the target of 2.5 %. Stock syncs every 15 minutes.')).toEqual([`For a plan about pre-fulfilment cancellation rate, reviewers expect ${label('en', 'metric-value')}.`]);
    expect(messages('Our cancellation rate was 4.1 % in June. Stock syncs every 15 minutes.')).toEqual([`For a plan about pre-fulfilment cancellation rate, reviewers expect ${label('en', 'metric-target')}.`]);
  });
});

describe('missing-order-id and the plan\'s reason', () => {
  const orderless = (reason: string | null, lang = 'en'): boolean =>
    lintText(reason === null ? 'We removed the listing on 3 May.' : plan(reason, 'We removed the listing on 3 May.'), { language: lang }).findings.some((f) => f.ruleId === 'missing-order-id');

  it('asks for order IDs in plans about orders, and in plans whose reason is unknown', () => {
    expect(orderless('late-shipment')).toBe(true);
    expect(orderless('counterfeit', 'de')).toBe(true);
    expect(orderless(null)).toBe(true);
  });

  it('leaves plans about an account or a listing alone: they have no orders to name', () => {
    for (const reason of ['related-accounts', 'identity-verification', 'ip-complaint', 'restricted-products', 'fair-pricing', 'detail-page-abuse']) {
      expect(orderless(reason), reason).toBe(false);
      expect(orderless(reason, 'it'), reason).toBe(false);
    }
  });
});

describe('missing-asin on plans about listings', () => {
  const ids = (text: string, options: { language: string; reason?: string }): string[] => lintText(text, options).findings.filter((f) => f.ruleId === 'missing-asin').map((f) => f.severity);

  it('reports a listing plan without an ASIN once, as a warning', () => {
    expect(ids(plan('counterfeit', 'Two buyers reported fake phone cases. We removed the listing and destroyed the stock.'), { language: 'en' })).toEqual(['warning']);
    expect(ids('Wir haben das Angebot nach der Markenbeschwerde des Rechteinhabers entfernt und alle Titel auf Markennamen geprüft.', { language: 'de' })).toEqual(['warning']);
  });

  it('accepts product ASINs and book ASINs (ISBN-10 next to the word ASIN)', () => {
    expect(ids(plan('counterfeit', 'We removed B08QXT4L2M after the complaint.'), { language: 'en' })).toEqual([]);
    expect(ids(plan('ip-complaint', 'We removed the book (ASIN: 316148410X) after the copyright complaint.'), { language: 'en' })).toEqual([]);
    expect(ids(plan('ip-complaint', 'Abbiamo rimosso l\'ASIN n. 8804668230 dopo il reclamo.'), { language: 'it' })).toEqual([]);
  });

  it('does not count a placeholder or a word after ASIN', () => {
    expect(ids(plan('counterfeit', 'We removed ASIN B0XXXXXXXX after the complaint.'), { language: 'en' })).toEqual(['warning']);
    expect(ids(plan('counterfeit', 'We removed the ASIN concerned after the complaint.'), { language: 'en' })).toEqual(['warning']);
  });

  it('leaves plans about other reasons alone', () => {
    expect(ids(plan('late-shipment', 'Our late shipment rate was 6.1 % in March.'), { language: 'en' })).toEqual([]);
    expect(ids(plan('related-accounts', 'Our former assistant used the same laptop for both accounts.'), { language: 'en' })).toEqual([]);
    expect(ids('We apologise and will improve our processes.', { language: 'en' })).toEqual([]);
  });
});
