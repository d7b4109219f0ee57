// Validates poa's own rule pack once at build time (schemas, every pattern in every language) and stores it as JSON.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builtinRulesDir } from '../dist/data.js';
import { createEngine } from '../dist/rules/engine.js';
import { compiledLanguagePath, compiledPackPath, loadRulePackYaml, packFingerprint, splitCompiledPack } from '../dist/rules/pack.js';
import { anchorIndex } from '../dist/rules/patterns.js';

const dir = builtinRulesDir();
const fingerprint = packFingerprint(dir);
const pack = loadRulePackYaml(dir);
const engine = createEngine([pack]);
// Building the engine parsed every pattern of every rule; the reasons' keywords are parsed per language on first use.
for (const { code } of pack.languages) engine.reasons.inferText('', code);
for (const rule of pack.rules) rule.file = rule.file.slice(dir.length + 1);
// Where each pattern is filed, so a start-up files patterns without parsing them. Each language's text goes to its
// own file, read only by drafts in that language.
const { main, languages } = splitCompiledPack(fingerprint, { ...pack, dir: 'rules' }, anchorIndex());
for (const old of readdirSync(dirname(compiledPackPath()))) if (/^rules-.+\.json$/.test(old)) rmSync(join(dirname(compiledPackPath()), old));
for (const [code, file] of languages) writeFileSync(compiledLanguagePath(code), JSON.stringify(file));
writeFileSync(compiledPackPath(), JSON.stringify(main));
