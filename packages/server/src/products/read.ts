import type { Product } from '@kith/schema';
import { iso, money } from '../db/rows.js';

/** A `products` row as `PRODUCT_COLUMNS` selects it. */
export interface ProductRow {
  id: string;
  external_id: string | null;
  name: string;
  url: string | null;
  image_url: string | null;
  price: number | null;
  currency: string | null;
  created_at: Date;
  updated_at: Date;
}

/** The columns `toProduct` needs, from `products p`. */
export const PRODUCT_COLUMNS = 'p.id, p.external_id, p.name, p.url, p.image_url, p.price, p.currency, p.created_at, p.updated_at';
/** Append WHERE / ORDER BY / LIMIT. */
export const SELECT_PRODUCTS = `SELECT ${PRODUCT_COLUMNS} FROM products p`;

/** Maps a row to `Product`. Price and currency are null together (a CHECK says so). */
export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    url: row.url,
    imageUrl: row.image_url,
    price: row.price !== null && row.currency !== null ? money(row.price, row.currency) : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
