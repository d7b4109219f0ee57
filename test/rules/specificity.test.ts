// Specificity rules on realistic multi-part drafts in six languages: each-item, conditional and metric checks
// (undated-action, no-owner, no-frequency, no-evidence, long-closing, too-long, no-bullets) fire on the offending
// item or part, point at it, and stay silent on a clean draft.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, type RuleEntry } from '../../src/lint.js';
import type { Finding } from '../../src/types.js';
import { SEEDS } from '../helpers.js';

/** The prevention part's heading in each language. */
const PREVENTION_HEADING: Record<string, string> = {
  en: 'Preventive measures',
  it: 'Misure preventive',
  fr: 'Mesures préventives',
  de: 'Vorbeugende Maßnahmen',
  es: 'Medidas preventivas',
  nl: 'Preventieve maatregelen',
};

const RULES = ['undated-action', 'no-owner', 'no-frequency', 'no-evidence', 'long-closing', 'too-long', 'no-bullets'] as const;
type Rule = (typeof RULES)[number];

interface Drafts {
  /** A well-built plan: none of the rules above fire. */
  clean: string;
  /** Bulleted plan with one offending item per each-item rule, an attachment claim and a long closing. */
  items: string;
  /** Where each rule must point in `items`: the text the finding starts with (on its line). */
  at: Partial<Record<Rule, string>>;
  /** Corrective actions as one block of sentences. */
  wall: string;
  /** A business-history paragraph, repeated to push a plan past the length guidance. */
  history: string;
}

const DRAFTS: Record<string, Drafts> = {
  en: {
    clean: `## Root cause

Our order manager exported orders once a day at 9am, so 38 orders placed in the morning were not seen until the next day.

## Corrective actions

- 15 February: we changed the handling time of the 46 garden furniture SKUs to 3 days.
- 16 February: we added a second packer to the afternoon shift, Monday to Friday.
- 16 February: we contacted each of the 121 buyers; the message log is attached.

## Preventive measures

- Our warehouse supervisor, Dean Walsh, checks the late-shipment filter at 11am and 4pm every working day.
- Our operations manager sets the handling time of every new SKU before it is listed.

## Supporting documents

- Buyer-Seller Messaging log of 16 February (PDF)
- Shipping template settings of 15 February (PNG)

## Closing

We accept that shipping on time is our responsibility. We kindly ask you to review this plan and reinstate our selling privileges.
`,
    items: `## Root cause

Our order manager exported orders once a day at 9am, so 38 orders placed in the morning were not seen until the next day.

## Corrective actions

- 15 February: we changed the handling time of the 46 garden furniture SKUs to 3 days.
- We added a second packer to the afternoon shift.
- 16 February: we contacted each of the 121 buyers; the message log is attached.

## Preventive measures

- Our warehouse supervisor, Dean Walsh, checks the late-shipment filter at 11am and 4pm every working day.
- Every new SKU is set up with a handling time that matches its real packing time.
- Our stock controller reviews the carrier collection log and flags missed pickups.

## Closing

We have been selling on Amazon for eleven years and our customers have always been happy with our service. We are a small family business and the last weeks have been very hard for our staff. We have learnt a lot from this experience and we are confident that the changes above will prevent any repeat. We accept that shipping on time is our responsibility. We kindly ask you to review this plan and reinstate our selling privileges as soon as possible.
`,
    at: {
      'undated-action': 'We added a second packer',
      'no-owner': 'Every new SKU is set up',
      'no-frequency': 'Our stock controller reviews',
      'no-evidence': 'is attached',
      'long-closing': 'We have been selling on Amazon',
    },
    wall: `## Corrective actions

On 15 February we changed the handling time of the 46 garden furniture SKUs to 3 days. On 16 February we added a second packer to the afternoon shift. On 16 February we contacted each of the 121 buyers through Buyer-Seller Messaging. On 17 February we opened a DPD business account for missed collections.
`,
    history: 'Greenleaf Home Goods was founded in 2011 by two brothers in a rented garage in Leicester, selling garden furniture at weekend markets before opening an online shop and, in 2016, an Amazon store. Today fourteen people work with us, including a warehouse team of six, and our feedback rating has stayed above 98 percent for six years.',
  },
  it: {
    clean: `## Causa principale

Il responsabile ordini esportava gli ordini una volta al giorno alle 9, quindi 38 ordini del mattino sono stati visti solo il giorno dopo.

## Azioni correttive

- 15 febbraio: abbiamo portato il tempo di gestione dei 46 articoli da giardino a 3 giorni.
- 16 febbraio: abbiamo aggiunto un secondo magazziniere al turno pomeridiano.
- 16 febbraio: abbiamo contattato i 121 clienti; il registro dei messaggi è allegato.

## Misure preventive

- Il responsabile di magazzino, Luca Bini, controlla gli ordini in scadenza alle 11.00 e alle 16.00 di ogni giorno lavorativo.
- Il responsabile logistica imposta il tempo di gestione di ogni nuovo articolo prima della pubblicazione.

## Documentazione allegata

- Registro dei messaggi del 16 febbraio (PDF)
- Impostazioni del modello di spedizione del 15 febbraio (PNG)

## Conclusione

Ci assumiamo la piena responsabilità dei ritardi. Vi chiediamo cortesemente di riesaminare il nostro account.
`,
    items: `## Causa principale

Il responsabile ordini esportava gli ordini una volta al giorno alle 9, quindi 38 ordini del mattino sono stati visti solo il giorno dopo.

## Azioni correttive

- 15 febbraio: abbiamo portato il tempo di gestione dei 46 articoli da giardino a 3 giorni.
- Abbiamo aggiunto un secondo magazziniere al turno pomeridiano.
- 16 febbraio: abbiamo contattato i 121 clienti; il registro dei messaggi è allegato.

## Misure preventive

- Il responsabile di magazzino, Luca Bini, controlla gli ordini in scadenza alle 11.00 e alle 16.00 di ogni giorno lavorativo.
- Ogni nuovo articolo viene creato con un tempo di gestione pari al tempo reale di imballaggio.
- Il responsabile logistica controlla il registro dei ritiri del corriere e segnala i ritiri mancati.

## Conclusione

Vendiamo su Amazon da undici anni e i nostri clienti sono sempre stati soddisfatti del nostro servizio. Siamo una piccola azienda di famiglia e queste ultime settimane sono state molto difficili per tutto il personale e per i nostri fornitori. Abbiamo imparato molto da questa esperienza e siamo sicuri che le modifiche descritte eviteranno qualsiasi ripetizione. Ci assumiamo la piena responsabilità dei ritardi. Vi ringraziamo per il tempo dedicato a questo piano e vi chiediamo cortesemente di riesaminare il nostro account il prima possibile.
`,
    at: {
      'undated-action': 'Abbiamo aggiunto un secondo magazziniere',
      'no-owner': 'Ogni nuovo articolo viene creato',
      'no-frequency': 'Il responsabile logistica controlla',
      'no-evidence': 'allegato',
      'long-closing': 'Vendiamo su Amazon da undici anni',
    },
    wall: `## Azioni correttive

Il 15 febbraio abbiamo portato il tempo di gestione dei 46 articoli da giardino a 3 giorni. Il 16 febbraio abbiamo aggiunto un secondo magazziniere al turno pomeridiano. Il 16 febbraio abbiamo contattato i 121 clienti tramite la messaggistica di Amazon. Il 17 febbraio abbiamo aperto un contratto con GLS per i ritiri mancati.
`,
    history: 'Casa Bella Tessili è nata nel 2009 da un piccolo negozio di tessuti a Prato, che vendeva lenzuola e tovaglie ai clienti del quartiere prima di aprire un sito internet e, nel 2015, un negozio su Amazon. Oggi lavorano con noi quattordici persone, tra cui sei magazzinieri, e la nostra valutazione è sopra il 98 per cento da sei anni.',
  },
  fr: {
    clean: `## Cause racine

Notre gestionnaire exportait les commandes une fois par jour à 9 h, si bien que 38 commandes du matin n'ont été vues que le lendemain.

## Mesures correctives

- 15 février : nous avons passé le délai de préparation des 46 meubles de jardin à 3 jours.
- 16 février : nous avons ajouté une deuxième préparatrice l'après-midi, du lundi au vendredi.
- 16 février : nous avons contacté les 121 clients ; le journal des messages est joint.

## Mesures préventives

- Notre responsable logistique, Sophie Marchand, contrôle les commandes à expédier chaque jour à 11 h et à 16 h.
- Notre responsable des opérations fixe le délai de préparation de chaque nouvelle référence avant sa mise en ligne.

## Pièces jointes

- Journal des messages du 16 février (PDF)
- Paramètres du modèle d'expédition du 15 février (PNG)

## Conclusion

Nous reconnaissons que l'expédition à temps relève de notre responsabilité. Nous vous remercions de bien vouloir réexaminer notre compte.
`,
    items: `## Cause racine

Notre gestionnaire exportait les commandes une fois par jour à 9 h, si bien que 38 commandes du matin n'ont été vues que le lendemain.

## Mesures correctives

- 15 février : nous avons passé le délai de préparation des 46 meubles de jardin à 3 jours.
- Nous avons ajouté une deuxième préparatrice l'après-midi.
- 16 février : nous avons contacté les 121 clients ; le journal des messages est joint.

## Mesures préventives

- Notre responsable logistique, Sophie Marchand, contrôle les commandes à expédier chaque jour à 11 h et à 16 h.
- Toute nouvelle référence est créée avec un délai de préparation égal au temps réel d'emballage.
- Notre responsable des opérations vérifie le registre des enlèvements du transporteur et signale les passages manqués.

## Conclusion

Nous vendons sur Amazon depuis onze ans et nos clients ont toujours été satisfaits de notre service. Nous sommes une petite entreprise familiale et ces dernières semaines ont été très difficiles pour toute l'équipe et pour nos fournisseurs habituels. Nous avons beaucoup appris de cette expérience et sommes convaincus que les changements décrits empêcheront toute récidive. Nous reconnaissons que l'expédition à temps relève de notre responsabilité. Nous vous remercions de bien vouloir réexaminer notre compte au plus vite et restons à votre disposition pour toute information.
`,
    at: {
      'undated-action': 'Nous avons ajouté une deuxième préparatrice',
      'no-owner': 'Toute nouvelle référence est créée',
      'no-frequency': 'Notre responsable des opérations vérifie',
      'no-evidence': 'est joint',
      'long-closing': 'Nous vendons sur Amazon depuis onze ans',
    },
    wall: `## Mesures correctives

Le 15 février, nous avons passé le délai de préparation des 46 meubles de jardin à 3 jours. Le 16 février, nous avons ajouté une deuxième préparatrice l'après-midi. Le 16 février, nous avons contacté les 121 clients par la messagerie acheteur-vendeur. Le 17 février, nous avons ouvert un compte Chronopost pour les enlèvements manqués.
`,
    history: "Atelier Provence Déco a été créé en 2009 dans une petite boutique d'Aubagne qui vendait des miroirs et des luminaires aux clients du quartier, avant d'ouvrir un site internet puis, en 2015, une boutique sur Amazon. Aujourd'hui, quatorze personnes travaillent avec nous, dont six préparateurs, et notre note est supérieure à 98 % depuis six ans.",
  },
  de: {
    clean: `## Ursache

Unser Auftragsverwalter hat die Bestellungen einmal täglich um 9 Uhr exportiert, daher wurden 38 Bestellungen vom Vormittag erst am nächsten Tag gesehen.

## Korrekturmaßnahmen

- 15. Februar: Wir haben die Bearbeitungszeit der 46 Gartenmöbel auf 3 Tage umgestellt.
- 16. Februar: Wir haben eine zweite Packerin für die Nachmittagsschicht eingestellt.
- 16. Februar: Wir haben alle 121 Käufer kontaktiert; das Nachrichtenprotokoll liegt bei.

## Vorbeugende Maßnahmen

- Unsere Versandleiterin, Frau Anna Vogel, prüft täglich um 11 Uhr und um 16 Uhr die fälligen Bestellungen.
- Unser Lagerleiter legt die Bearbeitungszeit jedes neuen Artikels vor der Veröffentlichung fest.

## Anlagen

- Nachrichtenprotokoll vom 16. Februar (PDF)
- Einstellungen der Versandvorlage vom 15. Februar (PNG)

## Fazit

Wir übernehmen die volle Verantwortung für die Verspätungen und bitten um Prüfung unseres Kontos.
`,
    items: `## Ursache

Unser Auftragsverwalter hat die Bestellungen einmal täglich um 9 Uhr exportiert, daher wurden 38 Bestellungen vom Vormittag erst am nächsten Tag gesehen.

## Korrekturmaßnahmen

- 15. Februar: Wir haben die Bearbeitungszeit der 46 Gartenmöbel auf 3 Tage umgestellt.
- Wir haben eine zweite Packerin für die Nachmittagsschicht eingestellt.
- 16. Februar: Wir haben alle 121 Käufer kontaktiert; das Nachrichtenprotokoll liegt bei.

## Vorbeugende Maßnahmen

- Unsere Versandleiterin, Frau Anna Vogel, prüft täglich um 11 Uhr und um 16 Uhr die fälligen Bestellungen.
- Neue Artikel bekommen eine Bearbeitungszeit, die der echten Packzeit entspricht.
- Unser Lagerleiter prüft das Abholprotokoll des Paketdienstes und meldet verpasste Abholungen.

## Fazit

Wir verkaufen seit elf Jahren auf Amazon und unsere Kunden waren mit unserem Service immer zufrieden. Wir sind ein kleiner Familienbetrieb und die letzten Wochen waren für das ganze Team sehr schwer. Wir haben aus dieser Erfahrung viel gelernt und sind überzeugt, dass die beschriebenen Änderungen jede Wiederholung verhindern. Wir übernehmen die volle Verantwortung für die Verspätungen. Wir danken Ihnen für die Zeit, die Sie sich für diesen Plan nehmen, und bitten Sie, unser Konto so schnell wie möglich erneut zu prüfen.
`,
    at: {
      'undated-action': 'Wir haben eine zweite Packerin',
      'no-owner': 'Neue Artikel bekommen eine Bearbeitungszeit',
      'no-frequency': 'Unser Lagerleiter prüft das Abholprotokoll',
      'no-evidence': 'liegt bei',
      'long-closing': 'Wir verkaufen seit elf Jahren',
    },
    wall: `## Korrekturmaßnahmen

Am 15. Februar haben wir die Bearbeitungszeit der 46 Gartenmöbel auf 3 Tage umgestellt. Am 16. Februar haben wir eine zweite Packerin für die Nachmittagsschicht eingestellt. Am 16. Februar haben wir alle 121 Käufer über die Käufer-Verkäufer-Kommunikation kontaktiert. Am 17. Februar haben wir ein Konto bei DPD für verpasste Abholungen eröffnet.
`,
    history: 'Die Schreinerei Hofmann wurde 1987 in einem kleinen Dorf im Schwarzwald gegründet und fertigte zuerst Küchen für Kunden aus der Umgebung, bevor sie einen Onlineshop und 2016 ein Amazon-Konto eröffnete. Heute arbeiten dreizehn Menschen bei uns, darunter sechs Schreiner, und unsere Bewertung liegt seit sechs Jahren über 98 Prozent.',
  },
  es: {
    clean: `## Causa raíz

Nuestro responsable exportaba los pedidos una vez al día a las 9:00, así que 38 pedidos de la mañana no se vieron hasta el día siguiente.

## Acciones correctivas

- 15 de febrero: cambiamos el tiempo de manipulación de los 46 muebles de jardín a 3 días.
- 16 de febrero: añadimos un segundo empaquetador al turno de tarde, de lunes a viernes.
- 16 de febrero: contactamos con los 121 compradores; adjuntamos el registro de mensajes.

## Medidas preventivas

- Nuestra encargada de almacén, Rocío Campos, revisa cada día a las 11:00 y a las 16:00 los pedidos que vencen.
- Nuestro responsable de logística fija el tiempo de manipulación de cada artículo nuevo antes de publicarlo.

## Anexos

- Registro de mensajes del 16 de febrero (PDF)
- Configuración de la plantilla de envío del 15 de febrero (PNG)

## Conclusión

Asumimos la plena responsabilidad de los retrasos. Solicitamos respetuosamente la revisión de nuestra cuenta.
`,
    items: `## Causa raíz

Nuestro responsable exportaba los pedidos una vez al día a las 9:00, así que 38 pedidos de la mañana no se vieron hasta el día siguiente.

## Acciones correctivas

- 15 de febrero: cambiamos el tiempo de manipulación de los 46 muebles de jardín a 3 días.
- Añadimos un segundo empaquetador al turno de tarde.
- 16 de febrero: contactamos con los 121 compradores; adjuntamos el registro de mensajes.

## Medidas preventivas

- Nuestra encargada de almacén, Rocío Campos, revisa cada día a las 11:00 y a las 16:00 los pedidos que vencen.
- Los artículos nuevos se crean con un tiempo de manipulación igual al tiempo real de embalaje.
- Nuestro responsable de logística revisa el registro de recogidas del transportista y anota las recogidas perdidas.

## Conclusión

Llevamos once años vendiendo en Amazon y nuestros clientes siempre han estado contentos con nuestro servicio. Somos una pequeña empresa familiar y estas últimas semanas han sido muy duras para todo el equipo y para nuestros proveedores de siempre. Hemos aprendido mucho de esta experiencia y estamos convencidos de que los cambios descritos evitarán cualquier repetición. Asumimos la plena responsabilidad de los retrasos. Les agradecemos el tiempo dedicado a este plan y solicitamos respetuosamente la revisión de nuestra cuenta lo antes posible.
`,
    at: {
      'undated-action': 'Añadimos un segundo empaquetador',
      'no-owner': 'Los artículos nuevos se crean',
      'no-frequency': 'Nuestro responsable de logística revisa',
      'no-evidence': 'adjuntamos',
      'long-closing': 'Llevamos once años vendiendo',
    },
    wall: `## Acciones correctivas

El 15 de febrero cambiamos el tiempo de manipulación de los 46 muebles de jardín a 3 días. El 16 de febrero añadimos un segundo empaquetador al turno de tarde. El 16 de febrero contactamos con los 121 compradores por la mensajería de Amazon. El 17 de febrero abrimos una cuenta con SEUR para las recogidas perdidas.
`,
    history: 'Cerámica Triana nació en 2009 en un pequeño taller de Sevilla que vendía vajillas pintadas a mano a los vecinos del barrio, antes de abrir una web y, en 2015, una tienda en Amazon. Hoy trabajan con nosotros catorce personas, entre ellas seis en el almacén, y nuestra valoración supera el 98 % desde hace seis años.',
  },
  nl: {
    clean: `## Hoofdoorzaak

Onze orderverwerker exporteerde de bestellingen één keer per dag om 9 uur, waardoor 38 bestellingen van de ochtend pas de volgende dag werden gezien.

## Corrigerende maatregelen

- 15 februari: we hebben de verwerkingstijd van de 46 tuinmeubelen naar 3 dagen gezet.
- 16 februari: we hebben een tweede inpakker voor de middagdienst aangenomen, van maandag tot vrijdag.
- 16 februari: we hebben alle 121 kopers benaderd; het berichtenlogboek is bijgevoegd.

## Preventieve maatregelen

- Onze magazijnmedewerker, Bram de Vries, controleert elke werkdag om 11.00 en 16.00 uur de bestellingen die weg moeten.
- Onze e-commercemanager stelt de verwerkingstijd van elk nieuw artikel in voordat het online gaat.

## Bijlagen

- Berichtenlogboek van 16 februari (pdf)
- Instellingen van het verzendsjabloon van 15 februari (png)

## Slotverklaring

We nemen de volledige verantwoordelijkheid voor de vertragingen. We vragen u ons account opnieuw te beoordelen.
`,
    items: `## Hoofdoorzaak

Onze orderverwerker exporteerde de bestellingen één keer per dag om 9 uur, waardoor 38 bestellingen van de ochtend pas de volgende dag werden gezien.

## Corrigerende maatregelen

- 15 februari: we hebben de verwerkingstijd van de 46 tuinmeubelen naar 3 dagen gezet.
- We hebben een tweede inpakker voor de middagdienst aangenomen.
- 16 februari: we hebben alle 121 kopers benaderd; het berichtenlogboek is bijgevoegd.

## Preventieve maatregelen

- Onze magazijnmedewerker, Bram de Vries, controleert elke werkdag om 11.00 en 16.00 uur de bestellingen die weg moeten.
- Nieuwe artikelen krijgen een verwerkingstijd die past bij de echte inpaktijd.
- Onze e-commercemanager controleert het ophaallogboek van de vervoerder en meldt gemiste ophaalmomenten.

## Slotverklaring

We verkopen al elf jaar op Amazon en onze klanten zijn altijd tevreden geweest over onze service. We zijn een klein familiebedrijf en de afgelopen weken waren voor het hele team erg zwaar. We hebben veel geleerd van deze ervaring en zijn ervan overtuigd dat de beschreven wijzigingen elke herhaling voorkomen. We nemen de volledige verantwoordelijkheid voor de vertragingen. We danken u voor de tijd die u aan dit plan besteedt en vragen u ons account zo snel mogelijk opnieuw te beoordelen.
`,
    at: {
      'undated-action': 'We hebben een tweede inpakker',
      'no-owner': 'Nieuwe artikelen krijgen een verwerkingstijd',
      'no-frequency': 'Onze e-commercemanager controleert',
      'no-evidence': 'bijgevoegd',
      'long-closing': 'We verkopen al elf jaar',
    },
    wall: `## Corrigerende maatregelen

Op 15 februari hebben we de verwerkingstijd van de 46 tuinmeubelen naar 3 dagen gezet. Op 16 februari hebben we een tweede inpakker voor de middagdienst aangenomen. Op 16 februari hebben we alle 121 kopers via Berichten tussen koper en verkoper benaderd. Op 17 februari hebben we een account bij DPD geopend voor gemiste ophaalmomenten.
`,
    history: 'Fietsenwinkel De Spaak is in 2009 begonnen als een kleine werkplaats in Utrecht die fietsen repareerde voor de buurt, voordat we een webwinkel en in 2015 een Amazon-account openden. Vandaag werken er veertien mensen bij ons, onder wie zes monteurs, en onze beoordeling ligt al zes jaar boven de 98 procent.',
  },
};

function findings(text: string, language: string, rules?: Record<string, RuleEntry>): Finding[] {
  return lintText(text, { language, ...(rules ? { rules } : {}) }).findings.filter((f) => (RULES as readonly string[]).includes(f.ruleId));
}

/** 1-based line of the first occurrence of a snippet. */
function lineOf(text: string, snippet: string): number {
  const at = text.indexOf(snippet);
  if (at < 0) throw new Error(`snippet not in draft: ${snippet}`);
  return text.slice(0, at).split('\n').length;
}

function tooLong(drafts: Drafts): string {
  return `${drafts.clean}\n## About us\n\n${Array.from({ length: 20 }, () => drafts.history).join('\n\n')}\n`;
}

describe('specificity rules on whole drafts', () => {
  for (const [lang, drafts] of Object.entries(DRAFTS)) {
    describe(lang, () => {
      it('say nothing about a clean plan', () => {
        expect(findings(drafts.clean, lang).map((f) => `${f.ruleId}: ${f.excerpt}`)).toEqual([]);
      });

      it('point each each-item, conditional and closing finding at the offending item', () => {
        const found = findings(drafts.items, lang);
        for (const [rule, snippet] of Object.entries(drafts.at) as Array<[Rule, string]>) {
          const mine = found.filter((f) => f.ruleId === rule);
          expect(mine, `${rule} in ${lang}`).toHaveLength(1);
          const f = mine[0] as Finding;
          expect(f.line, `${rule} line`).toBe(lineOf(drafts.items, snippet));
          if (rule === 'no-evidence') expect(f.excerpt.toLowerCase()).toContain(snippet.toLowerCase());
          else expect(f.excerpt.startsWith(snippet), `${rule}: ${f.excerpt}`).toBe(true);
        }
        // the offending items are the only ones reported
        expect(found.filter((f) => !(f.ruleId in drafts.at)).map((f) => f.ruleId)).toEqual([]);
      });

      it('report corrective actions written as one block of sentences at the start of the block', () => {
        const found = findings(drafts.wall, lang).filter((f) => f.ruleId === 'no-bullets');
        expect(found).toHaveLength(1);
        expect(found[0]?.line).toBe(3);
        expect(found[0]?.severity).toBe('info');
        expect(findings(drafts.clean, lang).filter((f) => f.ruleId === 'no-bullets')).toEqual([]);
        // three sentences are not yet a wall of text
        const [heading, body] = drafts.wall.split('\n\n') as [string, string];
        const three = `${heading}\n\n${body.split(/(?<=\.)\s+(?=\p{Lu})/u).slice(0, 3).join(' ')}\n`;
        expect(findings(three, lang).filter((f) => f.ruleId === 'no-bullets')).toEqual([]);
      });

      it('warn past 900 words, and follow a configured maximum', () => {
        const long = tooLong(drafts);
        const found = findings(long, lang).filter((f) => f.ruleId === 'too-long');
        expect(found).toHaveLength(1);
        // the first prose of the plan, under its first heading
        expect(found[0]?.line).toBe(3);
        expect(Number(/\d+/.exec(found[0]?.message ?? '')?.[0])).toBeGreaterThan(900);
        expect(findings(long, lang, { 'too-long': ['warn', { max: 5000 }] }).filter((f) => f.ruleId === 'too-long')).toEqual([]);
        expect(findings(drafts.clean, lang, { 'too-long': ['warn', { max: 50 }] }).filter((f) => f.ruleId === 'too-long')).toHaveLength(1);
      });
    });
  }

  it('keeps the closing short: a configured maximum replaces the default', () => {
    const { items } = DRAFTS['en'] as Drafts;
    expect(findings(items, 'en', { 'long-closing': ['warn', { max: 200 }] }).filter((f) => f.ruleId === 'long-closing')).toEqual([]);
  });

  it('accepts an attachment claim when the plan lists the documents in the sentence itself', () => {
    const text = '## Corrective actions\n\n- 4 June: we attach the Exertis invoice, the authorisation letter and the destruction certificate.\n';
    expect(findings(text, 'en').filter((f) => f.ruleId === 'no-evidence')).toEqual([]);
  });

  it('leaves outbursts under the prevention heading to defensive-tone, in every language', () => {
    // Per language: an outburst, and a measure that names no one (still reported).
    const cases: Record<string, [string, string]> = {
      en: ['We DEMAND that our account is reactivated immediately!!!', 'Every new listing is checked against the restricted products list before it goes live.'],
      it: ['Pretendiamo la riattivazione immediata del nostro account!!!', 'Ogni nuova inserzione viene controllata con la lista dei prodotti soggetti a restrizioni prima della pubblicazione.'],
      fr: ['Nous EXIGEONS la réactivation immédiate de notre compte !!!', 'Chaque nouvelle annonce est vérifiée avec la liste des produits soumis à restrictions avant sa publication.'],
      de: ['Wir FORDERN die sofortige Reaktivierung unseres Kontos!!!', 'Jedes neue Angebot wird vor der Veröffentlichung mit der Liste der eingeschränkten Produkte abgeglichen.'],
      es: ['¡Exigimos la reactivación inmediata de nuestra cuenta!', 'Cada nuevo anuncio se comprueba con la lista de productos restringidos antes de publicarse.'],
      nl: ['Het is schandalig hoe Amazon met kleine ondernemers omgaat!!', 'Elk nieuw aanbod wordt voor publicatie gecontroleerd aan de hand van de lijst met beperkte producten.'],
    };
    for (const [lang, [outburst, measure]] of Object.entries(cases)) {
      const heading = PREVENTION_HEADING[lang] as string;
      const ids = lintText(`## ${heading}\n\n${outburst}\n`, { language: lang }).findings.map((f) => f.ruleId);
      expect(ids, lang).not.toContain('no-owner');
      expect(ids, lang).toContain('defensive-tone');
      expect(findings(`## ${heading}\n\n${measure}\n`, lang).map((f) => f.ruleId), lang).toContain('no-owner');
    }
  });

  it('asks for a cadence when a plan promises to keep monitoring, in every language', () => {
    const cases: Record<string, [string, string]> = {
      en: ['We will keep monitoring our account health metrics regularly.', 'We will keep monitoring our account health metrics every Monday.'],
      it: ["Continueremo a monitorare regolarmente le metriche sullo stato dell'account.", "Continueremo a monitorare ogni lunedì le metriche sullo stato dell'account."],
      fr: ['Nous continuerons à surveiller régulièrement les indicateurs de notre compte.', 'Nous continuerons à surveiller chaque lundi les indicateurs de notre compte.'],
      de: ['Wir werden unsere Kennzahlen weiterhin regelmäßig prüfen.', 'Wir werden unsere Kennzahlen weiterhin jeden Montag prüfen.'],
      es: ['Seguiremos supervisando periódicamente las métricas de nuestra cuenta.', 'Seguiremos supervisando cada lunes las métricas de nuestra cuenta.'],
      nl: ['We blijven de prestaties van ons account regelmatig controleren.', 'We blijven de prestaties van ons account elke maandag controleren.'],
    };
    for (const [lang, [vague, weekly]] of Object.entries(cases)) {
      const heading = PREVENTION_HEADING[lang] as string;
      expect(findings(`## ${heading}\n\n${vague}\n`, lang).map((f) => f.ruleId), `${lang}: ${vague}`).toContain('no-frequency');
      expect(findings(`## ${heading}\n\n${weekly}\n`, lang).map((f) => f.ruleId), `${lang}: ${weekly}`).not.toContain('no-frequency');
    }
  });

  it('leaves future intentions in the corrective actions to unimplemented-action', () => {
    const text = '## Corrective actions\n\n- We will retrain the packing team on the new checklist.\n';
    const ids = lintText(text, { language: 'en' }).findings.map((f) => f.ruleId);
    expect(ids).toContain('unimplemented-action');
    expect(ids).not.toContain('undated-action');
  });

  it('does not read every paragraph of a draft without parts as an action or a measure', () => {
    // The Italian seed article on customer service during a suspension: no part titles, 1,376 words of advice.
    const article = readFileSync(join(SEEDS, '001_efd4e514137f8a16.txt'), 'utf8');
    const ids = lintText(article).findings.map((f) => f.ruleId);
    expect(ids).toContain('missing-section');
    expect(ids).not.toContain('no-owner');
    expect(ids).not.toContain('undated-action');
    // The same kind of paragraph under its part title is checked.
    const plan = `## ${PREVENTION_HEADING['it']}\n\nOgni ordine viene controllato con la lista di prelievo prima della spedizione.\n`;
    expect(lintText(plan, { language: 'it' }).findings.map((f) => f.ruleId)).toContain('no-owner');
  });
});
