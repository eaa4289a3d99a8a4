import { Link } from "@remix-run/react";
import { imageAttributes, type StoredImage } from "~/domain/media/images";
import { type Block, type Inline, parseBody } from "~/domain/news/markdown";

// Rendering of news bodies (the safe subset of app/domain/news/markdown.ts) and news images.
// Every text goes through React, which escapes it: nothing is ever inserted as HTML.

function Inlines({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((n, i) =>
        n.type === "text" ? (
          n.text
        ) : n.type === "strong" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: static content, never reordered
          <strong key={i}>{n.text}</strong>
        ) : n.href.startsWith("/") ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: static content, never reordered
          <Link key={i} to={n.href} className="utrecht-link">
            {n.text}
          </Link>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: static content, never reordered
          <a key={i} href={n.href} className="utrecht-link" rel="noopener noreferrer">
            {n.text}
          </a>
        ),
      )}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  if (block.type === "paragraph")
    return (
      <p className="utrecht-paragraph">
        <Inlines nodes={block.content} />
      </p>
    );
  if (block.type === "heading") {
    const Tag = block.level === 2 ? "h2" : "h3";
    return (
      <Tag className={`utrecht-heading-${block.level}`}>
        <Inlines nodes={block.content} />
      </Tag>
    );
  }
  const Tag = block.ordered ? "ol" : "ul";
  return (
    <Tag>
      {block.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static content, never reordered
        <li key={i}>
          <Inlines nodes={item} />
        </li>
      ))}
    </Tag>
  );
}

export function NewsBody({ body }: { body: string }) {
  return (
    <>
      {parseBody(body).map((block, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static content, never reordered
        <BlockView key={i} block={block} />
      ))}
    </>
  );
}

export function NewsImage({ image, alt, sizes }: { image: StoredImage; alt: string; sizes?: string }) {
  const attrs = imageAttributes(image, sizes);
  return <img {...attrs} alt={alt} className="wmh-news-image" loading="lazy" decoding="async" />;
}
