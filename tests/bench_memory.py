#!/usr/bin/env python3
"""Memory benchmark: the kernel's heap after a full GC once 100 and once N cells have run, beside
a bare JShell given the same cells in the same JVM setup (JShellMemoryFloor). Prints JSON.

    bench_memory.py --kernel NAME [--cells 1000] [--first 100]

The cells repeat a declaration, a string and an expression (names cycle over 50), as a notebook
session does. JShell keeps every snippet it was given, so both grow; the difference is the kernel's.
"""
import argparse
import json
import subprocess

from jupyter_client.manager import start_new_kernel

from bench_kernel import kernelspec_argv, rss_mib

HEAP = ("for (int i = 0; i < 3; i++) { System.gc(); Thread.sleep(50); }\n"
        "java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0")


def cells(n):
    return [f"int v{n % 50} = {n};", f'String s{n % 50} = "x".repeat({n});', f"v{n % 50} + {n}"]


def kernel_run(name, first, total):
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=120)
    quiet = lambda msg: None
    out = {}
    done = 0
    n = 1
    while done < total:
        for code in cells(n):
            kc.execute_interactive(code, timeout=120, output_hook=quiet)
            done += 1
            if done in (first, total):
                value = []
                kc.execute_interactive(HEAP, timeout=120, store_history=False,
                                       output_hook=lambda m: value.append(m["content"]) if m["msg_type"] == "execute_result" else None)
                out[done] = {"heap_mib": round(float(value[0]["data"]["text/plain"]), 1),
                             "rss_mib": round(rss_mib(km.provisioner.process.pid), 1)}
        n += 1
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return out


def floor_run(java_argv, first, total):
    done = subprocess.run(java_argv + ["org.mlcycle.kernel.launch.JShellMemoryFloor", str(first), str(total)],
                          capture_output=True, text=True, timeout=3600, check=True)
    return {int(p[1]): {"heap_mib": float(p[2])} for p in (line.split() for line in done.stdout.splitlines())
            if p and p[0] == "heap_mib"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="mlcycle")
    ap.add_argument("--cells", type=int, default=1000)
    ap.add_argument("--first", type=int, default=100)
    args = ap.parse_args()
    kernel = kernel_run(args.kernel, args.first, args.cells)
    floor = floor_run(kernelspec_argv(args.kernel), args.first, args.cells)
    growth = lambda r: round(r[args.cells]["heap_mib"] / r[args.first]["heap_mib"], 3)
    print(json.dumps({"task": "memory", "cells": args.cells, "first": args.first,
                      "kernel": kernel, "kernel_growth": growth(kernel),
                      "jshell_floor": floor, "floor_growth": growth(floor),
                      "kernel_mib_per_1000_cells": round((kernel[args.cells]["heap_mib"] - kernel[args.first]["heap_mib"]) * 1000 / (args.cells - args.first), 1),
                      "floor_mib_per_1000_cells": round((floor[args.cells]["heap_mib"] - floor[args.first]["heap_mib"]) * 1000 / (args.cells - args.first), 1)}))


if __name__ == "__main__":
    main()
