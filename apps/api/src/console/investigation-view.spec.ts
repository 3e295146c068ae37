import { alertsPath } from './investigation-view';

describe('alertsPath', () => {
  it('asks for a page of alerts, by code and open or closed', () => {
    expect(alertsPath({})).toBe('/alerts?limit=50');
    expect(alertsPath({ code: 'SUSPECT', state: 'open' })).toBe(
      '/alerts?limit=50&code=SUSPECT&state=open',
    );
    expect(alertsPath({ state: 'closed', before: '120' }, 10)).toBe(
      '/alerts?limit=10&state=closed&before=120',
    );
  });

  it('leaves out what the API would not take', () => {
    expect(alertsPath({ code: 'OK', before: '0&x=1' })).toBe('/alerts?limit=50');
    expect(alertsPath({ code: 'UNKNOWN_SERIAL&limit=1000' })).toBe('/alerts?limit=50');
  });
});
