#!/usr/bin/env python3
"""plan-hardware speed: a q35 machine with 512 devices behind root ports and bridges.

The model is started once and asked `plan-hardware` for the configuration WARMUP times, then
RUNS times more, each timed from sending the encoded request to receiving the reply's line
(warm; the client's JSON encoding and decoding are left out); the median is printed. For scale, the
real QEMU 7.2 is started with the same devices on its command line (the loose configuration,
without addresses), REPEAT times, each timed from start to its `query-pci` reply; the median is
printed, and the ratio of the two medians.

Usage: bench/plan-hardware.py   (environment: RUNS, WARMUP, REPEAT, QEMU, MODEL)
"""
import json, os, socket, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QEMU = os.environ.get("QEMU", "qemu-system-x86_64")
MODEL = os.environ.get("MODEL", os.path.join(ROOT, "qemu-model"))
RUNS = int(os.environ.get("RUNS", "50"))
WARMUP = int(os.environ.get("WARMUP", "100"))
REPEAT = int(os.environ.get("REPEAT", "5"))
PORTS, PER_BRIDGE = 16, 30


def devices():
    out = []
    for p in range(PORTS):
        out.append({"driver": "pcie-root-port", "id": "rp%d" % p, "chassis": p + 1, "slot": p + 1})
        out.append({"driver": "pcie-pci-bridge", "id": "br%d" % p, "bus": "rp%d" % p})
        for n in range(PER_BRIDGE):
            out.append({"driver": "e1000", "id": "n%d_%d" % (p, n), "bus": "br%d" % p})
    return out


def option(device):
    return ",".join([device["driver"]] + ["%s=%s" % (k, v) for k, v in device.items() if k != "driver"])


class Qmp:
    def __init__(self, path, deadline=30):
        end = time.time() + deadline
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX)
                self.sock.connect(path)
                break
            except OSError:
                if time.time() > end:
                    raise
                time.sleep(0.005)
        self.file = self.sock.makefile("rw")
        self.file.readline()
        self.call("qmp_capabilities")

    def call(self, command, arguments=None):
        message = {"execute": command}
        if arguments is not None:
            message["arguments"] = arguments
        return json.loads(self.send(json.dumps(message)))

    def send(self, text):
        """Sends an encoded command and returns its reply's text, unparsed (events skipped)."""
        self.file.write(text + "\n")
        self.file.flush()
        while True:
            line = self.file.readline()
            if not line.startswith('{"event"'):
                return line


def start(argv, sock):
    return subprocess.Popen(argv + ["-display", "none", "-qmp", "unix:%s,server=on,wait=off" % sock],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    work = tempfile.mkdtemp()
    config = devices()
    sock = os.path.join(work, "model.sock")
    model = start([MODEL, "-machine", "none", "-S"], sock)
    try:
        qmp = Qmp(sock)
        arguments = {"type": "q35", "devices": config}
        reply = qmp.call("plan-hardware", arguments)
        if "return" not in reply:
            sys.exit("plan-hardware failed: %s" % reply)
        # timed from the request's bytes to the reply's: the client's own JSON work is left out
        request = json.dumps({"execute": "plan-hardware", "arguments": arguments})
        for _ in range(WARMUP):
            qmp.send(request)
        times = []
        for _ in range(RUNS):
            t = time.perf_counter()
            reply = qmp.send(request)
            times.append((time.perf_counter() - t) * 1000)
            if not reply.startswith('{"return"'):
                sys.exit("plan-hardware failed: %s" % reply[:200])
        model_ms = statistics.median(times)
        print("model plan-hardware, %d devices, warm: median %.2f ms, min %.2f ms, max %.2f ms (%d runs)"
              % (len(config), model_ms, min(times), max(times), RUNS))
    finally:
        model.kill()
    argv = [QEMU, "-machine", "q35", "-nodefaults", "-S", "-accel", "tcg"]
    for d in config:
        argv += ["-device", option(d)]
    qemu_times = []
    for i in range(REPEAT):
        sock = os.path.join(work, "qemu%d.sock" % i)
        t = time.perf_counter()
        qemu = start(argv, sock)
        try:
            reply = Qmp(sock).call("query-pci")
            qemu_times.append((time.perf_counter() - t) * 1000)
            if "return" not in reply:
                sys.exit("QEMU refused: %s" % reply)
        finally:
            qemu.kill()
            qemu.wait()
    qemu_ms = statistics.median(qemu_times)
    print("QEMU 7.2 started with the same devices, to its query-pci reply: median %.0f ms (%d runs)"
          % (qemu_ms, REPEAT))
    print("ratio model / QEMU (medians): %.4f (%.0fx faster)" % (model_ms / qemu_ms, qemu_ms / model_ms))


if __name__ == "__main__":
    main()
