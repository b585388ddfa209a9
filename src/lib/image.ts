/** An image reference cut in two: the part that may be shortened and the part that names the image. */
export interface ImageParts {
  /** Registry and repository path up to the last `/`, e.g. `registry.acme.dev/shop/`; may be cut. */
  prefix: string;
  /** The image's name with its tag and/or shortened digest, e.g. `cart:1.0.4`; always shown whole. */
  key: string;
}

/** How many characters of a digest's hex stay visible (its end, like a short commit hash). */
export const DIGEST_SUFFIX = 12;

/**
 * Splits an image reference (`registry/path/name:tag@sha256:digest`) into the registry/path prefix and the
 * distinguishing key: the last path segment with its tag, and a digest shortened to its last characters
 * (`cart@sha256:…0123456789ab`). A reviewer needs the key; the prefix is the same on every row.
 */
export function imageParts(image: string): ImageParts {
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const digest = at === -1 ? '' : image.slice(at + 1);
  const slash = name.lastIndexOf('/');
  const prefix = name.slice(0, slash + 1);
  let key = name.slice(slash + 1);
  if (digest) {
    const colon = digest.indexOf(':');
    const algorithm = colon === -1 ? '' : digest.slice(0, colon + 1);
    const hex = digest.slice(colon + 1);
    key += `@${algorithm}${hex.length > DIGEST_SUFFIX ? `…${hex.slice(-DIGEST_SUFFIX)}` : hex}`;
  }
  return { prefix, key };
}

/** The distinguishing part of an image reference: name, tag and digest suffix (see {@link imageParts}). */
export function shortImage(image: string): string {
  return imageParts(image).key;
}
