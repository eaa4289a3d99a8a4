import { useBeforeUnload, useBlocker } from "@remix-run/react";
import { type RefObject, useCallback, useEffect, useRef } from "react";

// A warning before leaving a page with text typed but not saved (a JavaScript enhancement; without
// JavaScript nothing warns, and the pages keep typed text in other ways: one form per document, the
// section's anchor after saving). A form counts as saved from the moment it is sent until someone
// types in it again.

const MESSAGE = "U heeft tekst getypt die nog niet is opgeslagen. Wilt u de pagina toch verlaten?";

function hasUnsavedText(root: HTMLElement, sent: WeakSet<HTMLFormElement>): boolean {
  const fields = root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
    "textarea, input[type=text], input:not([type])",
  );
  for (const f of fields) {
    if (f.form && sent.has(f.form)) continue;
    if (f.value.trim() !== f.defaultValue.trim()) return true;
  }
  return false;
}

/** Warn before leaving (closing, reloading, or a link to another page) while `root` holds unsaved text. */
export function useUnsavedTextWarning(root: RefObject<HTMLElement>) {
  const sent = useRef(new WeakSet<HTMLFormElement>());
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onSubmit = (e: Event) => {
      if (e.target instanceof HTMLFormElement) sent.current.add(e.target);
    };
    const onInput = (e: Event) => {
      const form = (e.target as HTMLInputElement).form;
      if (form) sent.current.delete(form);
    };
    el.addEventListener("submit", onSubmit, true);
    el.addEventListener("input", onInput, true);
    return () => {
      el.removeEventListener("submit", onSubmit, true);
      el.removeEventListener("input", onInput, true);
    };
  }, [root]);
  const dirty = () => (root.current ? hasUnsavedText(root.current, sent.current) : false);
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!root.current || !hasUnsavedText(root.current, sent.current)) return;
        event.preventDefault();
        event.returnValue = MESSAGE;
      },
      [root],
    ),
  );
  // Links inside the app: only a move to another page asks (saving returns to this same page).
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && dirty(),
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(MESSAGE)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);
}
