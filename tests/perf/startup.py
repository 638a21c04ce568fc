#!/usr/bin/env python3
"""Start-up of the portal on SQLite (issue 14), measured alone and repeated — what tests/perf/run.sh
measures once: a fresh data folder to the first 200 of /cuenta/ingresar (migrations and the demo
seed included), then a start on that existing database. Prints, per start, the wall time and the
CPU seconds the process used until then (user + system, from /proc: steadier than wall time when
other work shares the machine), and the medians.

    python3 tests/perf/startup.py --app <published ProgramaInnovacion.Web.dll> [--runs 5] [--port 5600]
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # tests/perf/__pycache__ is tracked: leave it as the benchmark wrote it
sys.path.insert(0, os.path.dirname(__file__))
from perf import Portal  # noqa: E402


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_start(portal, extra=()):
    wall = portal.start(extra)
    cpu = cpu_seconds(portal.process.pid)
    portal.stop()
    return wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=5600)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="startup-")
    args.work = work
    cold, warm = [], []
    try:
        for run in range(args.runs):
            data = os.path.join(work, f"run{run}")
            os.makedirs(data)
            portal = Portal(args, "Sqlite", f"Data Source={os.path.join(data, 'perf.db')}", data, args.port)
            cold.append(timed_start(portal, ["--Seed:Demo=true"]))
            warm.append(timed_start(portal))
            load = open("/proc/loadavg").read().split()[0]
            print(f"run {run + 1}: cold {cold[-1][0]:.2f} s (cpu {cold[-1][1]:.2f} s), existing {warm[-1][0]:.2f} s (cpu {warm[-1][1]:.2f} s); load {load}", flush=True)
        median = lambda xs, i: statistics.median(x[i] for x in xs)
        print(f"median: cold {median(cold, 0):.2f} s (cpu {median(cold, 1):.2f} s), existing {median(warm, 0):.2f} s (cpu {median(warm, 1):.2f} s)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
