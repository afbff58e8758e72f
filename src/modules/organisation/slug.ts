/**
 * URL slugs from Swedish names: "Hägersten-Liljeholmens stadsdelsnämnd" →
 * "hagersten-liljeholmens-stadsdelsnamnd". Pure; uniqueness is settled by the caller with `uniqueSlug`.
 */
export const SLUG_MAX = 80;

/** Path segments that are pages of their own and can never be a slug. */
const RESERVED = new Set(['new', 'edit', 'archive', 'delete']);

const SPECIAL: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', œ: 'oe', ð: 'd', þ: 'th', ł: 'l', đ: 'd' };

export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[æøßœðþłđ]/g, (c) => SPECIAL[c] ?? c)
    // Decompose å → a + ring, ä → a + diaeresis, ö → o + diaeresis, é → e + acute, then drop the marks.
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, '');
  if (!base) return 'namn';
  return RESERVED.has(base) ? `${base}-1` : base;
}

/** `base`, or `base-2`, `base-3`, … — the first one not in `taken`. */
export function uniqueSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/g, '')}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
