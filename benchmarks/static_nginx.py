"""The static export behind deploy/nginx-static.conf: the feed's .gz against a plain file of its size.

    python benchmarks/static_nginx.py [--rounds 5] [--seconds 3] [--connections 32]

Exports the site (German, the default years) into a temporary directory,
runs Debian's nginx with ``deploy/nginx-static.conf`` on a loopback port
(TLS with a throwaway certificate, as the file is written; one worker, as
``worker_processes`` defaults to) and drives it with wrk, ``Accept-Encoding:
gzip`` on every request:

- ``/de/feeds/all.ics``: nginx's ``gzip_static`` sends the export's
  ``all.ics.gz`` (Content-Encoding gzip);
- ``/same-size.bin``: a file of exactly the .gz's byte size, sent as it is.

The ratio of the two request rates, taken per round (the two alternate, odd
rounds reversed) and reported as the median, is the cost of serving the
feed compressed over serving any static file of that size. Goal ≥ 0.8.
Only 127.0.0.1 is contacted; the benchmark is not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from run import HOST, free_port, machine, wrk  # noqa: E402 - the shared helpers of benchmarks/run.py

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
GOAL = 0.8


def certificate(directory: Path) -> tuple[Path, Path]:
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=kalender.example.de", "-keyout", str(key), "-out", str(cert)], check=True,
                   capture_output=True)
    return cert, key


def nginx_conf(work: Path, export: Path, port: int) -> Path:
    """deploy/nginx-static.conf with the test paths, included in a minimal main configuration."""
    cert, key = certificate(work)
    text = (REPO / "deploy" / "nginx-static.conf").read_text()
    text = (text.replace("/etc/letsencrypt/live/kalender.example.de/fullchain.pem", str(cert))
                .replace("/etc/letsencrypt/live/kalender.example.de/privkey.pem", str(key))
                .replace("listen 443 ssl", f"listen {HOST}:{port} ssl")
                .replace("root /srv/interkultur;", f"root {export};"))
    (work / "static.conf").write_text(text)
    (work / "logs").mkdir()
    temp = "".join(f"  {kind}_temp_path {work}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi",
                                                                         "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = work / "nginx.conf"
    main.write_text(f"{user}error_log {work}/logs/error.log;\npid {work}/nginx.pid;\nevents {{}}\n"
                    f"http {{\n  access_log off;\n{temp}  include {work}/static.conf;\n}}\n")
    return main


def wait_for(url: str, proc: subprocess.Popen) -> None:
    context = ssl._create_unverified_context()
    for _ in range(600):
        try:
            urllib.request.urlopen(url, context=context, timeout=2).read()
            return
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.05)
    raise SystemExit("nginx did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("wrk") or not os.access(NGINX, os.X_OK):
        raise SystemExit("needs Debian's wrk and nginx: apt-get install wrk nginx")
    from interkultur.web.export import export_site

    print(f"Machine: {machine()}")
    print(subprocess.run([NGINX, "-v"], capture_output=True, text=True).stderr.strip()
          + ", " + subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0].split(" [")[0])
    with tempfile.TemporaryDirectory(prefix="ik-static-bench-") as tmp:
        work = Path(tmp)
        export = work / "srv" / "interkultur"
        export.parent.mkdir()
        export_site(export, languages=["de"])
        feed_gz = export / "de" / "feeds" / "all.ics.gz"
        size = feed_gz.stat().st_size
        (export / "same-size.bin").write_bytes(os.urandom(size))
        port = free_port()
        main_conf = nginx_conf(work, export, port)
        proc = subprocess.Popen([NGINX, "-p", str(work), "-c", str(main_conf), "-g", "daemon off;"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"https://{HOST}:{port}"
        try:
            wait_for(base + "/same-size.bin", proc)
            targets = {"feed": base + "/de/feeds/all.ics", "file": base + "/same-size.bin"}
            rates: dict[str, list[float]] = {"feed": [], "file": []}
            ratios, errors = [], 0
            for number in range(args.rounds):
                order = list(targets) if number % 2 == 0 else list(reversed(targets))
                figures = {name: wrk(targets[name], args.seconds, args.connections, args.threads)
                           for name in order}
                for name, figure in figures.items():
                    rates[name].append(figure["rps"])
                    errors += int(figure["errors"])
                ratios.append(figures["feed"]["rps"] / figures["file"]["rps"])
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    plain = (feed_gz.with_suffix("")).name
    print(f"\nnginx-static.conf, 1 worker, TLS, keep-alive; wrk -t{args.threads} -c{args.connections} "
          f"-d{args.seconds:g}s, Accept-Encoding: gzip; {args.rounds} rounds")
    print(f"  {'':<44} {'req/s':>10} {'ratio':>7}  goal")
    print(f"  {'same-size.bin (' + str(size) + ' bytes, plain)':<44} {statistics.median(rates['file']):>10.0f}")
    print(f"  {'/de/feeds/' + plain + ' (gzip_static, ' + str(size) + ' bytes)':<44} "
          f"{statistics.median(rates['feed']):>10.0f} {statistics.median(ratios):>7.2f}  ≥ {GOAL} — "
          f"{'met' if statistics.median(ratios) >= GOAL else 'not met'}")
    print(f"  per-round ratios: {', '.join(f'{r:.2f}' for r in ratios)}; errors: {errors}")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
