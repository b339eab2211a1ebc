import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/contract/errors';
import { cliExchangeText } from '../shared/i18n/cliExchangeText';
import { reasonText } from './readTarget';

describe('reasonText: why the command line could not import a file', () => {
  it('names what a refused file lacks when the importer knows, in Korean and English', () => {
    const lacking = new ApiError('importFailed', 'x', { reason: 'schema', file: 'item.json', lacking: 'identifier' });
    expect(reasonText(lacking, cliExchangeText('en'))).toBe('its content does not follow the format’s rules: it has no identifier (uri, guid or id)');
    expect(reasonText(lacking, cliExchangeText('ko'))).toBe('내용이 형식 규칙에 맞지 않습니다: 식별자(uri, guid 또는 id)가 없습니다');
    const plain = new ApiError('importFailed', 'x', { reason: 'schema', file: 'item.json' });
    expect(reasonText(plain, cliExchangeText('en'))).toBe('its content does not follow the format’s rules');
  });
});
