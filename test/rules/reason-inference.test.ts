// Inferring a plan's suspension reason from its words (rules/reasons.yaml): realistic plan excerpts in six
// languages must infer their reason, and vague or mixed excerpts none (a wrong reason would run the wrong
// reason-specific rules, so none is better than a guess).
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint.js';

type Cases = Record<string, Array<[reason: string, text: string]>>;

const REASONS: Cases = {
  en: [
    ['order-defect-rate', 'Our order defect rate reached 2.4% over the 60-day window, against the target of under 1%. Of the 51 defective orders, 31 were negative feedback, 14 A-to-z Guarantee claims and 6 chargebacks. Most of the negative feedback came from buyers whose glass jars broke in transit.'],
    ['late-shipment', 'Our account was deactivated for a late shipment rate of 7.2% over 30 days. 58 of 806 seller-fulfilled orders were confirmed after the expected ship date, mostly in the week of 18 November when two of our three packers were off sick. Our handling time was set to one day for every SKU.'],
    ['cancellation-rate', 'Our pre-fulfilment cancellation rate was 4.8% over the last 7 days. We cancelled 23 orders because items still showed as available on Amazon after they had sold out in our shop; our inventory sync with Shopify only ran once a night.'],
    ['valid-tracking', 'Our valid tracking rate fell to 89% in October, below the required 95%. For 112 orders we uploaded a tracking number that Amazon could not match, because our shipping software sent the carrier as "Other" instead of Royal Mail.'],
    ['related-accounts', 'Amazon deactivated our account because it is related to another seller account. After reviewing our records we found that our former warehouse manager opened a second account in 2022 and registered it from the same laptop with our company credit card.'],
    ['ip-complaint', 'Our listing for ASIN B0C7K2M9XQ was removed after a trademark complaint from the rights owner, Kestrel Outdoor Ltd (complaint ID 9842213765). We had used their registered brand name in our title as a compatibility term, which infringes their trademark.'],
    ['inauthentic', 'Our account was deactivated after three buyers reported that the headphones we sold were not authentic. Amazon asked for invoices under the Product Authenticity and Quality policy; 40 of the units came from a retail arbitrage purchase at a clearance store, for which we only had till receipts.'],
    ['counterfeit', 'We received a notice of suspected counterfeit items for ASIN B08QXT4L2M. Two buyers said the phone cases were fake products with a misprinted logo. We removed the listing the same day and sent the 120 remaining units to a destruction company.'],
    ['review-manipulation', 'Our account was deactivated for review manipulation. From March to May we put a product insert in every parcel offering a free replacement filter for a five-star review, and we asked friends and family to post reviews of our new kettle.'],
    ['restricted-products', 'Amazon removed six of our listings because they are restricted products: our garden sprays made pesticide claims ("kills 99% of aphids") without the required registration. We had not applied for category approval before listing them.'],
    ['product-safety', 'Our baby bath seat (ASIN B09LMN4QRT) was suspended after two safety complaints about the suction cups. Amazon asked for a test report from an accredited lab showing compliance with EN 17022 and a certificate of conformity.'],
    ['condition-complaints', 'We received eleven condition complaints in August: buyers said they received used items sold as new. Our returns team put customer returns back on the shelf without opening them, so opened units were resold as new.'],
    ['off-platform-communication', "A buyer reported that we had emailed him outside of Amazon with a discount code for our own website. Our marketing assistant had copied buyers' email addresses from the order reports into our Mailchimp newsletter list."],
    ['off-platform-payment', 'A buyer told Amazon that our customer service agent asked him to pay the €12 difference for a larger size by PayPal instead of placing a new order. Amazon deactivated our account for taking a payment outside of Amazon. We refunded the PayPal payment the same day.'],
    ['fair-pricing', 'Amazon deactivated our account under the Fair Pricing policy after our repricer raised the price of hand sanitiser (ASIN B08HZ1K4LM) from €6.99 to €49.99 overnight. The repricer had no maximum price set for this product.'],
    ['identity-verification', 'Our account was deactivated because Amazon could not complete the identity verification. The utility bill we uploaded was in the name of our former business partner, and the passport of our director had expired in March.'],
    ['dropshipping', 'Amazon suspended our account for breaching the dropshipping policy. Buyers received parcels with packing slips and invoices from our supplier, Shenzhen HomeGoods, which shipped from its own warehouse, and we were not identified as the seller of record.'],
    ['detail-page-abuse', 'Our account was suspended for detail page abuse. Our listing manager changed the product title and brand name on a shared detail page (ASIN B07ZQX3K9M) to match our packaging, and added our product as a child ASIN to an unrelated variation family.'],
  ],
  it: [
    ['order-defect-rate', "Il nostro tasso di difettosità degli ordini ha raggiunto il 2,1% negli ultimi 60 giorni, contro un obiettivo inferiore all'1%. Su 1.480 ordini abbiamo avuto 19 feedback negativi, 9 reclami dalla A alla Z e 3 chargeback, quasi tutti per caffettiere arrivate ammaccate."],
    ['late-shipment', "Il nostro account è stato disattivato per un tasso di spedizioni in ritardo del 6,4% negli ultimi 30 giorni. 47 ordini sono stati confermati dopo la data di spedizione prevista, perché il tempo di gestione era impostato a 1 giorno anche per i mobili su misura."],
    ['cancellation-rate', "Il tasso di cancellazione prima dell'evasione è salito al 5,2%: abbiamo annullato 21 ordini perché le giacenze del negozio non venivano scaricate in tempo reale dal gestionale e gli articoli risultavano disponibili anche se erano esauriti."],
    ['related-accounts', "Amazon ha disattivato il nostro account perché ritenuto correlato a un altro account di vendita sospeso nel 2021. Abbiamo scoperto che il nostro ex consulente accedeva ai due account dallo stesso computer e con la stessa connessione."],
    ['ip-complaint', "L'inserzione dell'ASIN B0BX4K7QTZ è stata rimossa per una segnalazione di violazione del marchio da parte del titolare dei diritti, Alpina Sport S.r.l. Avevamo usato il loro marchio registrato nel titolo senza alcuna autorizzazione."],
    ['inauthentic', "Tre clienti hanno segnalato che le cuffie ricevute non erano originali e Amazon ha disattivato l'account per reclami su articoli non autentici, ai sensi delle norme su autenticità e qualità dei prodotti."],
    ['review-manipulation', "Il nostro account è stato disattivato per manipolazione delle recensioni. Da gennaio inserivamo nei pacchi un cartoncino che offriva un buono da 10 € in cambio di una recensione a 5 stelle."],
    ['restricted-products', "Amazon ha rimosso otto inserzioni di integratori e sospeso l'account per violazione delle regole sui prodotti soggetti a restrizioni: i titoli contenevano indicazioni sulla salute non autorizzate, come «cura l'insonnia»."],
    ['product-safety', "Amazon ha sospeso la vendita del seggiolino (ASIN B0C4TQ8KLM) per un problema di sicurezza del prodotto e ci ha chiesto un rapporto di prova di un laboratorio accreditato e la dichiarazione di conformità UE."],
    ['off-platform-communication', "Abbiamo scritto a 40 acquirenti al di fuori di Amazon, usando gli indirizzi email dei clienti presi dai report degli ordini, per offrire un codice sconto valido sul nostro sito."],
    ['off-platform-payment', "Una nostra collaboratrice ha proposto a una cliente di rimborsarle la differenza con un bonifico sul suo IBAN invece di usare Seller Central. Amazon ha disattivato l'account per pagamenti al di fuori di Amazon."],
    ['identity-verification', "L'account è stato disattivato perché Amazon non è riuscita a completare la verifica dell'identità: la bolletta caricata era intestata al vecchio socio e la carta d'identità del titolare era scaduta."],
  ],
  fr: [
    ['order-defect-rate', 'Notre taux de défaut de commande a atteint 1,9 % sur 60 jours (objectif : moins de 1 %). Les 37 commandes en défaut se répartissent en 22 évaluations négatives, 11 réclamations au titre de la garantie A à Z et 4 rétrofacturations.'],
    ['late-shipment', "Notre compte a été désactivé pour un taux d'expédition en retard de 7,8 % sur 30 jours. 49 commandes ont été confirmées après la date d'expédition prévue, car notre délai de préparation était réglé sur un jour pour tous les articles."],
    ['cancellation-rate', "Notre taux d'annulation avant expédition a atteint 4,6 %. Nous avons annulé 19 commandes parce que la synchronisation des stocks entre notre boutique et Amazon ne se faisait qu'une fois par jour, ce qui provoquait des ruptures de stock."],
    ['related-accounts', 'Amazon a désactivé notre compte car il serait lié à un autre compte vendeur suspendu en 2020. Nous avons découvert que notre ancien comptable utilisait le même ordinateur pour se connecter aux deux comptes.'],
    ['ip-complaint', "Notre offre pour l'ASIN B0CQ7K2LMT a été supprimée suite à une plainte pour violation des droits de propriété intellectuelle déposée par le titulaire de la marque, Verdure SAS. Nous avions utilisé leur marque déposée dans le titre."],
    ['counterfeit', 'Notre compte a été suspendu suite à deux réclamations pour contrefaçon sur les sacs de la marque Lunea. Les clients affirment avoir reçu des produits contrefaits avec un logo mal imprimé.'],
    ['review-manipulation', "Notre compte a été désactivé pour manipulation des avis clients. Nous glissions dans nos colis une carte offrant un second flacon en échange d'un avis 5 étoiles."],
    ['restricted-products', "Amazon a retiré nos huiles au CBD, qui sont des produits soumis à restrictions, et suspendu notre compte. Nos fiches contenaient aussi des allégations de santé (« soulage l'anxiété ») interdites."],
    ['condition-complaints', "Plusieurs clients ont reçu des articles d'occasion vendus comme neufs : des retours clients avaient été remis en vente sans contrôle. Amazon nous renvoie aux directives sur l'état des produits."],
    ['off-platform-payment', "Un client nous a signalé que notre employé lui avait demandé un virement sur notre compte bancaire pour un échange de produit. Amazon a désactivé notre compte pour paiement en dehors d'Amazon."],
    ['identity-verification', "Notre compte a été désactivé car Amazon n'a pas pu vérifier notre identité. La pièce d'identité envoyée était expirée et le justificatif de domicile était au nom de notre ancien associé."],
    ['dropshipping', 'Notre compte a été suspendu pour non-respect de la politique de dropshipping : nos clients recevaient des colis avec une facture au nom de notre fournisseur, expédiés directement par le fournisseur depuis son entrepôt.'],
  ],
  de: [
    ['order-defect-rate', 'Unsere Auftragsmängelquote lag im 60-Tage-Zeitraum bei 1,7 % (Ziel: unter 1 %). Von 42 mangelhaften Bestellungen waren 25 negative Bewertungen, 13 A-bis-z-Garantieanträge und 4 Rückbuchungen.'],
    ['late-shipment', 'Unser Konto wurde wegen einer Verspätungsrate von 5,9 % deaktiviert. 61 Bestellungen wurden nach dem erwarteten Versanddatum bestätigt, weil die Bearbeitungszeit für Sonderanfertigungen auf einen Tag eingestellt war.'],
    ['cancellation-rate', 'Unsere Stornorate vor Erfüllung stieg auf 3,8 %. Wir mussten 19 Bestellungen stornieren, weil der Lagerbestand unseres Großhändlers nur einmal täglich importiert wurde und Artikel bei uns noch verfügbar waren, obwohl sie ausverkauft waren.'],
    ['valid-tracking', 'Die Rate gültiger Sendungsverfolgung lag im September bei 87 % statt der geforderten 95 %. Bei 140 Bestellungen hat Amazon die Sendungsnummer nicht erkannt, weil in unserer Versandsoftware der Versanddienstleister als „Andere“ eingestellt war.'],
    ['related-accounts', 'Amazon hat unser Konto gesperrt, weil es mit einem anderen Verkäuferkonto verbunden sein soll. Wir haben festgestellt, dass unser früherer Buchhalter beide Konten vom selben Laptop aus verwaltet hat.'],
    ['ip-complaint', 'Unser Angebot für ASIN B0D2KX7QLM wurde nach einer Markenbeschwerde des Rechteinhabers entfernt. Wir hatten den geschützten Markennamen im Titel verwendet, was eine Markenrechtsverletzung darstellt.'],
    ['review-manipulation', 'Unser Konto wurde wegen Manipulation von Kundenrezensionen deaktiviert. Wir hatten Käufern einen Gutschein von 5 € im Austausch gegen eine 5-Sterne-Bewertung angeboten.'],
    ['product-safety', 'Amazon hat unser Holzspielzeug wegen Bedenken zur Produktsicherheit gesperrt und einen Prüfbericht nach EN 71 sowie eine Konformitätserklärung verlangt.'],
    ['off-platform-payment', 'Ein Mitarbeiter hat einer Kundin angeboten, den Differenzbetrag per Überweisung auf unser Geschäftskonto zu zahlen. Amazon hat unser Konto wegen Zahlungen außerhalb von Amazon deaktiviert.'],
    ['fair-pricing', 'Unser Konto wurde wegen Verstoßes gegen die Richtlinie zu fairen Preisen deaktiviert: Unser Repricer hatte den Preis für Atemschutzmasken ohne Höchstpreis auf das Achtfache erhöht.'],
    ['condition-complaints', 'Drei Käufer haben gebrauchte Kaffeemaschinen erhalten, die als neu verkauft wurden. Retouren wurden ohne Prüfung wieder eingelagert; die Zustandsrichtlinien hatten wir nicht beachtet.'],
    ['identity-verification', 'Amazon konnte unsere Identität nicht verifizieren: Der Personalausweis unseres Geschäftsführers war abgelaufen und die Stromrechnung lautete noch auf die alte Adresse.'],
  ],
  es: [
    ['order-defect-rate', 'Nuestra tasa de pedidos defectuosos fue del 1,6 % en 60 días (objetivo: inferior al 1 %). De los 35 pedidos con defectos, 20 fueron valoraciones negativas, 12 reclamaciones de la Garantía de la A a la Z y 3 contracargos.'],
    ['late-shipment', 'Nuestra cuenta fue desactivada por una tasa de envíos con retraso del 6,2 % en 30 días. 44 pedidos se confirmaron después de la fecha prevista de envío porque el tiempo de manipulación estaba configurado en un día.'],
    ['cancellation-rate', 'La tasa de cancelación previa al envío llegó al 3,9 %. Cancelamos 17 pedidos porque la sincronización del inventario con nuestra tienda online fallaba y vendíamos artículos agotados.'],
    ['related-accounts', 'Amazon desactivó nuestra cuenta por estar relacionada con otra cuenta de vendedor suspendida en 2021. El vínculo es nuestro antiguo socio, que accedía a las dos cuentas desde el mismo portátil.'],
    ['ip-complaint', 'Retiraron nuestro anuncio del ASIN B0B9QK2TLM por una reclamación de propiedad intelectual del titular de la marca, Ondas S.L. Usábamos su marca registrada en el título sin autorización.'],
    ['counterfeit', 'Nuestra cuenta fue desactivada por una supuesta venta de productos falsificados de la marca Runmax. Dos compradores dijeron que las zapatillas eran una imitación.'],
    ['review-manipulation', 'Nuestra cuenta fue desactivada por manipulación de las reseñas. Ofrecíamos un reembolso del 50 % a los clientes a cambio de una reseña de cinco estrellas a través de un grupo de Telegram.'],
    ['off-platform-payment', 'Nuestra dependienta pidió a un comprador que pagara 6 € por Bizum fuera de la plataforma para enviarle otra edición. Amazon desactivó la cuenta por pagos fuera de Amazon.'],
    ['restricted-products', 'Amazon retiró nuestras cremas con CBD por tratarse de productos restringidos. Las fichas incluían declaraciones de salud como «alivia el dolor articular».'],
    ['identity-verification', 'Amazon no pudo completar la verificación de identidad: el DNI de nuestro administrador estaba caducado y la factura de la luz estaba a nombre del antiguo local.'],
    ['off-platform-communication', 'Enviamos mensajes de WhatsApp a 38 compradores, usando los teléfonos de los clientes que aparecían en el informe de pedidos, para ofrecerles un código de descuento en nuestra web.'],
    ['product-safety', 'Amazon bloqueó nuestras luces infantiles por un problema de seguridad del producto y nos pidió un informe de ensayo de un laboratorio acreditado y el marcado CE.'],
  ],
  nl: [
    ['order-defect-rate', 'Ons percentage orderdefecten was 1,8 % over 60 dagen (norm lager dan 1 %). Van de 33 defecte bestellingen waren er 19 met negatieve feedback, 11 A-tot-z-claims en 3 terugboekingen.'],
    // the other common Dutch name of the rate, with plural feedbacks
    ['order-defect-rate', 'Ons ordergebrekpercentage was 1,9 % van 1 januari tot 1 maart (de norm is lager dan 1 %). Van de 1.050 bestellingen hadden er 20 een gebrek: 15 claims en 5 negatieve feedbacks.'],
    ['late-shipment', 'Ons account is gedeactiveerd wegens een percentage late verzendingen van 6,3 % over 30 dagen. 59 bestellingen zijn na de verwachte verzenddatum als verzonden bevestigd, omdat de verwerkingstijd voor alle artikelen op 1 dag stond.'],
    ['cancellation-rate', 'Ons annuleringspercentage vóór uitvoering was 5,2 %. We hebben 25 bestellingen geannuleerd omdat de voorraad tussen Bol en Amazon niet meer werd gesynchroniseerd, waardoor uitverkochte artikelen beschikbaar bleven.'],
    ['related-accounts', 'Amazon heeft ons account gedeactiveerd omdat het gerelateerd zou zijn aan een ander verkopersaccount. Onze vorige boekhouder beheerde beide accounts vanaf dezelfde laptop.'],
    ['ip-complaint', 'Onze aanbieding voor ASIN B0C1KQ7XTM is verwijderd na een klacht van de merkhouder wegens merkinbreuk. We gebruikten hun beschermde merknaam in de titel.'],
    ['review-manipulation', 'Ons account is gedeactiveerd wegens manipulatie van klantbeoordelingen. We gaven klanten een kortingscode van 20 % in ruil voor een review van vijf sterren.'],
    ['off-platform-payment', 'Wij hebben een koper gevraagd om de extra verzendkosten buiten Amazon te betalen, en in februari een tweede koper om het restbedrag buiten het platform over te maken. Dit is in strijd met het beleid van Amazon.'],
    ['off-platform-payment', 'Een medewerker vroeg een klant om het verschil van € 15 via een Tikkie te betalen in plaats van via Amazon. Amazon heeft ons account gedeactiveerd wegens betalingen buiten Amazon.'],
    ['restricted-products', 'Amazon heeft ons account opgeschort omdat wij laserpointers van klasse 3B verkochten, die als beperkte producten niet zijn toegestaan. We hadden de lijst met beperkte productcategorieën niet gecontroleerd.'],
    ['counterfeit', 'Ons account is gedeactiveerd na drie klachten over namaak van onze koptelefoons. Kopers meldden dat het logo en de verpakking er vervalst uitzagen.'],
    ['condition-complaints', "Drie kopers meldden dat zij een gebruikte keukenmachine hadden ontvangen terwijl de aanbieding 'nieuw' vermeldde. Retouren werden zonder controle teruggezet in de voorraad, in strijd met de richtlijnen voor de staat van artikelen."],
    ['identity-verification', 'Amazon kon onze identiteit en ons bedrijfsadres niet verifiëren. Het paspoort van onze directeur was verlopen en het KvK-uittreksel toonde nog het oude adres.'],
    ['valid-tracking', "Ons percentage geldige tracking zakte naar 91 %. Bij 86 bestellingen werd het trackingnummer van PostNL niet herkend, omdat ons verzendprogramma de vervoerder als 'Overig' doorgaf."],
  ],
};

/** Plans that name no reason (apologies, intentions), name one only in passing, or two equally: no reason must be inferred. */
const NONE: Record<string, string[]> = {
  en: [
    'We sincerely apologise. Our team made a mistake and we did not understand the policy. We will improve our processes, train our staff and make sure this never happens again.',
    'Our account was deactivated. We have reviewed our processes, retrained our team on Amazon policies and appointed a compliance manager who checks every listing before it goes live. We ask you to reinstate our account.',
    'Our late shipment rate rose to 5.2% and our pre-fulfilment cancellation rate to 3.1% in the same week because our warehouse moved: late shipments and cancelled orders both came from the same backlog.',
    'Since 3 May our warehouse manager reviews the handling time of every new product before it is listed.',
  ],
  it: [
    "Ci scusiamo per l'accaduto. Abbiamo commesso un errore e non avevamo capito le regole. Miglioreremo i nostri processi e faremo più attenzione in futuro.",
    "Il nostro account è stato disattivato. Abbiamo rivisto tutte le procedure, formato il personale e nominato un responsabile che controlla ogni inserzione prima della pubblicazione.",
    "Dal 3 maggio il responsabile del magazzino controlla ogni giorno le giacenze dei prodotti più venduti.",
  ],
  fr: [
    'Nous sommes désolés. Notre équipe a commis une erreur. Nous allons améliorer nos processus et former notre personnel pour que cela ne se reproduise plus.',
    'Notre compte a été désactivé. Nous avons revu nos procédures, formé toute l\'équipe et nommé une responsable qui vérifie chaque offre avant sa mise en ligne.',
    'Notre taux d\'annulation a atteint 3 % et notre taux d\'expédition en retard 5 % la même semaine, à cause du déménagement de notre entrepôt.',
  ],
  de: [
    'Es tut uns leid. Unser Mitarbeiter hat einen Fehler gemacht. Wir werden unsere Prozesse verbessern und in Zukunft sorgfältiger arbeiten.',
    'Unser Konto wurde deaktiviert. Wir haben alle Abläufe überprüft, das Team geschult und eine Verantwortliche benannt, die jedes Angebot vor der Veröffentlichung prüft.',
    'Seit dem 3. Mai prüft unsere Versandleiterin jeden Morgen die Bearbeitungszeit neuer Artikel.',
  ],
  es: [
    'Lamentamos lo ocurrido. Cometimos un error y no entendimos bien la política. Mejoraremos nuestros procesos y tendremos más cuidado.',
    'Nuestra cuenta fue desactivada. Hemos revisado todos los procedimientos, formado al equipo y nombrado a una responsable que revisa cada anuncio antes de publicarlo.',
    'Nuestra tasa de cancelación llegó al 3 % y nuestra tasa de envíos con retraso al 5 % en la misma semana, por la mudanza del almacén.',
  ],
  nl: [
    'Het spijt ons. Onze medewerker heeft een fout gemaakt. We gaan onze processen verbeteren en zullen voortaan beter opletten.',
    'Ons account is gedeactiveerd. We hebben alle processen doorgelopen, het team getraind en een verantwoordelijke aangesteld die elke aanbieding controleert voordat die online gaat.',
    'Sinds 3 mei controleert onze magazijnchef elke ochtend de verwerkingstijd van nieuwe artikelen.',
  ],
};

describe('reason inferred from a plan\'s words', () => {
  for (const [language, cases] of Object.entries(REASONS)) {
    describe(language, () => {
      it('covers at least 8 reasons', () => {
        expect(new Set(cases.map(([reason]) => reason)).size).toBeGreaterThanOrEqual(8);
      });
      for (const [reason, text] of cases) {
        it(`infers ${reason}`, () => {
          const result = lintText(text, { language });
          expect(result.reason, text).toBe(reason);
          expect(result.reasonInferred).toBe(true);
        });
      }
      for (const text of NONE[language] ?? []) {
        it(`infers none: ${text.slice(0, 60)}`, () => {
          expect(lintText(text, { language }).reason, text).toBeUndefined();
        });
      }
    });
  }

  it('counts English keywords in every language (notices pasted in English)', () => {
    const text = 'Il nostro ODR è salito al 2,3%: abbiamo ricevuto 8 A-to-z claims e 3 chargeback sugli ordini di marzo.';
    expect(lintText(text, { language: 'it' }).reason).toBe('order-defect-rate');
  });

  it('a declared reason wins over the words', () => {
    const [, text] = REASONS['en']?.[0] ?? ['', ''];
    expect(lintText(`---\nreason: late-shipment\n---\n${text}`)).toMatchObject({ reason: 'late-shipment', reasonInferred: false });
  });
});
