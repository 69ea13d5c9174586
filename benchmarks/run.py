"""interkultur benchmarks: one command, prints a table.

    python benchmarks/run.py [--runs N] [--quick] [--no-astronomy] [--no-serving] [--no-nginx]
    python benchmarks/run.py --load [--requests 20000] [--connections 64]

Every figure is the median of several runs; each is printed side by side with
its baseline from the same run (python-holidays for the engine, /healthz for
the routes), as a ratio, next to the goal. The machine and its load average are
printed first: on a shared machine the ratios are the figures to compare.

Sections
  1. engine: whole process vs python-holidays, in-process (catalogue load,
     cold 1900-2100, one cached year), astronomy tables recomputed
  2. serving: ``interkultur serve`` (waitress) on loopback driven by wrk (ab as
     a fallback): requests/s, p50, p99 and the server CPU per request for
     every route, in interleaved rounds
  3. feed build in-process, imports done, caches cold
  4. peak RSS of the serving worker under load
  5. the static export behind nginx (``static_nginx.py``, run from here)
``--load`` instead runs the bounded load test: N requests over the four routes
at C concurrent connections (one ``ab`` per route, all at once, every request
timed), zero errors expected.

Only 127.0.0.1 is ever contacted. Results are recorded in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
HOST = "127.0.0.1"  # loopback only, never another address
ROUTES = [
    ("/healthz", "/healthz"),
    ("/widget/<y>/<m>", "/widget/2025/3"),
    ("/api/v1/holidays?date=…", "/api/v1/holidays?date=2025-03-30"),
    ("/feeds/all.ics", "/feeds/all.ics"),
]


# -- helpers ---------------------------------------------------------------------------------------

def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        total = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
        memory = f", {int(total.split()[1]) // 1024 // 1024} GiB RAM"
    except (OSError, StopIteration):
        pass
    load = ", load average %.1f %.1f %.1f" % os.getloadavg() if hasattr(os, "getloadavg") else ""
    return (f"{cpu}, {os.cpu_count()} logical CPUs{memory}; Python {platform.python_version()}; "
            f"{platform.platform()}{load}")


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for name in ("interkultur", "holidays", "flask", "waitress", "icalendar"):
        try:
            parts.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            pass
    wrk = shutil.which("wrk")
    if wrk:
        out = subprocess.run([wrk, "-v"], capture_output=True, text=True).stdout.splitlines()
        parts.append(out[0].split(" [")[0] if out else "wrk")
    return ", ".join(parts)


def console_script() -> list[str]:
    script = Path(sys.executable).with_name("interkultur")  # the console script, not a shell shim
    if script.exists():
        return [str(script)]
    found = shutil.which("interkultur")
    return [found] if found else [sys.executable, "-m", "interkultur"]


def run_process(command: list[str]) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (user + sys of the child), output size and occurrences (JSON objects
    with a date: ``"start"`` for interkultur, ``"date"`` for python-holidays) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(command, check=True, stdout=subprocess.PIPE, cwd=REPO).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, len(out), out.count(b'"start"') or out.count(b'"date"')


def row(label: str, value: str, baseline: str = "", ratio: str = "", goal: str = "") -> None:
    print(f"  {label:<44} {value:>12} {baseline:>12} {ratio:>7}  {goal}")


def header(title: str, value: str = "value", baseline: str = "baseline") -> None:
    print()
    print(title)
    print(f"  {'':<44} {value:>12} {baseline:>12} {'ratio':>7}  goal")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


# -- 1. engine -------------------------------------------------------------------------------------

COLD_SNIPPET = """
import json, time
from datetime import date
t0 = time.perf_counter()
from interkultur.catalog import load
from interkultur.engine import Engine
t1 = time.perf_counter()
catalogue = load()
t2 = time.perf_counter()
engine = Engine(catalogue)
found = engine.occurrences(date(1900, 1, 1), date(2100, 12, 31))
t3 = time.perf_counter()
engine.occurrences(date(2025, 1, 1), date(2025, 12, 31))
n = 5000
t4 = time.perf_counter()
for _ in range(n):
    engine.occurrences(date(2025, 1, 1), date(2025, 12, 31))
t5 = time.perf_counter()
for _ in range(n):
    engine.year(2025)
t6 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "cold": t3 - t2, "occurrences": len(found),
                  "cached_query": (t5 - t4) / n, "cached_year": (t6 - t5) / n,
                  "holidays": len(catalogue.holidays)}))
"""


#: The astronomical holidays of tests/astro/catalogue.yaml, 1900-2100, cold, in CPU time: catches a
#: regression to per-request ephem searches (several seconds instead of about 0.3 s). Moved here from
#: a test, since a time bound in a test fails on a busy machine, not on a slow program.
ASTRO_CATALOGUE = REPO / "tests" / "astro" / "catalogue.yaml"
ASTRO_SNIPPET = """
import sys, time
from interkultur.catalog import load
from interkultur.engine import Engine
engine = Engine(load(sys.argv[1]))
began = time.process_time()
for year in range(1900, 2101):
    engine.year(year)
print(time.process_time() - began)
"""


def byte_compile() -> None:
    """Write the package's .pyc files, as ``pip install`` does for python-holidays.

    An editable install (or ``PYTHONDONTWRITEBYTECODE=1``, set on some CI
    machines) leaves none, and every run would then compile the sources again:
    40-50 ms that a deployed copy never pays.
    """
    import compileall
    import interkultur

    compileall.compile_dir(str(Path(interkultur.__file__).parent), quiet=1)


#: Cumulative phases of the whole-process run, counted separately: where the instructions go.
PHASES = (
    ("interpreter start", "pass"),
    ("imports", "import interkultur.cli"),
    ("catalogue loaded", "import interkultur.cli; interkultur.cli.load(None)"),
)


def instructions_available() -> bool:
    return shutil.which("valgrind") is not None


def instructions(command: list[str]) -> int:
    """Instructions executed by a whole process (valgrind's cachegrind, no cache simulation).

    About 30 times slower than a plain run, but the count is the same on an
    idle and on a busy machine, which wall and CPU times on a shared VM are not.
    """
    if Path(command[0]).name == "interkultur":  # run the console script's Python, not a shim
        command = [sys.executable, *command]
    out = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          *command], capture_output=True, text=True, cwd=REPO).stderr
    found = re.search(r"I\s+refs:\s+([\d,]+)", out)
    if found is None:
        raise RuntimeError(f"valgrind gave no instruction count:\n{out[-2000:]}")
    return int(found[1].replace(",", ""))


def engine_section(runs: int, astronomy: bool, count_instructions: bool = True) -> None:
    byte_compile()
    header("1. Engine (median of %d runs; wall time, CPU time in brackets)" % runs,
           "interkultur", "python-hol.")
    ours, base = [], []
    command = console_script() + ["holidays", "--from", "1901-01-01", "--to", "2100-12-31", "--format", "json"]
    baseline = [sys.executable, str(HERE / "baseline_python_holidays.py")]
    for _ in range(runs):  # interleaved, so both see the same machine load
        ours.append(run_process(command))
        base.append(run_process(baseline))
    ow, oc = statistics.median(r[0] for r in ours), statistics.median(r[1] for r in ours)
    bw, bc = statistics.median(r[0] for r in base), statistics.median(r[1] for r in base)
    # the absolute ratio is reported; the goal is per occurrence written (the catalogue grows)
    row("whole process 1901-2100, JSON, wall", f"{ow * 1000:.0f} ms", f"{bw * 1000:.0f} ms", f"{ow / bw:.2f}")
    row("  same, CPU time (user + sys)", f"{oc * 1000:.0f} ms", f"{bc * 1000:.0f} ms", f"{oc / bc:.2f}")
    row("  output", f"{ours[0][2] // 1024} KiB", f"{base[0][2] // 1024} KiB")
    # per occurrence written: the catalogue grows, python-holidays' five countries do not
    occ_ours, occ_base = ours[0][3], base[0][3]
    if occ_ours and occ_base:
        row("  per occurrence written (wall)", f"{ow / occ_ours * 1e6:.1f} us", f"{bw / occ_base * 1e6:.1f} us",
            f"{(ow / occ_ours) / (bw / occ_base):.2f}", "<= 0.60")
    year_ours, year_base = [], []
    one_year = console_script() + ["holidays", "--year", "2026", "--format", "json"]
    for _ in range(runs):
        year_ours.append(run_process(one_year))
        year_base.append(run_process(baseline + ["2026"]))
    yw, ybw = statistics.median(r[0] for r in year_ours), statistics.median(r[0] for r in year_base)
    row("whole process, one year (2026), JSON, wall", f"{yw * 1000:.0f} ms", f"{ybw * 1000:.0f} ms",
        f"{yw / ybw:.2f}", "<= 0.80")

    if count_instructions and instructions_available():
        # Instruction counts do not move with the VM's load: the same comparison, exactly.
        ours_i, base_i = instructions(command), instructions(baseline)
        row("1901-2100, instructions (valgrind)", f"{ours_i / 1e9:.2f} G", f"{base_i / 1e9:.2f} G",
            f"{ours_i / base_i:.2f}")
        for label, snippet in PHASES:
            row(f"    of which up to {label}", f"{instructions([sys.executable, '-c', snippet]) / 1e9:.2f} G")
    else:
        row("1901-2100, instructions", "skipped (--quick)" if not count_instructions else "no valgrind")

    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD_SNIPPET], check=True, capture_output=True, text=True,
                             cwd=REPO).stdout
        samples.append(json.loads(out))
    med = {key: statistics.median(s[key] for s in samples) for key in samples[0]}
    print("  in-process (fresh process per run):")
    row("  import catalog + engine", f"{med['import'] * 1000:.0f} ms")
    row("  catalogue load + validate", f"{med['load'] * 1000:.0f} ms")
    row(f"  cold: all {int(med['holidays'])} holidays 1900-2100", f"{med['cold'] * 1000:.0f} ms", "", "",
        f"{int(med['occurrences'])} occurrences")
    row("  one cached year, occurrences(1 Jan-31 Dec)", f"{med['cached_query'] * 1000:.3f} ms", "", "",
        "< 0.2 ms")
    row("  one cached year, Engine.year()", f"{med['cached_year'] * 1000:.4f} ms", "", "", "< 0.2 ms")
    if ASTRO_CATALOGUE.exists():
        cpu = statistics.median(
            float(subprocess.run([sys.executable, "-c", ASTRO_SNIPPET, str(ASTRO_CATALOGUE)], check=True,
                                 capture_output=True, text=True, cwd=REPO).stdout) for _ in range(runs))
        row("  cold: astronomical test catalogue 1900-2100, CPU", f"{cpu * 1000:.0f} ms", "", "", "< 1500 ms")

    script = REPO / "scripts" / "generate_astronomy.py"
    if not astronomy:
        row("astronomy tables, full recompute", "skipped")
    elif not script.exists():
        row("astronomy tables, full recompute", "not available")
    else:
        # --check recomputes everything and compares with the shipped files (writes nothing)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, cwd=REPO)
        took = time.perf_counter() - start
        verdict = "identical" if result.returncode == 0 else f"differs (exit {result.returncode})"
        row("astronomy tables, full recompute (--check)", f"{took:.1f} s", "", "", f"once; {verdict}")


# -- 2. and 4. serving -----------------------------------------------------------------------------

class Server:
    """``interkultur serve`` on a free loopback port, for the duration of a with-block."""

    def __init__(self, threads: int, workers: int, port: int | None = None, cache_dir: str | None = None):
        self.port = port or free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="interkultur-bench-", suffix=".log", delete=False)
        command = console_script() + ["serve", "--host", HOST, "--port", str(self.port), "--threads", str(threads)]
        if workers:  # else serve's default: one process per core
            command += ["--workers", str(workers)]
        env = dict(os.environ, INTERKULTUR_CATALOGUE=str(REPO / "data" / "holidays.yaml"))
        if cache_dir:
            env["INTERKULTUR_CACHE_DIR"] = cache_dir
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, env=env)

    def __enter__(self) -> "Server":
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("server did not start: " + Path(self.log.name).read_text()) from None
                time.sleep(0.02)
        self.startup = time.perf_counter() - self.started
        return self

    def __exit__(self, *exc) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        Path(self.log.name).unlink(missing_ok=True)

    def pids(self) -> list[int]:
        """The process serving requests: the server itself, or its worker processes."""
        kids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == self.proc.pid:
                        kids.append(int(entry.name))
                except (OSError, IndexError):
                    continue
        return kids or [self.proc.pid]

    def peak_rss_kib(self) -> int:
        """VmHWM (peak resident set) of the largest serving process."""
        peak = 0
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
            except OSError:
                pass
        return peak

    def cpu_seconds(self) -> float:
        """User + system CPU time of the serving processes so far (``/proc/<pid>/stat``)."""
        ticks = 0
        for pid in self.pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                ticks += int(fields[11]) + int(fields[12])
            except (OSError, IndexError):
                continue
        return ticks / os.sysconf("SC_CLK_TCK")

    def warm(self, path: str) -> None:
        request = urllib.request.Request(self.base + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=30) as r:
            r.read()


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s)$", text.strip())
    return float(m[1]) * _UNITS[m[2]] if m else float("nan")


def wrk(url: str, seconds: float, connections: int, threads: int = 1) -> dict[str, float]:
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--latency",
                          "-H", "Accept-Encoding: gzip", url], capture_output=True, text=True, check=True).stdout
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
               "requests": float(re.search(r"(\d+) requests in", out)[1]),
               "p50": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M)[1]),
               "p99": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M)[1])}
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    figures["errors"] = (int(bad[1]) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0)
    return figures


def ab(url: str, requests: int, connections: int) -> dict[str, float]:
    out = subprocess.run(["ab", "-q", "-k", "-n", str(requests), "-c", str(connections),
                          "-H", "Accept-Encoding: gzip", url], capture_output=True, text=True, check=True).stdout
    failed = int(re.search(r"Failed requests:\s+(\d+)", out)[1])
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    return {"rps": float(re.search(r"Requests per second:\s+([\d.]+)", out)[1]), "requests": float(requests),
            "p50": float(re.search(r"\s50%\s+(\d+)", out)[1]), "p99": float(re.search(r"\s99%\s+(\d+)", out)[1]),
            "errors": failed + (int(non2xx[1]) if non2xx else 0)}


def serving_section(rounds: int, seconds: float, connections: int, client_threads: int, threads: int,
                    workers: int) -> int | None:
    """Prints section 2; returns the peak RSS (KiB) of the serving worker for section 4."""
    tool = "wrk" if shutil.which("wrk") else "ab" if shutil.which("ab") else None
    if tool is None:
        print("\n2. Serving: not available (neither wrk nor ab is installed: apt-get install wrk)")
        return None
    # start-up twice on one port (the links in the prerendered feed name it, as a deployment's do):
    # first with an empty disk cache (the first start after an install or a catalogue edit: the
    # catalogue validated, the templates compiled, the feed serialised), then a restart
    cache_dir = tempfile.mkdtemp(prefix="interkultur-bench-cache-")
    port = free_port()
    with Server(threads, workers, port, cache_dir) as cold:
        cold_startup = cold.startup
    with Server(threads, workers, port, cache_dir) as server:
        started = time.perf_counter()
        server.warm("/widget")  # today's month: one of the pages serve renders before forking
        first_prerendered = (time.perf_counter() - started) * 1000
        first: dict[str, float] = {}
        for label, path in ROUTES:  # first render of every route happens before measuring
            started = time.perf_counter()
            server.warm(path)
            first[label] = (time.perf_counter() - started) * 1000
        samples: dict[str, list[dict[str, float]]] = {label: [] for label, _ in ROUTES}
        for round_number in range(rounds):  # round-robin: a load spike on a shared machine hits every route alike
            # odd rounds run the routes backwards, so no route always follows a quiet pause
            for label, path in (ROUTES if round_number % 2 == 0 else ROUTES[::-1]):
                cpu_before = server.cpu_seconds()
                if tool == "wrk":
                    sample = wrk(server.base + path, seconds, connections, client_threads)
                else:
                    sample = ab(server.base + path, 2000, connections)
                # the server's CPU per request: what the route costs, whatever the host's load lets through
                sample["cpu_us"] = (server.cpu_seconds() - cpu_before) / max(sample["requests"], 1) * 1e6
                samples[label].append(sample)
        peak = server.peak_rss_kib()
        startup = server.startup
    med = {label: {k: statistics.median(s[k] for s in runs) for k in ("rps", "p50", "p99", "cpu_us")}
           for label, runs in samples.items()}
    errors = sum(s["errors"] for runs in samples.values() for s in runs)
    # each route against /healthz of the same round, then the median: the machine's load
    # drifts between rounds, and a ratio of medians taken from different rounds would carry it
    ratio = {label: statistics.median(r["rps"] / h["rps"] for r, h in zip(runs, samples["/healthz"]))
             for label, runs in samples.items()}
    processes = workers or len(os.sched_getaffinity(0))
    header(f"2. Serving: interkultur serve (waitress, {processes} process(es) x {threads} threads) on loopback, "
           f"{tool} -t{client_threads} -c{connections},\n   Accept-Encoding: gzip, median of {rounds} rounds of "
           f"{seconds:g} s per route; ratio: median over rounds of route / /healthz in that round", "req/s", "p50 / p99")
    goals = {"/healthz": "", "/widget/<y>/<m>": ">= 0.90", "/api/v1/holidays?date=…": ">= 0.90",
             "/feeds/all.ics": ">= 0.80"}
    for label, _ in ROUTES:
        m = med[label]
        row(label, f"{m['rps']:.0f}", f"{m['p50']:.1f}/{m['p99']:.1f} ms", f"{ratio[label]:.2f}", goals[label])
    print("  server CPU per request (user + sys of the serving processes / requests answered; ratio: /healthz's / route's,\n"
          "  median over rounds; what a route costs the server, which the host's load on a shared machine does not change)")
    for label, _ in ROUTES:
        cpu_ratio = statistics.median(h["cpu_us"] / r["cpu_us"] for r, h in zip(samples[label], samples["/healthz"]))
        row("  " + label, f"{med[label]['cpu_us']:.0f} us", "", f"{cpu_ratio:.2f}")
    row("errors (non-2xx, socket) over all runs", str(errors), "", "", "0")
    shutil.rmtree(cache_dir, ignore_errors=True)
    row("start-up until /healthz answers (a restart)", f"{startup * 1000:.0f} ms", "", "", "< 1 s")
    row("  same, disk cache empty (first start)", f"{cold_startup * 1000:.0f} ms", "", "", "")
    slowest = max((label for label, _ in ROUTES if label != "/healthz"), key=lambda label: first[label])
    row("first request after start: today's widget", f"{first_prerendered:.1f} ms", "(prerendered)", "", "< 50 ms")
    row("  slowest route above (not prerendered)", f"{first[slowest]:.1f} ms", slowest, "", "< 50 ms")
    return peak


# -- 3. feed build ---------------------------------------------------------------------------------

FEED_SNIPPET = """
import gc, json, statistics, time
from interkultur.engine import Engine
from interkultur.web import create_app
app = create_app({"TODAY": "%(today)s"})
client = app.test_client()
for path in ("/feeds/islam.ics", "/feeds/judaism.ics?lang=en", "/widget/2025/3", *%(prefill)r):
    client.get(path)  # imports, babel locale data, templates: done (and the feed stored, if asked)
state = app.extensions["interkultur"]
responses = app.extensions["interkultur.responses"]
gc.collect(); gc.freeze()  # as interkultur serve does after start-up
times, cpu, events = [], [], 0
for _ in range(%(runs)d):
    responses.clear()
    state.engine = Engine(state.catalogue)  # no cached years either
    start, start_cpu = time.perf_counter(), time.process_time()
    body = client.get("/feeds/all.ics").data
    times.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)
    events = body.count(b"BEGIN:VEVENT")
print(json.dumps({"median": statistics.median(times), "best": min(times), "cpu": statistics.median(cpu),
                  "events": events, "bytes": len(body)}))
"""


CACHED_SNIPPET = """
import gc, json, time
from interkultur.web import create_app
client = create_app().test_client()
routes = %(routes)r
headers = {"Accept-Encoding": "gzip"}
for path in routes:
    client.get(path, headers=headers)  # rendered once: the response cache is warm, as in section 2
gc.collect(); gc.freeze()
best = dict.fromkeys(routes, float("inf"))
for _ in range(%(reps)d):  # interleaved, best of the repetitions: the least disturbed figure of each
    for path in routes:
        start = time.process_time()
        for _ in range(%(requests)d):
            client.get(path, headers=headers)
        best[path] = min(best[path], (time.process_time() - start) / %(requests)d)
print(json.dumps(best))
"""


def cached_requests_section(reps: int = 7, requests: int = 500) -> None:
    """Section 2b: the app's own work per cached request (no sockets, no waitress), against /healthz."""
    routes = [path for _, path in ROUTES]
    out = subprocess.run([sys.executable, "-c", CACHED_SNIPPET % {"routes": routes, "reps": reps, "requests": requests}],
                         check=True, capture_output=True, text=True, cwd=REPO).stdout
    best = json.loads(out.strip().splitlines()[-1])
    header(f"2b. The app's own work per cached request, in-process (Flask test client, gzip; CPU time,\n"
           f"    best of {reps} interleaved repetitions of {requests} requests; ratio: /healthz's / route's)", "CPU", "")
    for label, path in ROUTES:
        row(label, f"{best[path] * 1e6:.0f} us", "", f"{best['/healthz'] / best[path]:.2f}")


def _feed_build(runs: int, cache_dir: str, prefill: tuple[str, ...]) -> dict[str, float]:
    snippet = FEED_SNIPPET % {"runs": runs, "today": date.today().isoformat(), "prefill": prefill}
    out = subprocess.run([sys.executable, "-c", snippet], check=True, capture_output=True, text=True, cwd=REPO,
                         env=dict(os.environ, INTERKULTUR_CACHE_DIR=cache_dir)).stdout
    return json.loads(out.strip().splitlines()[-1])


def feed_section(runs: int) -> None:
    fresh = _feed_build(runs, "off", ())
    cache_dir = tempfile.mkdtemp(prefix="interkultur-bench-cache-")
    try:
        stored = _feed_build(runs, cache_dir, ("/feeds/all.ics",))
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    header(f"3. Feed build in-process (imports done, feed + response + engine caches cold; median of {runs})",
           "time", "")
    row(f"/feeds/all.ics, {fresh['events']} events, {fresh['bytes'] // 1024} KiB, serialised",
        f"{fresh['median'] * 1000:.0f} ms", "", "", "<= 150 ms")
    row("  same, best run / median CPU time", f"{fresh['best'] * 1000:.0f} ms", f"{fresh['cpu'] * 1000:.0f} ms")
    row("  same, serialised bytes on disk (a restart)", f"{stored['median'] * 1000:.0f} ms",
        f"{stored['cpu'] * 1000:.0f} ms")


# -- load test -------------------------------------------------------------------------------------

def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def load_test(requests: int, connections: int, threads: int, workers: int) -> int:
    """``requests`` spread evenly over the routes, all routes at once: one ``ab`` per route with
    ``connections / routes`` connections each, every request's time recorded (``ab -g``)."""
    if not shutil.which("ab"):
        print("load test: ab is not installed (apt-get install apache2-utils)")
        return 1
    per_route, per_connections = requests // len(ROUTES), max(1, connections // len(ROUTES))
    with tempfile.TemporaryDirectory(prefix="interkultur-load-") as tmp, Server(threads, workers) as server:
        for _, path in ROUTES:
            server.warm(path)
        start = time.perf_counter()
        runs = []
        for i, (_, path) in enumerate(ROUTES):
            out = open(Path(tmp) / f"{i}.txt", "w")
            runs.append((subprocess.Popen(["ab", "-k", "-r", "-n", str(per_route), "-c", str(per_connections),
                                           "-s", "30", "-g", str(Path(tmp) / f"{i}.tsv"),
                                           "-H", "Accept-Encoding: gzip", server.base + path],
                                          stdout=out, stderr=subprocess.STDOUT), out))
        for proc, out in runs:
            proc.wait()
            out.close()
        wall = time.perf_counter() - start
        peak = server.peak_rss_kib()
        alive = server.proc.poll() is None
        results, everything, bad = [], [], 0
        for i, (label, _) in enumerate(ROUTES):
            text = (Path(tmp) / f"{i}.txt").read_text()
            complete = re.search(r"Complete requests:\s+(\d+)", text)
            failed = re.search(r"Failed requests:\s+(\d+)", text)
            non2xx = re.search(r"Non-2xx responses:\s+(\d+)", text)
            done = int(complete[1]) if complete else 0
            errors = (int(failed[1]) if failed else 0) + (int(non2xx[1]) if non2xx else 0) + (per_route - done)
            times = [float(line.split("\t")[4]) for line in (Path(tmp) / f"{i}.tsv").read_text().splitlines()[1:]
                     if line.strip()]
            bad += errors
            everything += times
            results.append((label, done, errors, times))
    print()
    print(f"Load test: {requests} requests, {len(ROUTES)} routes at once ({per_route} each, "
          f"{per_connections} connections each = {per_connections * len(ROUTES)} concurrent),")
    print(f"  ab -k (keep-alive), Accept-Encoding: gzip; server {workers} process x {threads} threads; loopback")
    print(f"  {'':<44} {'p50':>12} {'p99':>12}")
    for label, done, errors, times in results:
        row(f"{label} ({done} ok, {errors} errors)", f"{_percentile(times, 50):.0f} ms",
            f"{_percentile(times, 99):.0f} ms")
    row(f"all routes ({len(everything)} requests)", f"{_percentile(everything, 50):.0f} ms",
        f"{_percentile(everything, 99):.0f} ms", "", f"max {max(everything):.0f} ms")
    row("errors (failed, non-2xx, missing)", str(bad), "", "", "0")
    row("throughput (all routes)", f"{len(everything) / wall:.0f} req/s", "", "", f"{wall:.1f} s")
    row("peak RSS of the serving worker", f"{peak / 1024:.0f} MiB")
    row("server still up afterwards", "yes" if alive else "NO")
    ok = bad == 0 and len(everything) >= requests and alive
    print("  PASS" if ok else "  FAIL")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=textwrap.dedent(__doc__.split("\n\n")[0]),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per engine/feed figure (default 5)")
    parser.add_argument("--rounds", type=int, default=7, help="rounds over the routes (default 7)")
    parser.add_argument("--seconds", type=float, default=3, help="wrk duration per route and round (default 3)")
    parser.add_argument("--connections", type=int, help="concurrent connections (default 32; --load: 64)")
    parser.add_argument("--client-threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads (interkultur serve --threads)")
    parser.add_argument("--workers", type=int, default=0,
                        help="server processes (interkultur serve --workers; default: serve's own, the cores)")
    parser.add_argument("--quick", action="store_true", help="3 runs, 1 round of 2 s, no astronomy recompute, no instruction counts")
    parser.add_argument("--no-astronomy", action="store_true", help="skip the astronomy recompute")
    parser.add_argument("--no-serving", action="store_true", help="skip sections 2 and 4")
    parser.add_argument("--no-nginx", action="store_true", help="skip section 5 (the static export behind nginx)")
    parser.add_argument("--load", action="store_true", help="run the bounded load test instead")
    parser.add_argument("--requests", type=int, default=20000, help="load test: requests (default 20000)")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.rounds, args.seconds, args.no_astronomy = 3, 1, 2, True
    print(f"machine: {machine()}")
    print(f"versions: {versions()}")
    if args.load:
        return load_test(args.requests, args.connections or 64, args.threads, args.workers)
    engine_section(args.runs, astronomy=not args.no_astronomy, count_instructions=not args.quick)
    peak = None
    if not args.no_serving:
        peak = serving_section(args.rounds, args.seconds, args.connections or 32, args.client_threads,
                               args.threads, args.workers)
    cached_requests_section(reps=3 if args.quick else 7)
    feed_section(max(args.runs * 2, 9))
    if peak is not None:
        header("4. Memory", "peak RSS", "")
        row("serving worker after section 2 (VmHWM)", f"{peak / 1024:.0f} MiB")
    if not args.no_nginx:
        static_section(args.quick)
    return 0


def static_section(quick: bool) -> None:
    """Section 5, in the same run: ``static_nginx.py`` (the export's feed behind nginx's gzip_static)."""
    print("\n5. Static export behind nginx (benchmarks/static_nginx.py)")
    if not shutil.which("wrk") or not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        print("  not available (needs Debian's wrk and nginx: apt-get install wrk nginx)")
        return
    command = [sys.executable, str(HERE / "static_nginx.py")] + (["--rounds", "1", "--seconds", "2"] if quick else [])
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    lines = done.stdout.strip().splitlines()
    shown = [line for line in lines if not line.startswith("Machine:")]  # printed once, above
    print("\n".join("  " + line if line else "" for line in shown) or "  (no output)")
    if done.returncode != 0:
        print("  failed: " + (done.stderr.strip().splitlines() or ["exit status %d" % done.returncode])[-1])


if __name__ == "__main__":
    sys.exit(main())
