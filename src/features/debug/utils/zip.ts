import type { LocalRunBundle } from '@/api/local-run';

/** The bytes of a bundle file (base64 files decoded). */
function bytesOf(file: LocalRunBundle['files'][string]): Uint8Array {
  if (file.encoding !== 'base64') return new TextEncoder().encode(file.content);
  const binary = atob(file.content);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * The bundle as a zip, every file under one folder named after the bundle
 * (fflate, loaded only when the user downloads).
 */
export async function zipBundle(
  bundle: LocalRunBundle,
  folder: string,
): Promise<Blob> {
  const { zipSync } = await import('fflate');
  const entries: Record<string, Uint8Array> = {};
  for (const [name, file] of Object.entries(bundle.files))
    entries[`${folder}/${name}`] = bytesOf(file);
  const zipped = zipSync(entries, { level: 6 });
  return new Blob([zipped.slice().buffer], { type: 'application/zip' });
}

/** Saves a blob as a file through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
