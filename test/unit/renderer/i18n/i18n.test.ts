import { describe, expect, it } from 'vitest';
import { en } from '../../../../renderer/i18n/en.js';
import { translator } from '../../../../renderer/i18n/i18n.js';
import { zhCN } from '../../../../renderer/i18n/zh-cn.js';
import { RECORD_PROBLEM_CODES } from '../../../../shared/rules/validate-record.js';
import { RECORD_WARNING_CODES } from '../../../../shared/rules/record-warnings.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('UI dictionaries', () => {
  it('have the same keys in English and Simplified Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages, and no empty text', () => {
    for (const [key, text] of Object.entries(en)) {
      const chinese = zhCN[key as keyof typeof en];
      expect(text.trim(), key).not.toBe('');
      expect(chinese.trim(), key).not.toBe('');
      expect(placeholders(chinese), key).toEqual(placeholders(text));
    }
  });

  it('translate every warning and problem code the shared rules can produce', () => {
    for (const code of RECORD_WARNING_CODES) expect(Object.hasOwn(en, `warning.${code}`), code).toBe(true);
    for (const code of RECORD_PROBLEM_CODES) expect(Object.hasOwn(en, `problem.${code}`), code).toBe(true);
  });

  it('fills placeholders', () => {
    expect(translator('zh-CN')('record.countdown', { seconds: 2 })).toBe('2 秒后开始推流…');
    expect(translator('en')('history.count', { shown: 3, total: 10 })).toBe('3 of 10 attempts');
  });
});
