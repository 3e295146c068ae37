import { ALERT_CODES, DECOMMISSION_ACTIONS } from '@pedigree/domain';
import { ALERT_CODE_LIST, OTHER_ACTIONS } from './console-words';

describe('OTHER_ACTIONS', () => {
  it('offers every decommissioning of the API but dispense, which has its own key', () => {
    expect([...OTHER_ACTIONS].sort()).toEqual(
      DECOMMISSION_ACTIONS.filter((action) => action !== 'dispense').sort(),
    );
  });
});

describe('ALERT_CODE_LIST', () => {
  it('is every code an alert may carry, each once', () => {
    expect([...ALERT_CODE_LIST].sort()).toEqual([...ALERT_CODES].sort());
  });
});
