// Every address that no other route matches. The loader answers 404, which the root ErrorBoundary shows
// ("Deze pagina bestaat niet"). Without this route the server rendered that page for an unmatched URL
// while the browser, which knows only the routes it has discovered, matched something else and React
// threw away the server HTML (hydration error #418, remix-run/remix#10697): the 404 page flickered
// and was rendered again in the browser. tests/e2e/every-public-page.e2e.ts checks 404 pages.
export function loader() {
  throw new Response(null, { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
  return null;
}
