// A refused rule set's problems as data that crosses a boundary (a worker's message, the contract's
// answer, the server's reply): checked like any input, and typed as importRuleSet's RuleSetProblem.
import { z } from 'zod';
import type { RuleSetProblem } from './importRuleSet';

const Text = z.string().max(2000);

const ExampleFailureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('notFlagged'), example: Text }),
  z.object({ kind: z.literal('flaggedPass'), example: Text, found: z.array(Text).max(200) }),
  z.object({ kind: z.literal('wrongFix'), example: Text, expected: Text, got: z.string().max(20000) }),
]);

export const RuleSetProblemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shape'), path: Text, detail: z.string().max(20000) }),
  z.object({ kind: z.literal('duplicateId'), ruleId: Text }),
  z.object({ kind: z.literal('badPattern'), ruleId: Text, detail: Text }),
  z.object({ kind: z.literal('unsafePattern'), ruleId: Text, refusal: z.enum(['invalid', 'emptyMatch', 'backtracking', 'tooComplex']), detail: z.string().max(20000) }),
  z.object({ kind: z.literal('examplesFail'), ruleId: Text, failures: z.array(ExampleFailureSchema).max(200) }),
]) satisfies z.ZodType<RuleSetProblem>;

/** Every problem of one file is kept up to this many (a file of 2,000 broken rules still gets an answer). */
export const MAX_PROBLEMS = 2000;
export const RuleSetProblemsSchema = z.array(RuleSetProblemSchema).min(1).max(MAX_PROBLEMS);
