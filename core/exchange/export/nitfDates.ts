// NITF's normalised date form (`YYYYMMDDTHHMMSSZ`, the "alternative" the DTD allows), used for
// date.issue and date.release.

export function nitfDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}
