import * as z from 'zod/mini';

/** An opaque cursor handed out by the server; clients pass it back unchanged. */
export const Cursor = z.string().check(z.minLength(1), z.maxLength(512));
export type Cursor = z.infer<typeof Cursor>;

/** Query parameters every list accepts. */
export const PageQuery = z.strictObject({
  cursor: z.optional(Cursor),
  limit: z.optional(z.pipe(z.coerce.number(), z.int().check(z.minimum(1), z.maximum(100)))),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A cursor page of items: `next` is null on the last page. */
export const page = <T extends z.core.$ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    next: z.nullable(Cursor),
  });
export type Page<T> = { items: T[]; next: string | null };
