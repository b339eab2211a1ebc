// The checking worker: house style runs here, off the typing path (a long story's paragraphs are
// checked while the person keeps typing). Pure functions from shared/style; no DOM.
import { defaultRuleSets } from '../../../../shared/style/checkArticle';
import { runRulesOnParagraph } from '../../../../shared/style/runRules';
import type { Language } from '../../../../shared/model/article';
import type { RuleSet } from '../../../../shared/style/ruleSchema';
import type { CheckRequest, CheckResponse, TextFinding } from './checkProtocol';

let sets: Partial<Record<Language, RuleSet>> = defaultRuleSets();

export function checkTexts(language: Language, texts: readonly string[]): CheckResponse['results'] {
  const set = sets[language];
  return texts.map((text) => ({
    text,
    findings: set ? runRulesOnParagraph(set, text).map(({ paragraph: _p, ...f }): TextFinding => ({ ...f, checker: 'style' })) : [],
  }));
}

export function handleRequest(request: CheckRequest): CheckResponse | null {
  if (request.type === 'rules') {
    sets = request.sets;
    return null;
  }
  return { type: 'checked', id: request.id, language: request.language, results: checkTexts(request.language, request.texts) };
}

// Only inside a worker: the module is also imported by tests, where there is no worker scope.
const scope = globalThis as unknown as { onmessage?: unknown; postMessage?: (m: unknown) => void; WorkerGlobalScope?: unknown };
if (typeof scope.WorkerGlobalScope !== 'undefined' && scope.postMessage) {
  scope.onmessage = (event: MessageEvent<CheckRequest>) => {
    const response = handleRequest(event.data);
    if (response) scope.postMessage!(response);
  };
}
