import { DECOMMISSION_ACTIONS } from '@pedigree/domain';
import { OTHER_ACTIONS } from './console-words';

describe('OTHER_ACTIONS', () => {
  it('offers every decommissioning of the API but dispense, which has its own key', () => {
    expect([...OTHER_ACTIONS].sort()).toEqual(
      DECOMMISSION_ACTIONS.filter((action) => action !== 'dispense').sort(),
    );
  });
});
