// What an export writes into a photo, and what it could not write. Its own file so the writers
// (writePhotoMetadata and the XMP and IIM blocks it puts together) share it without importing one another.
export interface PhotoMetadataInput {
  caption: string;
  creator: string[];
  credit: string;
  copyright: string;
  /** Left undefined, the file's own value is kept. */
  headline?: string;
  altText?: string;
  keywords?: string[];
}

/** `iimTruncated`: the IIM copy was cut to `limit` bytes (XMP has all `bytes`); `notWritten`: this format cannot carry it. */
export interface MetadataWarning {
  field: string;
  reason: 'iimTruncated' | 'notWritten';
  bytes: number;
  limit: number;
}
