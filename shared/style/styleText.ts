// What an admin reads when a rule set file is refused, in Korean and English: the rule, what is
// wrong, and what to do about it.
import type { RuleSetProblem } from './importRuleSet';
import type { ExampleFailure } from './runRules';

export type StyleLanguage = 'ko' | 'en';

const failureText = {
  en: (f: ExampleFailure) =>
    f.kind === 'notFlagged' ? `"${f.example}" should be flagged but is not` : f.kind === 'flaggedPass' ? `"${f.example}" should pass but "${f.found.join('", "')}" is flagged` : `the fix turns "${f.example}" into "${f.got}", not "${f.expected}"`,
  ko: (f: ExampleFailure) =>
    f.kind === 'notFlagged' ? `“${f.example}”을(를) 잡아야 하는데 잡지 못합니다` : f.kind === 'flaggedPass' ? `“${f.example}”은(는) 통과해야 하는데 “${f.found.join('”, “')}”을(를) 잡습니다` : `고친 결과가 “${f.expected}”가 아니라 “${f.got}”입니다(원문 “${f.example}”)`,
};

const text = {
  en: {
    shape: (path: string, detail: string) => `The rule set file is not in the expected form${path ? ` at ${path}` : ''}: ${detail}. Compare it with an exported rule set.`,
    duplicateId: (id: string) => `Rule "${id}" appears more than once. Give each rule its own id.`,
    badPattern: (id: string, detail: string) => `Rule "${id}": its pattern is not a valid regular expression (${detail}). Correct the pattern.`,
    unsafe: {
      invalid: (id: string, detail: string) => `Rule "${id}": its pattern is not a valid regular expression (${detail}). Correct the pattern.`,
      emptyMatch: (id: string) => `Rule "${id}": its pattern can match empty text, so it would flag every position. Make it match at least one character.`,
      backtracking: (id: string, detail: string) =>
        `Rule "${id}" was refused: its pattern can match the same text in too many ways (${detail}) and could freeze the checker on long paragraphs. Use bounded repeats such as {1,20} instead of + or *, and avoid repeats nested in repeats or side by side over the same characters.`,
      tooComplex: (id: string, detail: string) => `Rule "${id}" was refused: its pattern is too complex to prove safe (${detail}). Split it into simpler rules or use smaller bounded repeats.`,
    },
    examplesFail: (id: string, failures: ExampleFailure[]) => `Rule "${id}" fails its own examples: ${failures.map(failureText.en).join('; ')}. Correct the pattern or the examples.`,
  },
  ko: {
    shape: (path: string, detail: string) => `규칙 파일의 형식이 맞지 않습니다${path ? `(${path})` : ''}: ${detail}. 내보낸 규칙 파일과 비교해 보세요.`,
    duplicateId: (id: string) => `규칙 “${id}”이(가) 두 번 이상 있습니다. 규칙마다 다른 id를 주세요.`,
    badPattern: (id: string, detail: string) => `규칙 “${id}”: 패턴이 올바른 정규식이 아닙니다(${detail}). 패턴을 고쳐 주세요.`,
    unsafe: {
      invalid: (id: string, detail: string) => `규칙 “${id}”: 패턴이 올바른 정규식이 아닙니다(${detail}). 패턴을 고쳐 주세요.`,
      emptyMatch: (id: string) => `규칙 “${id}”: 패턴이 빈 문자열에도 맞아 모든 위치를 잡게 됩니다. 적어도 한 글자에 맞도록 고쳐 주세요.`,
      backtracking: (id: string, detail: string) =>
        `규칙 “${id}”을(를) 받지 않았습니다: 같은 글을 너무 많은 방식으로 맞출 수 있어(${detail}) 긴 문단에서 검사기가 멈출 수 있습니다. + 나 * 대신 {1,20}처럼 횟수를 제한하고, 반복 안에 반복을 넣거나 같은 글자에 맞는 반복을 나란히 두지 마세요.`,
      tooComplex: (id: string, detail: string) => `규칙 “${id}”을(를) 받지 않았습니다: 패턴이 너무 복잡해 안전한지 확인할 수 없습니다(${detail}). 더 단순한 규칙 여러 개로 나누거나 반복 횟수를 줄여 주세요.`,
    },
    examplesFail: (id: string, failures: ExampleFailure[]) => `규칙 “${id}”이(가) 자기 예문을 통과하지 못합니다: ${failures.map(failureText.ko).join('; ')}. 패턴이나 예문을 고쳐 주세요.`,
  },
} satisfies Record<StyleLanguage, unknown>;

/** One problem of a refused rule set, as a sentence in the admin's language. */
export function ruleSetProblemText(problem: RuleSetProblem, language: StyleLanguage): string {
  const t = text[language];
  switch (problem.kind) {
    case 'shape':
      return t.shape(problem.path, problem.detail);
    case 'duplicateId':
      return t.duplicateId(problem.ruleId);
    case 'badPattern':
      return t.badPattern(problem.ruleId, problem.detail);
    case 'unsafePattern':
      return t.unsafe[problem.refusal](problem.ruleId, problem.detail);
    case 'examplesFail':
      return t.examplesFail(problem.ruleId, problem.failures);
  }
}
