import { createContext, useContext } from "react";

// The CSP nonce of this response, provided by entry.server.tsx. On the client it is empty:
// browsers hide nonces from scripts, and the hydrated markup does not need them.
export const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
