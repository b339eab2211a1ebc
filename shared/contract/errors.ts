// Errors and notices cross the process boundary as codes with parameters (apiError.ts, free of
// zod so the renderer's first load stays small); these are their schemas, for where data crosses
// a boundary and is checked. Everything apiError.ts holds is exported here too.
import { z } from 'zod';
import { ERROR_CODES, NOTICE_CODES, type ApiErrorShape, type Notice } from './apiError';

export * from './apiError';

export const ErrorCodeSchema = z.enum(ERROR_CODES);

const Params = z.record(z.string(), z.union([z.string(), z.number()]));

export const ApiErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string(), params: Params }) satisfies z.ZodType<ApiErrorShape>;

export const NoticeSchema = z.object({ code: z.enum(NOTICE_CODES), params: Params }) satisfies z.ZodType<Notice>;
