// Deterministic corpus of realistic plans in six languages, for `npm run bench` (same seed, same files).
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

const LANGS = {
  en: {
    headings: ['Problem', 'Root cause', 'Corrective actions taken', 'Preventive measures', 'Conclusion'],
    greeting: 'Dear Seller Performance team,',
    sentences: [
      'Our late shipment rate reached {n} % in the last 30 days, above the target of 4 %.',
      'On {d} May we changed the handling time of all {n} SKUs to two days.',
      'Every Monday our operations manager reviews the backlog in our order system.',
      'We will improve our processes.',
      'It will not happen again.',
      'The carrier is responsible for these delays, not us.',
      'Order {o} was dispatched {n} days late because nobody covered the packing shift.',
      'See https://sellercentral.amazon.co.uk/gp/help/external/G200205250 for the policy we breached.',
      'We take full responsibility and ask you to reinstate our account.',
    ],
  },
  it: {
    headings: ['PROBLEMA', 'CAUSA', 'AZIONI CORRETTIVE', 'MISURE PREVENTIVE', 'CONCLUSIONI'],
    greeting: 'Salve,',
    sentences: [
      'Il nostro tasso di cancellazione ha raggiunto il {n} % negli ultimi 7 giorni.',
      'Il {d} maggio abbiamo collegato il gestionale ad Amazon con sincronizzazione ogni 15 minuti.',
      'Ogni venerdì il responsabile logistica confronta le giacenze con l’inventario fisico.',
      'Miglioreremo i nostri processi.',
      'Non succederà più.',
      'Non è colpa nostra, il corriere ha perso i pacchi.',
      'L’ordine {o} è stato annullato perché l’articolo era esaurito.',
      'Ci assumiamo la piena responsabilità e chiediamo la riattivazione dell’account.',
    ],
  },
  fr: {
    headings: ['Problème', 'Cause principale', 'Mesures correctives', 'Mesures préventives', 'Conclusion'],
    greeting: 'Madame, Monsieur,',
    sentences: [
      'Notre taux d’annulation a atteint {n} % sur les 7 derniers jours.',
      'Le {d} mars, nous avons activé la synchronisation toutes les 15 minutes.',
      'Chaque lundi, notre responsable logistique compare le stock physique et le stock Amazon.',
      'Nous ferons de notre mieux.',
      'Cela ne se reproduira plus.',
      'La commande {o} a été annulée car l’article était épuisé.',
      'Nous assumons l’entière responsabilité et demandons la réactivation de notre compte.',
    ],
  },
  de: {
    headings: ['Problembeschreibung', 'Ursache', 'Korrekturmaßnahmen', 'Vorbeugende Maßnahmen', 'Fazit'],
    greeting: 'Sehr geehrtes Seller-Performance-Team,',
    sentences: [
      'Unsere Verspätungsrate lag bei {n} %.',
      'Am {d}. Juni haben wir die Bearbeitungszeit aller {n} Artikel auf zwei Tage gesetzt.',
      'Unser Lagerleiter prüft jeden Montag die Verspätungsrate.',
      'Wir werden unser Bestes tun.',
      'Das wird nicht wieder vorkommen.',
      'Die Bestellung {o} wurde zu spät versandt.',
      'Wir übernehmen die volle Verantwortung und bitten um Reaktivierung.',
    ],
  },
  es: {
    headings: ['Descripción del problema', 'Causa raíz', 'Acciones correctivas', 'Medidas preventivas', 'Conclusión'],
    greeting: 'Estimado equipo de Amazon:',
    sentences: [
      'Nuestra cuenta fue suspendida por vender un producto restringido.',
      'El {d} de abril eliminamos el anuncio y devolvimos las {n} unidades al proveedor.',
      'Antes de publicar, nuestra responsable de cumplimiento revisa cada anuncio nuevo.',
      'Haremos todo lo posible.',
      'No volverá a ocurrir.',
      'El pedido {o} se envió con retraso.',
      'Asumimos toda la responsabilidad y solicitamos la reactivación de la cuenta.',
    ],
  },
  nl: {
    headings: ['1. Het probleem', '2. Oorzaak', '3. Wat heb je al gedaan om het probleem te verhelpen?', '4. Hoe ga je voorkomen dat het probleem zich in de toekomst nog eens voordoet?', '5. Slotverklaring'],
    greeting: 'Beste Seller Performance,',
    sentences: [
      'Ons account is geblokkeerd omdat onze ratio late verzending {n} % was.',
      'Op {d} maart hebben we de verwerkingstijd op twee dagen gezet.',
      'Onze logistiek manager controleert elke maandag de achterstand.',
      'We zullen ons best doen.',
      'Het zal niet meer gebeuren.',
      'Bestelling {o} is te laat verzonden.',
      'We aanvaarden de volledige verantwoordelijkheid en vragen om heractivering.',
    ],
  },
};

const STYLES = [(h) => `## ${h}\n\n`, (h) => `**${h}**\n\n`, (h) => `${h.toUpperCase()}\n`, (h) => `${h}:\n`];

function fill(sentence, rand) {
  const digits = (k) => Array.from({ length: k }, () => Math.floor(rand() * 10)).join('');
  return sentence
    .replace('{n}', String(2 + Math.floor(rand() * 300)))
    .replace('{d}', String(1 + Math.floor(rand() * 28)))
    .replace('{o}', `${digits(3)}-${digits(7)}-${digits(7)}`);
}

/** One plan of about `bytes` characters. */
export function makePlan(index, rand, bytes = 5000) {
  const codes = Object.keys(LANGS);
  const lang = codes[index % codes.length];
  const data = LANGS[lang];
  const style = STYLES[Math.floor(rand() * STYLES.length)];
  const perSection = Math.max(1, Math.floor(bytes / data.headings.length / 160));
  let out = `${data.greeting}\n\n`;
  for (const heading of data.headings) {
    out += style(heading);
    const paragraph = [];
    for (let s = 0; s < perSection * 2; s++) paragraph.push(fill(data.sentences[Math.floor(rand() * data.sentences.length)], rand));
    out += rand() < 0.5 ? `${paragraph.join(' ')}\n\n` : `${paragraph.map((p) => `- ${p}`).join('\n')}\n\n`;
  }
  return { lang, text: out };
}

/** Write `count` plans under dir; returns the total number of bytes. */
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
