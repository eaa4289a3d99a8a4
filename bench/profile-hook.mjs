// Preloaded into the app server by `BENCH_PROFILE=1 npm run bench:surveys`: records a CPU profile while
// the marker file named in BENCH_PROFILE_MARKER exists (the bench creates it around the timed burst)
// and writes it next to the marker as <marker>-<pid>-<n>.cpuprofile (open it in Chrome DevTools).
import fs from "node:fs";
import { Session } from "node:inspector";

const marker = process.env.BENCH_PROFILE_MARKER;
if (marker) {
  const session = new Session();
  session.connect();
  let on = false;
  let n = 0;
  setInterval(() => {
    const want = fs.existsSync(marker);
    if (want && !on) {
      on = true;
      session.post("Profiler.enable", () =>
        session.post("Profiler.setSamplingInterval", { interval: 200 }, () => session.post("Profiler.start")),
      );
    } else if (!want && on) {
      on = false;
      session.post("Profiler.stop", (error, result) => {
        if (!error)
          fs.writeFileSync(`${marker}-${process.pid}-${n++}.cpuprofile`, JSON.stringify(result.profile));
      });
    }
  }, 20).unref();
}
