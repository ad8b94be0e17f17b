/** Compiles data/ and the npm data packages into build/, so the CLI starts fast. Run by `npm run build`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGazetteer } from '../src/resources/gazetteer.js';
import { packageRoot } from '../src/resources/paths.js';
import { TOWN_POPULATION, townNames } from '../src/stages/entities/tagger/gazmatch.js';

const out = join(packageRoot(), 'build');
mkdirSync(out, { recursive: true });
const gaz = buildGazetteer();
writeFileSync(join(out, 'gazetteer.json'), JSON.stringify(gaz));
console.log(`pack-data: ${gaz.entries.length} gazetteer entries, ${Object.keys(gaz.surfaces).length} surface forms → build/gazetteer.json`);
const towns = townNames();
writeFileSync(join(out, 'towns.json'), JSON.stringify(towns));
console.log(`pack-data: ${towns.length} towns of ${TOWN_POPULATION}+ people → build/towns.json`);
