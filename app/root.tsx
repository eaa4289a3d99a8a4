import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "@remix-run/react";
import { type ReactNode, useEffect } from "react";
import { Heading, Paragraph, TextLink } from "./ui/content";
import heemstedeCss from "./ui/heemstede.css?url";
import { SiteLayout } from "./ui/layout";
import nlDesignSystemCss from "./ui/nl-design-system.css?url";
import { useNonce } from "./ui/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: nlDesignSystemCss },
  { rel: "stylesheet", href: heemstedeCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Wij maken Heemstede" }];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  // Marks the page as hydrated (also an error page, which renders no App): tests wait for it before
  // using the keyboard, and CSS may use it.
  useEffect(() => {
    document.documentElement.dataset.js = "ready";
  }, []);
  return (
    <html lang="nl" className="utrecht-theme heemstede-theme">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="utrecht-document utrecht-surface">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <SiteLayout>
      <Outlet />
    </SiteLayout>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  let title = "Er ging iets mis";
  let text =
    "Er ging bij ons iets mis. Probeer het later opnieuw. Blijft het misgaan? Bel dan de gemeente op 14 023.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Deze pagina bestaat niet";
      text =
        "Misschien is de pagina verplaatst, of is er een typfout in het adres. Controleer het adres of ga naar de homepagina.";
    } else if (error.status === 403) {
      title = "U heeft geen toegang tot deze pagina";
      text =
        "Uw account heeft niet de rol die nodig is voor deze pagina. Denkt u dat dit niet klopt? Vraag het aan een beheerder.";
    } else if (error.status === 429) {
      title = "Even geduld";
      text = "U heeft in korte tijd veel verzoeken gedaan. Probeer het over een paar minuten opnieuw.";
    } else if (error.status === 400) {
      title = "Dit verzoek klopt niet";
      text = "Wij konden uw verzoek niet verwerken. Ga terug en probeer het opnieuw.";
    }
  }
  return (
    <SiteLayout>
      <title>{`${title} - Wij maken Heemstede`}</title>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{text}</Paragraph>
      <Paragraph>
        <TextLink to="/">Naar de homepagina</TextLink>
      </Paragraph>
    </SiteLayout>
  );
}
