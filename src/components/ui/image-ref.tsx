import { imageParts } from '@/lib/image';
import { CopyIconButton } from './copy-icon-button';

/**
 * A container image: when space is short the registry and path give way (cut at their end) and the name with its
 * tag or digest suffix stays whole; the whole reference on hover and in the copy button.
 */
export function ImageRef({
  image,
  copy = true,
}: {
  image: string;
  copy?: boolean;
}) {
  if (!image) return <span className="muted">(no image)</span>;
  const { prefix, key } = imageParts(image);
  return (
    <span className="image-ref">
      <span className="image-ref__text" title={image}>
        {prefix && <span className="image-ref__prefix">{prefix}</span>}
        <span className="image-ref__key">{key}</span>
      </span>
      {copy && <CopyIconButton text={image} label="image" />}
    </span>
  );
}
