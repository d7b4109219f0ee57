// Deterministic corpus of realistic plans in six languages, for `npm run bench` and the parallel test (same seed, same files).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small seeded PRNG so every run generates the same corpus. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Per language: the greeting, a signature, two headings per part (as sellers title them), and sentences per part:
 * specific ones (dates, numbers, roles, order IDs, links), and the vague and defensive ones reviewers reject.
 * Placeholders: {n} a number, {k} a small number, {p} a percentage, {d} a day of the month, {o} an order ID, {a} an ASIN, {u} a Seller Central help link.
 */
export const LANGS = {
  en: {
    marketplace: 'amazon.co.uk',
    greeting: 'Dear Seller Performance Team,',
    signature: 'Kind regards,\nThe Brightwell Home team',
    headings: {
      problem: ['Summary of the issue', 'Problem'],
      'root-cause': ['Root cause', 'What was the root cause that led to the issue?'],
      'corrective-actions': ['Corrective actions taken', 'What actions have you taken to resolve the issue?'],
      prevention: ['Preventive measures', 'How will you prevent the issue from happening again?'],
      closing: ['Conclusion', 'Closing statement'],
    },
    sentences: {
      problem: [
        'On {d} March we received your notice that our account was deactivated because our late shipment rate reached {p} %.',
        'The target for late shipments is under 4 %, and we were above it for three weeks in a row.',
        'Order {o} was dispatched {k} days after the expected ship date.',
        'Buyers of order {o} and order {o} contacted us because the parcels had not arrived.',
        'The notice also listed ASIN {a}, whose listing received two complaints in the same period.',
        'We understand that late orders hurt the buyer experience Amazon promises.',
      ],
      'root-cause': [
        'Our handling time was set to one day while our warehouse needs two days to pack bundled items.',
        'In the week of {d} March one of our two packers was on sick leave and nobody covered the shift, so {n} orders were dispatched late.',
        'Our order system did not show orders older than 24 hours at the top of the queue.',
        'We did not meet the dispatch commitment described in the shipping performance policy ({u}).',
        'The carrier is responsible for these delays, not us.',
        'Some buyers left negative feedback only to get a discount, which is unfair.',
        'A new courier service we tested in March collected parcels once a day instead of twice.',
      ],
      'corrective-actions': [
        'On {d} March we changed the handling time of all {n} SKUs to two days.',
        'On {d} March we hired a part-time packer who covers absences.',
        'We contacted the buyers of the {n} late orders and refunded the shipping cost of each, starting with order {o}.',
        'On {d} March our operations manager moved every open order older than 24 hours to the front of the queue.',
        'We will improve our processes.',
        'We removed ASIN {a} from sale until its packaging is replaced.',
        'We switched back to our previous carrier on {d} March and now book two collections a day.',
      ],
      prevention: [
        'Every Monday our operations manager reviews the late shipment rate in Account Health and the backlog in our order system.',
        'When the backlog exceeds {n} orders, the part-time packer is called in the same day.',
        'Our warehouse lead checks the dispatch report at 3 pm each day and escalates any order that is not yet scanned.',
        'It will not happen again.',
        'We will do our best to be more careful in the future.',
        'Once a month our owner audits ten random orders against the ship dates promised to buyers.',
        'We read the policy on shipping performance again and trained all {n} staff on it on {d} March ({u}).',
      ],
      closing: [
        'We take full responsibility for these late shipments and ask you to reinstate our selling privileges.',
        'Attached are the carrier invoices and the new rota for March.',
        'We value selling on Amazon and have made these changes to protect our buyers.',
        'Please reinstate our account as soon as possible, our business depends on it!',
      ],
    },
  },
  it: {
    marketplace: 'amazon.it',
    greeting: 'Salve,',
    signature: 'Cordiali saluti,\nFarmacia Rossi',
    headings: {
      problem: ['PROBLEMA', 'Descrizione del problema'],
      'root-cause': ['CAUSA', 'Causa principale'],
      'corrective-actions': ['AZIONI CORRETTIVE', 'Azioni correttive intraprese'],
      prevention: ['MISURE PREVENTIVE', 'Misure preventive'],
      closing: ['CONCLUSIONI', 'Conclusione'],
    },
    sentences: {
      problem: [
        'Il {d} maggio abbiamo ricevuto la vostra notifica: il nostro tasso di cancellazione ha raggiunto il {p} % negli ultimi 7 giorni.',
        'L’obiettivo di Amazon è un tasso di cancellazione inferiore al 2,5 %.',
        'L’ordine {o} è stato annullato perché l’articolo era esaurito.',
        'Anche gli ordini {o} e {o} sono stati annullati dopo la conferma.',
        'L’ASIN {a} risultava disponibile su Amazon ma non in magazzino.',
      ],
      'root-cause': [
        'Il nostro gestionale aggiornava le giacenze su Amazon una sola volta al giorno, alle 23.',
        'Gli stessi prodotti erano in vendita anche nel nostro negozio fisico, che non registrava subito le vendite.',
        'Non è colpa nostra, il corriere ha perso i pacchi.',
        'Il responsabile del magazzino era in ferie e nessuno controllava le scorte minime.',
        'Non conoscevamo bene la politica sulle cancellazioni da parte del venditore ({u}).',
        'Il fornitore ci ha consegnato {n} confezioni in meno rispetto all’ordine, senza avvisarci.',
      ],
      'corrective-actions': [
        'Il {d} maggio abbiamo collegato il gestionale ad Amazon con sincronizzazione ogni 15 minuti.',
        'Il {d} maggio abbiamo rimborsato tutti i {n} clienti degli ordini annullati e ci siamo scusati per iscritto.',
        'Abbiamo sospeso l’ASIN {a} finché le giacenze non sono state verificate.',
        'Miglioreremo i nostri processi.',
        'Il {d} maggio il titolare ha contato a mano le giacenze di tutti i {n} articoli in vendita.',
      ],
      prevention: [
        'Ogni venerdì il responsabile logistica confronta le giacenze con l’inventario fisico.',
        'Quando un articolo scende sotto le {n} unità, il gestionale lo toglie dalla vendita su Amazon.',
        'Non succederà più.',
        'Faremo più attenzione in futuro.',
        'Una volta al mese la titolare controlla dieci ordini a caso e le relative giacenze.',
        'Tutto il personale ha letto la politica sulle cancellazioni il {d} maggio ({u}).',
      ],
      closing: [
        'Ci assumiamo la piena responsabilità e chiediamo la riattivazione dell’account.',
        'Alleghiamo le fatture del fornitore e il nuovo registro delle giacenze.',
        'Vi chiediamo di riattivare subito il nostro account, non è giusto!',
        'Teniamo molto alla vendita su Amazon e ai nostri clienti.',
      ],
    },
  },
  fr: {
    marketplace: 'amazon.fr',
    greeting: 'Madame, Monsieur,',
    signature: 'Cordialement,\nL’équipe Maison Lumière',
    headings: {
      problem: ['Problème', 'Description du problème'],
      'root-cause': ['Cause principale', 'Causes du problème'],
      'corrective-actions': ['Mesures correctives', 'Actions correctives mises en place'],
      prevention: ['Mesures préventives', 'Actions préventives'],
      closing: ['Conclusion', 'En conclusion'],
    },
    sentences: {
      problem: [
        'Le {d} mars, vous nous avez informés que notre taux d’annulation avait atteint {p} % sur les 7 derniers jours.',
        'L’objectif d’Amazon est un taux d’annulation inférieur à 2,5 %.',
        'La commande {o} a été annulée car l’article était épuisé.',
        'Les commandes {o} et {o} ont aussi été annulées après confirmation.',
        'L’ASIN {a} apparaissait en stock sur Amazon alors qu’il était épuisé chez nous.',
      ],
      'root-cause': [
        'Notre logiciel de gestion ne synchronisait le stock avec Amazon qu’une fois par jour.',
        'Les mêmes produits étaient vendus dans notre boutique, qui n’enregistrait pas les ventes en temps réel.',
        'Ce n’est pas notre faute, le transporteur a perdu les colis.',
        'Notre responsable du stock était en congé et personne ne vérifiait les seuils minimum.',
        'Nous connaissions mal la politique relative aux annulations par le vendeur ({u}).',
        'Notre fournisseur a livré {n} cartons de moins que prévu sans nous prévenir.',
      ],
      'corrective-actions': [
        'Le {d} mars, nous avons activé la synchronisation toutes les 15 minutes.',
        'Le {d} mars, nous avons remboursé les {n} clients concernés et leur avons présenté nos excuses.',
        'Nous avons retiré l’ASIN {a} de la vente jusqu’à la vérification du stock.',
        'Nous ferons de notre mieux.',
        'Le {d} mars, notre gérante a recompté à la main le stock des {n} références en vente.',
      ],
      prevention: [
        'Chaque lundi, notre responsable logistique compare le stock physique et le stock Amazon.',
        'Lorsqu’un article passe sous {n} unités, il est retiré automatiquement de la vente.',
        'Cela ne se reproduira plus.',
        'Nous serons plus vigilants à l’avenir.',
        'Une fois par mois, notre gérante contrôle dix commandes au hasard.',
        'Toute l’équipe a lu la politique sur les annulations le {d} mars ({u}).',
      ],
      closing: [
        'Nous assumons l’entière responsabilité et demandons la réactivation de notre compte.',
        'Vous trouverez en pièce jointe les factures du fournisseur et le nouveau registre de stock.',
        'Merci de réactiver notre compte au plus vite, notre entreprise en dépend !',
        'Nous tenons à offrir la meilleure expérience possible aux clients d’Amazon.',
      ],
    },
  },
  de: {
    marketplace: 'amazon.de',
    greeting: 'Sehr geehrtes Seller-Performance-Team,',
    signature: 'Mit freundlichen Grüßen\nIhr Team von Gartenwelt Müller',
    headings: {
      problem: ['Problembeschreibung', 'Was ist passiert?'],
      'root-cause': ['Ursache', 'Ursachenanalyse'],
      'corrective-actions': ['Korrekturmaßnahmen', 'Ergriffene Maßnahmen'],
      prevention: ['Vorbeugende Maßnahmen', 'Präventivmaßnahmen'],
      closing: ['Fazit', 'Abschluss'],
    },
    sentences: {
      problem: [
        'Am {d}. Juni haben Sie uns mitgeteilt, dass unsere Verspätungsrate bei {p} % lag.',
        'Der Zielwert für verspätete Lieferungen liegt unter 4 %.',
        'Die Bestellung {o} wurde {k} Tage zu spät versandt.',
        'Auch die Bestellungen {o} und {o} kamen verspätet bei den Kunden an.',
        'Zum Artikel mit der ASIN {a} gingen im selben Zeitraum zwei Beschwerden ein.',
      ],
      'root-cause': [
        'Unsere Bearbeitungszeit war auf einen Tag eingestellt, obwohl wir für Sets zwei Tage brauchen.',
        'In der Woche ab dem {d}. Juni war einer unserer zwei Packer krank und niemand hat die Schicht übernommen.',
        'Der Versanddienstleister ist schuld an den Verspätungen, nicht wir.',
        'Unser Warenwirtschaftssystem zeigte alte Bestellungen nicht oben in der Liste an.',
        'Wir kannten die Richtlinie zur Versandleistung nicht genau genug ({u}).',
        'Ein neuer Paketdienst hat im Juni nur einmal täglich abgeholt statt zweimal.',
      ],
      'corrective-actions': [
        'Am {d}. Juni haben wir die Bearbeitungszeit aller {n} Artikel auf zwei Tage gesetzt.',
        'Am {d}. Juni haben wir eine Teilzeitkraft eingestellt, die Ausfälle abdeckt.',
        'Wir haben die Käufer der {n} verspäteten Bestellungen angeschrieben und die Versandkosten erstattet.',
        'Wir werden unser Bestes tun.',
        'Den Artikel mit der ASIN {a} haben wir bis zum Austausch der Verpackung aus dem Verkauf genommen.',
      ],
      prevention: [
        'Unser Lagerleiter prüft jeden Montag die Verspätungsrate im Kontozustand.',
        'Wenn mehr als {n} Bestellungen offen sind, wird die Teilzeitkraft noch am selben Tag gerufen.',
        'Das wird nicht wieder vorkommen.',
        'Wir werden in Zukunft sorgfältiger arbeiten.',
        'Einmal im Monat prüft unser Geschäftsführer zehn zufällige Bestellungen auf pünktlichen Versand.',
        'Alle {n} Mitarbeiter wurden am {d}. Juni zur Richtlinie geschult ({u}).',
      ],
      closing: [
        'Wir übernehmen die volle Verantwortung und bitten um Reaktivierung.',
        'Im Anhang finden Sie die Rechnungen des Versanddienstleisters und den neuen Schichtplan.',
        'Bitte schalten Sie unser Konto sofort wieder frei, das ist unfair!',
        'Uns liegt viel daran, Amazon-Kunden zuverlässig zu beliefern.',
      ],
    },
  },
  es: {
    marketplace: 'amazon.es',
    greeting: 'Estimado equipo de Amazon:',
    signature: 'Atentamente,\nEl equipo de Casa Soleada',
    headings: {
      problem: ['Descripción del problema', 'Problema'],
      'root-cause': ['Causa raíz', 'Causas del problema'],
      'corrective-actions': ['Acciones correctivas', 'Medidas correctivas adoptadas'],
      prevention: ['Medidas preventivas', 'Acciones preventivas'],
      closing: ['Conclusión', 'Cierre'],
    },
    sentences: {
      problem: [
        'El {d} de abril nos notificaron que nuestra cuenta fue suspendida por vender un producto restringido.',
        'El anuncio del ASIN {a} ofrecía un suplemento que requiere aprobación previa.',
        'El pedido {o} incluía ese producto y se envió antes de la suspensión.',
        'También los pedidos {o} y {o} contenían unidades del mismo lote.',
        'Entendemos que estos productos pueden poner en riesgo a los clientes.',
      ],
      'root-cause': [
        'No revisamos la lista de productos restringidos antes de publicar el anuncio.',
        'Nuestro proveedor nos aseguró que el producto no necesitaba aprobación.',
        'La culpa es de Amazon, su sistema aprobó el anuncio sin avisarnos.',
        'La persona que publicaba los anuncios no tenía formación sobre la política ({u}).',
        'Publicamos {n} anuncios nuevos en una semana sin ninguna revisión previa.',
      ],
      'corrective-actions': [
        'El {d} de abril eliminamos el anuncio y devolvimos las {n} unidades al proveedor.',
        'El {d} de abril revisamos uno por uno los {n} anuncios activos frente a la lista de productos restringidos.',
        'Haremos todo lo posible.',
        'Escribimos a los compradores del pedido {o} y les ofrecimos el reembolso completo.',
        'El {d} de abril nuestra responsable de cumplimiento leyó de nuevo la política de productos restringidos ({u}).',
      ],
      prevention: [
        'Antes de publicar, nuestra responsable de cumplimiento revisa cada anuncio nuevo.',
        'Cada mes comparamos el catálogo completo con la lista de productos restringidos.',
        'No volverá a ocurrir.',
        'Tendremos más cuidado a partir de ahora.',
        'Cuando un proveedor ofrece un producto nuevo, le pedimos la ficha técnica y la guardamos durante {k} meses.',
      ],
      closing: [
        'Asumimos toda la responsabilidad y solicitamos la reactivación de la cuenta.',
        'Adjuntamos las facturas del proveedor y el registro de la revisión del catálogo.',
        'Les rogamos que reactiven nuestra cuenta cuanto antes, ¡es muy injusto!',
        'Queremos seguir ofreciendo a los clientes de Amazon productos seguros.',
      ],
    },
  },
  nl: {
    marketplace: 'amazon.nl',
    greeting: 'Beste Seller Performance,',
    signature: 'Met vriendelijke groet,\nHet team van Fietsenwinkel De Vries',
    headings: {
      problem: ['Het probleem', 'Wat is het probleem?'],
      'root-cause': ['Oorzaak', 'Wat was de oorzaak van het probleem?'],
      'corrective-actions': ['Wat heb je al gedaan om het probleem te verhelpen?', 'Corrigerende maatregelen'],
      prevention: ['Hoe ga je voorkomen dat het probleem zich in de toekomst nog eens voordoet?', 'Preventieve maatregelen'],
      closing: ['Slotverklaring', 'Afsluiting'],
    },
    sentences: {
      problem: [
        'Op {d} maart is ons account geblokkeerd omdat onze ratio late verzending {p} % was.',
        'De norm van Amazon is minder dan 4 % late verzendingen.',
        'Bestelling {o} is {k} dagen te laat verzonden.',
        'Ook de bestellingen {o} en {o} kwamen te laat aan.',
        'Over het artikel met ASIN {a} kwamen in dezelfde periode twee klachten binnen.',
      ],
      'root-cause': [
        'Onze verwerkingstijd stond op één dag, terwijl we voor pakketten met meerdere artikelen twee dagen nodig hebben.',
        'In de week van {d} maart was een van onze twee inpakkers ziek en nam niemand de dienst over.',
        'De vervoerder is verantwoordelijk voor de vertraging, niet wij.',
        'Ons ordersysteem toonde oude bestellingen niet bovenaan de lijst.',
        'We kenden het beleid over verzendprestaties niet goed genoeg ({u}).',
      ],
      'corrective-actions': [
        'Op {d} maart hebben we de verwerkingstijd van alle {n} artikelen op twee dagen gezet.',
        'Op {d} maart hebben we een parttime inpakker aangenomen die ziekte opvangt.',
        'We hebben de kopers van de {n} late bestellingen gemaild en de verzendkosten terugbetaald.',
        'We zullen ons best doen.',
        'Het artikel met ASIN {a} hebben we uit de verkoop gehaald tot de verpakking is vervangen.',
      ],
      prevention: [
        'Onze logistiek manager controleert elke maandag de achterstand en de ratio late verzending.',
        'Als er meer dan {n} bestellingen openstaan, komt de parttime inpakker dezelfde dag.',
        'Het zal niet meer gebeuren.',
        'We zullen in de toekomst beter opletten.',
        'Eén keer per maand controleert de eigenaar tien willekeurige bestellingen op tijdige verzending.',
        'Alle {n} medewerkers hebben op {d} maart het beleid gelezen ({u}).',
      ],
      closing: [
        'We aanvaarden de volledige verantwoordelijkheid en vragen om heractivering.',
        'In de bijlage vindt u de facturen van de vervoerder en het nieuwe rooster.',
        'Activeer ons account alstublieft meteen weer, dit is oneerlijk!',
        'We willen klanten van Amazon betrouwbaar en op tijd beleveren.',
      ],
    },
  },
};

const PARTS = ['problem', 'root-cause', 'corrective-actions', 'prevention', 'closing'];

/** Heading styles real drafts use (README, "How poa reads a plan"); `inline` puts the part's first sentence on the heading's line. */
const STYLES = [
  { name: 'atx', heading: (h) => `## ${h}\n\n` },
  { name: 'setext', heading: (h) => `${h}\n${'-'.repeat(Math.min(h.length, 40))}\n\n` },
  { name: 'bold', heading: (h) => `**${h}**\n\n` },
  { name: 'capitals', heading: (h) => `${h.toUpperCase()}\n\n` },
  { name: 'numbered', heading: (h, n) => `${n}. ${h}\n\n` },
  { name: 'label', heading: (h) => `${h.replace(/[?:]$/, '')}: `, inline: true },
  { name: 'title', heading: (h) => `${h}\n\n` },
];

const REASONS = { en: 'late-shipment', it: 'cancellation-rate', fr: 'cancellation-rate', de: 'late-shipment', es: 'restricted-products', nl: 'late-shipment' };

function pick(list, rand) {
  return list[Math.floor(rand() * list.length)];
}

function fill(sentence, rand, host, lang) {
  const digits = (k) => Array.from({ length: k }, () => Math.floor(rand() * 10)).join('');
  return sentence
    .replace(/\{n\}/g, () => String(2 + Math.floor(rand() * 300)))
    .replace(/\{k\}/g, () => String(2 + Math.floor(rand() * 8)))
    .replace(/\{p\}/g, () => (4 + rand() * 10).toFixed(1).replace('.', lang === 'en' ? '.' : ','))
    .replace(/\{d\}/g, () => String(1 + Math.floor(rand() * 28)))
    .replace(/\{o\}/g, () => `${digits(3)}-${digits(7)}-${digits(7)}`)
    .replace(/\{a\}/g, () => `B0${digits(8)}`)
    .replace(/\{u\}/g, () => `https://sellercentral.${host}/help/hub/reference/external/G${digits(9)}`);
}

/** One plan of about `bytes` bytes (UTF-8), in language `index % 6`, with one heading style throughout. */
export function makePlan(index, rand, bytes = 5000) {
  const codes = Object.keys(LANGS);
  const lang = codes[index % codes.length];
  const data = LANGS[lang];
  const style = pick(STYLES, rand);
  let out = '';
  if (rand() < 0.25) out += `---\nlang: ${lang}\nreason: ${REASONS[lang]}\nmarketplace: ${data.marketplace}\n---\n\n`;
  out += `${data.greeting}\n\n`;
  // Every part gets its share of the size; the closing is shorter, as in real plans.
  const shares = { problem: 0.2, 'root-cause': 0.22, 'corrective-actions': 0.24, prevention: 0.24, closing: 0.1 };
  const body = bytes - Buffer.byteLength(out) - Buffer.byteLength(data.signature) - 4;
  PARTS.forEach((part, i) => {
    // Sellers who write "Heading: text" use short headings, not Amazon's questions.
    const choices = data.headings[part];
    const heading = style.inline ? choices.reduce((a, b) => (b.length < a.length ? b : a)) : pick(choices, rand);
    out += style.heading(heading, i + 1);
    // Sentences are added until the budget is reached, so stop half a sentence short of it on average.
    const budget = Math.round(body * shares[part]) - Buffer.byteLength(heading) - 50;
    const sentences = [];
    let size = 0;
    const pool = data.sentences[part];
    let last = -1;
    while (size < budget) {
      // Never the same sentence twice in a row; a sentence may come back later in the part, as drafts repeat themselves.
      let k = Math.floor(rand() * pool.length);
      if (k === last) k = (k + 1) % pool.length;
      last = k;
      const sentence = fill(pool[k], rand, data.marketplace, lang);
      sentences.push(sentence);
      size += Buffer.byteLength(sentence) + 1;
    }
    const bullets = (part === 'corrective-actions' || part === 'prevention') && rand() < 0.6;
    if (style.inline) {
      const [first, ...rest] = sentences;
      out += `${first}\n`;
      out += rest.length === 0 ? '\n' : bullets ? `${rest.map((s) => `- ${s}`).join('\n')}\n\n` : `${rest.join(' ')}\n\n`;
    } else {
      out += bullets ? `${sentences.map((s) => `- ${s}`).join('\n')}\n\n` : `${paragraphs(sentences, rand).join('\n\n')}\n\n`;
    }
  });
  out += `${data.signature}\n`;
  return { lang, text: out };
}

/** Sentences grouped into paragraphs of two to four. */
function paragraphs(sentences, rand) {
  const out = [];
  for (let i = 0; i < sentences.length; ) {
    const n = 2 + Math.floor(rand() * 3);
    out.push(sentences.slice(i, i + n).join(' '));
    i += n;
  }
  return out;
}

/** Write `count` plans under dir (`<lang>/<block of 500>/plan-<i>.md`); returns the total number of bytes. */
export function writeCorpus(dir, count, seed = 42) {
  rmSync(dir, { recursive: true, force: true });
  const rand = rng(seed);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const { lang, text } = makePlan(i, rand);
    const sub = join(dir, lang, String(Math.floor(i / 500)));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `plan-${i}.md`), text);
    total += Buffer.byteLength(text);
  }
  return total;
}
