/** Map sources of the 2025 units (see EraState): the 34 provinces, and one province's communes. */
export const PROVINCE_2025_SOURCE = 'provinces-2025';
export const COMMUNE_2025_SOURCE = 'communes-2025';
/**
 * The 2025 layers mount after the sovereignty labels (when the era is switched), so they go
 * below them: Biển Đông, Hoàng Sa and Trường Sa stay on top.
 */
export const BELOW_SOVEREIGNTY = 'sea-labels';
