import { readFileSync } from 'node:fs';
import { parseDigitalLink, parseScanData, validateAis, buildDigitalLink } from '@pedigree/gs1';
test('show', () => {
  const out: string[] = [];
  const d = JSON.parse(readFileSync('/work/shared/standards/gs1/scan-data-cases.json', 'utf8'));
  for (const c of d.cases) { try { const r = parseScanData(c.scanData); out.push(`OK ${JSON.stringify(c.scanData)} ${JSON.stringify(r)}`); } catch (e) { out.push(`${JSON.stringify(c.scanData)} -> ${(e as any).code}: ${(e as Error).message}`); } }
  const l = JSON.parse(readFileSync('/work/shared/standards/gs1/digital-link-parse-cases.json', 'utf8'));
  for (const c of l.cases) if (!c.valid) { try { parseDigitalLink(c.uri); out.push('UNEXPECTED OK ' + c.uri); } catch (e) { out.push(`${c.uri} -> ${(e as any).code}: ${(e as Error).message}`); } }
  for (const ais of [[{ai:'01',value:'09506000134353'}],[{ai:'01',value:'09506000134352'},{ai:'17',value:'261331'}],[{ai:'10',value:'ABC'}],[{ai:'01',value:'09506000134352'},{ai:'17',value:'250229'}],[{ai:'01',value:'09506000134352'},{ai:'17',value:'240229'}],[{ai:'01',value:'09506000134352'},{ai:'17',value:'260400'}], [{ai:'01',value:'09506000134352'},{ai:'02',value:'09506000134352'}]]) {
    try { validateAis(ais); out.push('valid ' + JSON.stringify(ais)); } catch (e) { out.push(`${(e as any).code}: ${(e as Error).message}`); }
  }
  out.push(buildDigitalLink([{ai:'01',value:'09506000134352'},{ai:'17',value:'261231'},{ai:'21',value:'A/B C%&+?('},{ai:'10',value:'L1'}]));
  console.log(out.join('\n'));
});
