import { chooseForm, chooseLanguage } from './consumer-request';

describe('chooseLanguage', () => {
  it('takes ?lang= when the page offers it, whatever the browser asks', () => {
    expect(chooseLanguage('fr', 'en-GB,en')).toBe('fr');
    expect(chooseLanguage('EN', 'fr-FR')).toBe('en');
  });

  it('otherwise takes the best offered language of Accept-Language, regions included', () => {
    expect(chooseLanguage(undefined, 'fr-CH, fr;q=0.9, en;q=0.8')).toBe('fr');
    expect(chooseLanguage(undefined, 'de-DE,fr;q=0.8,en;q=0.9')).toBe('en');
    expect(chooseLanguage('xx', 'en;q=0.2, fr;q=0.7')).toBe('fr');
  });

  it('falls back to English', () => {
    expect(chooseLanguage(undefined, undefined)).toBe('en');
    expect(chooseLanguage(undefined, 'de, it;q=0.5, fr;q=0')).toBe('en');
    expect(chooseLanguage('de', '*')).toBe('en');
  });
});

describe('chooseForm', () => {
  it('answers JSON when Accept weighs it above HTML', () => {
    expect(chooseForm(undefined, 'application/json')).toBe('json');
    expect(chooseForm(undefined, 'text/html;q=0.5, application/json')).toBe('json');
  });

  it('answers the page to browsers, curl and anyone else', () => {
    const chromium =
      'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
    expect(chooseForm(undefined, chromium)).toBe('html');
    expect(chooseForm(undefined, '*/*')).toBe('html');
    expect(chooseForm(undefined, undefined)).toBe('html');
    expect(chooseForm(undefined, 'application/json, text/html')).toBe('html');
  });

  it('follows a GS1 linkType before Accept', () => {
    expect(chooseForm('all', 'text/html')).toBe('linkset');
    expect(chooseForm('gs1:verificationService', 'text/html')).toBe('json');
    expect(chooseForm('gs1:pip', 'text/html')).toBe('html');
    expect(chooseForm('gs1:epil', 'application/json')).toBe('json');
  });
});
