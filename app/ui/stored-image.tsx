import { imageAttributes, type StoredImage } from "~/domain/media/images";

/**
 * An uploaded image with srcset (app/domain/media). `urlFor` says where each width is served: the
 * public /media/ route by default, or a route that checks who asks for a private image.
 */
export function StoredImageView({
  image,
  alt,
  sizes = "(max-width: 40rem) 100vw, 40rem",
  urlFor,
  className = "wmh-photo",
}: {
  image: StoredImage;
  alt: string;
  sizes?: string;
  urlFor?: (imageId: string, width: number) => string;
  className?: string;
}) {
  const attrs = imageAttributes(image, sizes, urlFor);
  return <img {...attrs} alt={alt} className={className} loading="lazy" decoding="async" />;
}
