import { Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { footerNavigation, mainNavigation } from "./navigation";

export function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="wmh-skip-link" href="#inhoud">
        Direct naar de inhoud
      </a>
      <header className="wmh-header">
        <div className="wmh-container wmh-header__bar">
          <Link to="/" className="wmh-logo">
            Wij maken Heemstede
            <small>Samen met de gemeente Heemstede</small>
          </Link>
          <nav className="wmh-nav" aria-label="Hoofdmenu">
            <ul>
              {mainNavigation.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === "/"} prefetch="intent">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="inhoud" className="wmh-main wmh-container" tabIndex={-1}>
        {children}
      </main>
      <footer className="wmh-footer">
        <div className="wmh-container">
          <h2 className="wmh-visually-hidden">Over deze website</h2>
          <p>
            Gemeente Heemstede · Raadhuisplein 1, 2101 HA Heemstede · Telefoon <a href="tel:14023">14 023</a>
          </p>
          <nav aria-label="Voettekst">
            <ul>
              {footerNavigation.map((item) => (
                <li key={item.to}>
                  <Link to={item.to}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
