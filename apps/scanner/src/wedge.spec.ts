import { acceptedVerdicts, quarantinedVerdicts } from '@pedigree/contracts';
import { describeVerdict, wedgeLine } from './wedge';

describe('keyboard-wedge lines', () => {
  it('turns <GS>, or another chosen substitute, into the GS byte and drops the line ending', () => {
    expect(wedgeLine(']d20109506000134352211<GS>10L42\r')).toBe(
      ']d20109506000134352211\u001d10L42',
    );
    expect(wedgeLine(']d20109506000134352211\u001d10L42')).toBe(
      ']d20109506000134352211\u001d10L42',
    );
    expect(wedgeLine('(01)1{GS}(10)2', '{GS}')).toBe('(01)1\u001d(10)2');
    expect(wedgeLine('  \r')).toBeNull();
  });

  it('says each verdict in plain words, with its particulars', () => {
    const device = '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6';
    const message = acceptedVerdicts({ device, seq: 3 }, [
      { code: 'OK' },
      { code: 'RECALLED', detail: 'lot L42 recalled on 2026-03-01' },
    ]);
    expect(describeVerdict(message, 0)).toMatch(/^OK: This pack is genuine/);
    expect(describeVerdict(message, 1)).toMatch(
      /^REFUSED RECALLED: .+ \(lot L42 recalled on 2026-03-01\)$/,
    );
    expect(describeVerdict(quarantinedVerdicts(device, 3, 'BAD_SIGNATURE', 'wrong key'), 0)).toBe(
      'NOT RECORDED BAD_SIGNATURE: wrong key',
    );
  });
});
