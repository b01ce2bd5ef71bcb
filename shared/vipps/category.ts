import { z } from 'zod';
import { validateWith, type ValidationResult } from './issues';
import { IMAGE_ID_MAX_LENGTH, IMAGE_ID_PATTERN } from './patterns';

export const CATEGORY_TYPES = ['GENERAL', 'RECEIPT', 'ORDER_CONFIRMATION', 'DELIVERY', 'TICKET', 'BOOKING'] as const;
export type CategoryType = (typeof CATEGORY_TYPES)[number];

/** An absolute URI (scheme required), which is what the spec's `format: uri` asks for. */
export function isAbsoluteUri(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export const imageIdSchema = z
  .string()
  .min(1, { error: 'imageId may not be empty.' })
  .max(IMAGE_ID_MAX_LENGTH, { error: `imageId may be at most ${IMAGE_ID_MAX_LENGTH} characters long.` })
  .regex(IMAGE_ID_PATTERN, { error: 'imageId may only contain letters, digits, "-", "_" and ".".' });

export const CategorySchema = z.object({
  category: z.enum(CATEGORY_TYPES, {
    error: `category must be one of ${CATEGORY_TYPES.join(', ')} (capitals, as written).`,
  }),
  orderDetailsUrl: z
    .string({ error: 'orderDetailsUrl is required: the link the app opens for this order.' })
    .min(1, { error: 'orderDetailsUrl may not be empty.' })
    .refine(isAbsoluteUri, { error: 'orderDetailsUrl must be a full URL with a scheme, such as https://example.com/orders/123.' }),
  imageId: imageIdSchema.nullable().optional(),
});

export type CategoryInput = z.infer<typeof CategorySchema>;

/** The stored form: imageId is null when none was given, as the GET endpoint returns it. */
export interface Category {
  category: CategoryType;
  orderDetailsUrl: string;
  imageId: string | null;
}

export function validateCategory(input: unknown): ValidationResult<Category> {
  const result = validateWith(CategorySchema, input);
  if (!result.ok) return result;
  return { ok: true, value: { ...result.value, imageId: result.value.imageId ?? null } };
}
