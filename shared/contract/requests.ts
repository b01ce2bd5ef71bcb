import { z } from 'zod';
import { method } from './define';
import { RequestPayloadSchema } from '../model/body';

/** The methods the menus offer; any other token is a method too (PURGE, PROPFIND…), as Postman and curl send it. */
export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
/** RFC 9110's token: one word of letters, digits and !#$%&'*+-.^_`|~. */
export const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,32}$/;
export const HttpMethodSchema = z
  .string()
  .trim()
  .regex(METHOD_TOKEN, "A method is one word (up to 32 letters, digits and !#$%&'*+-.^_`|~), such as GET, POST or PURGE.")
  // get and Get are GET; a method of one's own (purge) goes as typed, as curl sends it.
  .transform((method) => ((httpMethods as readonly string[]).includes(method.toUpperCase()) ? method.toUpperCase() : method));
export type HttpMethod = string;

/** The method as the menus and the wire know it: a common one in capitals, any other token as given; null when it is no token. */
export function methodToken(given: string): string | null {
  const parsed = HttpMethodSchema.safeParse(given);
  return parsed.success ? parsed.data : null;
}

export const RequestHeaderSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(256)
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'A header name may hold letters, digits and - _ . ! # $ % & \' * + ^ ` | ~, but no spaces or colons'),
  value: z
    .string()
    .max(16_384)
    .refine((value) => !/[\r\n]/.test(value), 'A header value must fit on one line'),
  /** A disabled header stays in the editor but is not sent, as in Postman. */
  enabled: z.boolean().default(true),
});
export type RequestHeader = z.infer<typeof RequestHeaderSchema>;

export const RequestOptionsSchema = z.object({
  timeoutMs: z.number().int().min(1).max(600_000).default(30_000),
  /** "profile": the active profile's token and keys are added (to its own host only). */
  auth: z.enum(['profile', 'none']).default('profile'),
  followRedirects: z.boolean().default(true),
  maxRedirects: z.number().int().min(0).max(20).default(10),
});
export type RequestOptions = z.infer<typeof RequestOptionsSchema>;

export const HttpRequestSchema = z.object({
  method: HttpMethodSchema,
  url: z.string().trim().min(1).max(8_192),
  headers: z.array(RequestHeaderSchema).max(200).default([]),
  body: z.string().max(20 * 1024 * 1024).default(''),
  /** A multipart or binary body, built from text parts and files when the request is sent; `body` is then ignored. */
  payload: RequestPayloadSchema.optional(),
  options: RequestOptionsSchema.default(RequestOptionsSchema.parse({})),
});
export type HttpRequest = z.infer<typeof HttpRequestSchema>;
export type HttpRequestInput = z.input<typeof HttpRequestSchema>;

const variableRecord = z.record(z.string(), z.string());
export const RequestVariablesSchema = z
  .object({
    /** Values extracted from earlier responses in the same run; they win over everything else. */
    run: variableRecord.optional(),
    collection: variableRecord.optional(),
  })
  .strict();

export const HeaderLineSchema = z.object({ name: z.string(), value: z.string() });
export type HeaderLine = z.infer<typeof HeaderLineSchema>;

export const PreviewHeaderSchema = HeaderLineSchema.extend({
  /** Added by the app (the editor shows it greyed); a header of the same name in the request replaces it. */
  auto: z.boolean(),
  /** The value shown is masked. */
  secret: z.boolean(),
});
export type PreviewHeader = z.infer<typeof PreviewHeaderSchema>;

export const ResolvedRequestSchema = z.object({
  method: HttpMethodSchema,
  url: z.string(),
  headers: z.array(PreviewHeaderSchema),
  body: z.string(),
  /** Variables nobody defines; a send stops on the first of them. */
  unresolved: z.array(z.string()),
  /** False when the URL is not on the active profile's host, so no token or key goes with it. */
  toProfileHost: z.boolean(),
});
export type ResolvedRequest = z.infer<typeof ResolvedRequestSchema>;

export const TimingsSchema = z.object({
  dns: z.number(),
  connect: z.number(),
  tls: z.number(),
  firstByte: z.number(),
  total: z.number(),
});
export type Timings = z.infer<typeof TimingsSchema>;

export const ResponseBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inline'), text: z.string(), encoding: z.enum(['utf8', 'base64']) }),
  /** Too large to pass in one piece: read it in pages with readResponseBody. */
  z.object({ kind: z.literal('file'), responseId: z.string(), size: z.number() }),
]);
export type ResponseBody = z.infer<typeof ResponseBodySchema>;

export const RedirectHopSchema = z.object({
  status: z.number(),
  from: z.string(),
  to: z.string(),
  /** The next host is not the profile's, so the token and keys were left out from here on. */
  credentialsDropped: z.boolean(),
});

export const SendResultSchema = z.object({
  requestId: z.string(),
  historyId: z.string().optional(),
  sent: ResolvedRequestSchema,
  status: z.number(),
  statusText: z.string(),
  headers: z.array(HeaderLineSchema),
  body: ResponseBodySchema,
  size: z.number(),
  timings: TimingsSchema,
  redirects: z.array(RedirectHopSchema),
  /** The first answer was 401, so a fresh token was fetched and the request sent once more. */
  retriedWithNewToken: z.boolean(),
});
export type SendResult = z.infer<typeof SendResultSchema>;

const requestTarget = {
  request: HttpRequestSchema,
  variables: RequestVariablesSchema.optional(),
};

export const requestsContract = {
  previewRequest: method({
    summary: 'The request as it would be sent: variables filled, automatic headers marked, secrets masked.',
    input: z.object(requestTarget).strict(),
    output: ResolvedRequestSchema,
  }),
  sendRequest: method({
    summary: 'Send a request with the active profile and record it in the history.',
    input: z
      .object({
        ...requestTarget,
        /** Chosen by the caller so it can cancel the request while it runs. */
        requestId: z.string().min(1).max(100).optional(),
        /** One id per quick-start run or collection run; a production confirmation lasts for the run. */
        runId: z.string().min(1).max(100).optional(),
        confirmProduction: z.boolean().optional(),
        /** Shown in the history instead of the bare URL, e.g. the step name. */
        label: z.string().max(200).optional(),
      })
      .strict(),
    output: SendResultSchema,
  }),
  cancelRequest: method({
    summary: 'Stop a request that is still running.',
    input: z.object({ requestId: z.string().min(1) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
  readResponseBody: method({
    summary: 'Read one page of a large response body kept in a temporary file.',
    input: z
      .object({
        responseId: z.string().min(1),
        offset: z.number().int().min(0),
        length: z.number().int().min(1).max(4 * 1024 * 1024).default(256 * 1024),
      })
      .strict(),
    output: z.object({
      text: z.string(),
      offset: z.number(),
      /** Where the next page starts; a page never ends inside a multi-byte character. */
      nextOffset: z.number(),
      totalSize: z.number(),
      done: z.boolean(),
    }),
  }),
  releaseResponseBody: method({
    summary: 'Delete the temporary file of a large response the user has closed.',
    input: z.object({ responseId: z.string().min(1) }).strict(),
    output: z.object({ released: z.boolean() }),
  }),
};
