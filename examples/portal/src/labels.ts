// The words for the server's codes: statuses, reasons and categories.
import type { ComplaintCategory, ComplaintStatus, LedgerReason, ModerationStatus, OrderStatus } from '@kith/schema';

export const ORDER_STATUS: Record<OrderStatus, string> = {
  pending: 'Pending',
  paid: 'Paid',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  returned: 'Returned',
  refunded: 'Refunded',
};

export const LEDGER_REASON: Record<LedgerReason, string> = {
  purchase: 'Purchase',
  review: 'Published review',
  referral: 'Referral',
  redeem: 'Redeemed',
  adjust: 'Correction',
  expire: 'Expired',
};

export const REVIEW_STATUS: Record<ModerationStatus, string> = {
  pending: 'Waiting for moderation',
  published: 'Published',
  rejected: 'Not published',
};

export const COMPLAINT_STATUS: Record<ComplaintStatus, string> = {
  open: 'Received',
  in_progress: 'Being handled',
  answered: 'Answered',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const COMPLAINT_CATEGORY: Record<ComplaintCategory, string> = {
  product: 'Product',
  delivery: 'Delivery',
  service: 'Service',
  billing: 'Billing',
  other: 'Other',
};
