// NITF `norm` dates (`20020226T093000-0500`, `20990101T000000Z`, `2020-09-07T14:45:26`) as ISO 8601
// UTC, or null when the value is not a date. No zone means UTC: NITF gives no better guess.

export function parseNitfDate(norm: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(norm.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone = 'Z'] = m;
  const tz = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${tz}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
