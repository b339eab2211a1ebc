// Small rule set files for tests: one that proves (one rule, its examples right) and one refused
// for two named reasons (a pattern that backtracks, a rule failing its own examples).
export const goodRule = {
  id: 'loanword-message',
  category: 'loanword',
  check: { pattern: '메세지', flags: 'u', replace: '메시지' },
  message: { ko: '‘메시지’로 씁니다.', en: 'Write 메시지.' },
  flags: ['신년 메세지'],
  passes: ['신년 메시지'],
  fixes: [['신년 메세지', '신년 메시지']],
};

export const oneRuleSetText = (language: 'ko' | 'en' = 'ko') => JSON.stringify({ version: 1, outlet: '한빛경제', language, rules: [goodRule] });

export const refusedSetText = () =>
  JSON.stringify({
    version: 1,
    language: 'ko',
    rules: [
      goodRule,
      { ...goodRule, id: 'nested-repeat', check: { pattern: '(a+)+b', flags: 'u' }, flags: ['aab'], passes: ['c'] },
      { ...goodRule, id: 'wrong-example', passes: ['또 메세지'] },
    ],
  });
