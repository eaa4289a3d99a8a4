// npm's registry mirror here serves only this platform's binaries, so npm leaves other platforms'
// optional packages out of package-lock.json, and `npm ci` then refuses the lock ("Missing: … from
// lock file"). Add those entries, marked optional with their os/cpu, as a lock made elsewhere has them.
const fs = require("node:fs");
const file = process.argv[2] || "package-lock.json";
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const pkgs = lock.packages;
const OS = [
  "android",
  "darwin",
  "freebsd",
  "linux",
  "win32",
  "openbsd",
  "netbsd",
  "sunos",
  "aix",
  "openharmony",
  "cygwin",
];
const CPU = [
  "arm64",
  "x64",
  "arm",
  "ia32",
  "ppc64",
  "s390x",
  "riscv64",
  "loong64",
  "mips64el",
  "wasm32",
  "universal",
];
function platformOf(name) {
  const base = name.split("/").pop();
  const parts = base.split("-");
  const out = {};
  const os = parts.find((p) => OS.includes(p));
  if (os) out.os = [os];
  const cpu = parts.find((p) => CPU.includes(p));
  if (cpu === "universal") out.cpu = ["x64", "arm64"];
  else if (cpu) out.cpu = [cpu];
  if (parts.includes("musl") || parts.includes("musleabihf")) out.libc = ["musl"];
  else if (os === "linux" && (parts.includes("gnu") || parts.includes("gnueabihf"))) out.libc = ["glibc"];
  return out;
}
let added = 0;
for (const [loc, meta] of Object.entries(pkgs)) {
  const deps = meta.optionalDependencies || {};
  for (const [name, spec] of Object.entries(deps)) {
    // Resolve like node: nearest node_modules upwards.
    const prefix = loc ? `${loc}/node_modules/` : "node_modules/";
    if (pkgs[`${prefix}${name}`] || pkgs[`node_modules/${name}`]) continue;
    if (!/^\d+\.\d+\.\d+/.test(spec)) continue;
    const platform = platformOf(name);
    if (!platform.os && !platform.cpu) continue;
    pkgs[`node_modules/${name}`] = {
      version: spec,
      ...(meta.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform entries`);
