#!/usr/bin/env python3
"""Interrupt benchmark: the kernel process's CPU after a busy loop is interrupted. Prints JSON.

    bench_interrupt.py --kernel NAME [--kernel OTHER ...] [--rounds 4] [--interrupts 2] [--settle 0] [--after 5]

Per round and kernel (kernels interleaved, so a noisy machine spreads over all of them alike): a
fresh kernel runs `long n = 0; while (true) { n++; }` for --loop seconds, is interrupted, and the
kernel process's CPU seconds (utime+stime from /proc) are read over the --after seconds that follow
the reply, in one-second slices; then the same again (--interrupts per kernel). With --settle S the
fresh kernel idles S seconds before its first loop, which tells the kernel's own start-up tail (work
JShell does in the background after start) from what the interrupt leaves behind. The threads that
used the most CPU in that window are named (the JVM names its JIT and GC threads), so a remedy can
aim at the right one. The summary gives, per kernel, the range and median of the CPU seconds.
"""
import argparse
import json
import os
import statistics
import subprocess
import time

from jupyter_client.manager import start_new_kernel

LOOP = "long n = 0; while (true) { n++; }"
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def thread_cpu(pid):
    """CPU seconds of each thread, by thread name (threads of one name are summed)."""
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                text = f.read()
        except FileNotFoundError:
            continue  # the thread ended meanwhile
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text.rsplit(")", 1)[1].split()
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / TICK
    return out


def reply_to(kc, msg_id, timeout):
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]


def one_interrupt(km, kc, pid, loop_s, after_s):
    msg_id = kc.execute(LOOP)
    time.sleep(loop_s)
    t = time.perf_counter()
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id, 30)
    reply_s = time.perf_counter() - t
    if reply.get("ename") != "Interrupted":
        raise SystemExit(f"the loop did not end as interrupted: {reply}")
    threads0 = thread_cpu(pid)
    slices = []
    for _ in range(int(after_s)):
        c = cpu_seconds(pid)
        time.sleep(1.0)
        slices.append(round(cpu_seconds(pid) - c, 2))
    threads1 = thread_cpu(pid)
    busy = {n: round(threads1[n] - threads0.get(n, 0.0), 2) for n in threads1}
    busiest = dict(sorted(((n, s) for n, s in busy.items() if s > 0), key=lambda kv: -kv[1])[:4])
    return {"reply_s": round(reply_s, 3), "cpu_s": round(sum(slices), 2), "per_second": slices,
            "busiest_threads": busiest}


def one_kernel(name, interrupts, loop_s, after_s, settle_s):
    # the kernel's own output (JVM warnings, its log) must not mix with the JSON on stdout
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=120,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # the kernel's JVM: with a kernelspec installed with --warm it is a spare's, not the launched one
        out = []
        kc.execute_interactive("ProcessHandle.current().pid()", timeout=60, output_hook=out.append)
        pid = int([m["content"]["data"]["text/plain"] for m in out if m["msg_type"] == "execute_result"][0])
        time.sleep(settle_s)
        return [one_interrupt(km, kc, pid, loop_s, after_s) for _ in range(interrupts)]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", action="append", help="kernelspec name (repeat to compare, interleaved)")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--interrupts", type=int, default=2, help="interrupts per fresh kernel")
    ap.add_argument("--loop", type=float, default=2.0, help="seconds the loop runs before the interrupt")
    ap.add_argument("--settle", type=float, default=0.0,
                    help="seconds a fresh kernel idles before the first loop (0: the loop starts with the first cell)")
    ap.add_argument("--after", type=float, default=5.0, help="seconds of CPU measured after the reply")
    args = ap.parse_args()
    kernels = args.kernel or ["mlcycle"]
    runs = {k: [] for k in kernels}
    for _ in range(args.rounds):
        for k in kernels:
            runs[k].extend(one_kernel(k, args.interrupts, args.loop, args.after, args.settle))
    summary = {}
    for k, rs in runs.items():
        cpu = [r["cpu_s"] for r in rs]
        first = [r["per_second"][0] for r in rs]
        summary[k] = {"cpu_s_median": statistics.median(cpu), "cpu_s_range": [min(cpu), max(cpu)],
                      "first_second_cpu_s_range": [min(first), max(first)],
                      "reply_s_median": statistics.median(r["reply_s"] for r in rs)}
    print(json.dumps({"task": "interrupt", "after_s": args.after, "loop_s": args.loop, "settle_s": args.settle, "summary": summary,
                      "runs": runs, "env": {"cpus": os.cpu_count()}}))


if __name__ == "__main__":
    main()
