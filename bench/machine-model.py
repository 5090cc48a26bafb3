#!/usr/bin/env python3
"""Machine-model speed against the real QEMU 7.2, side by side in one run.

1. Describing every x86_64 machine type: QEMU is started once per type (-nodefaults -S) and its
   board is listed (query-pci plus a qom-list of /machine/unattached and /machine/peripheral-anon),
   which is the least QEMU needs to tell the implicit devices; the model answers
   query-machine-type for the same boards (defaults false) in one session, a first time (a JVM
   that has not warmed up) and a second time; then once more for every type with and without
   defaults (twice QEMU's boards).
2. Start to QMP greeting: ./qemu-model and qemu-system-x86_64 with the same command line, from
   process start to the greeting's last byte, median of RUNS.
Prints each figure and the ratios.
"""
import json, os, socket, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QEMU = os.environ.get('QEMU', '/usr/bin/qemu-system-x86_64')
MODEL = os.path.join(ROOT, 'qemu-model')
RUNS = int(os.environ.get('RUNS', '7'))
COMMON = ['-display', 'none', '-accel', 'tcg']


class Qmp:
    def __init__(self, argv, timeout=60):
        self.dir = tempfile.mkdtemp(prefix='mmbench-')
        self.path = os.path.join(self.dir, 'qmp.sock')
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(argv + COMMON + ['-qmp', f'unix:{self.path},server=on,wait=off'],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + timeout
        while True:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                s.connect(self.path)
                break
            except OSError:
                s.close()
                if self.proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f'{argv[0]} did not listen: ' + self.proc.stderr.read().decode()[-400:])
                time.sleep(0.002)
        s.settimeout(timeout)
        self.sock, self.file = s, s.makefile('rb')
        self.greeting = json.loads(self.file.readline())
        self.greeted = time.perf_counter() - self.t0

    def cmd(self, name, args=None):
        msg = {'execute': name}
        if args is not None:
            msg['arguments'] = args
        self.sock.sendall(json.dumps(msg).encode() + b'\n')
        while True:
            reply = json.loads(self.file.readline())
            if 'event' not in reply:
                return reply

    def close(self):
        try:
            self.sock.close()
        finally:
            self.proc.kill()
            self.proc.wait(10)
            if os.path.exists(self.path):
                os.unlink(self.path)
            os.rmdir(self.dir)


def machine_types():
    q = Qmp([QEMU, '-machine', 'none', '-nodefaults', '-S'])
    try:
        q.cmd('qmp_capabilities')
        return [m['name'] for m in q.cmd('query-machines')['return']]
    finally:
        q.close()


def describe_all_qemu(types):
    t0 = time.perf_counter()
    for t in types:
        q = Qmp([QEMU, '-machine', t, '-nodefaults', '-S'])
        try:
            q.cmd('qmp_capabilities')
            q.cmd('query-pci')
            q.cmd('qom-list', {'path': '/machine/unattached'})
            q.cmd('qom-list', {'path': '/machine/peripheral-anon'})
        finally:
            q.close()
    return time.perf_counter() - t0


def describe_all_model(types):
    """One session: the time to the greeting, then the boards QEMU lists (every type, -nodefaults)
    described a first time (on a cold JVM) and a second time, then every type with and without
    defaults."""
    t0 = time.perf_counter()
    q = Qmp([MODEL, '-machine', 'none', '-nodefaults', '-S'])
    try:
        started = time.perf_counter() - t0
        q.cmd('qmp_capabilities')
        passes = []
        for variants in ((False,), (False,), (False, True)):
            t1 = time.perf_counter()
            for t in types:
                for defaults in variants:
                    r = q.cmd('query-machine-type', {'type': t, 'defaults': defaults})
                    if 'return' not in r:
                        raise RuntimeError(f'query-machine-type {t}: {r}')
            passes.append(time.perf_counter() - t1)
    finally:
        q.close()
    return started, passes[0], passes[1], passes[2]


def greeting_time(argv):
    q = Qmp(argv)
    try:
        return q.greeted
    finally:
        q.close()


def main():
    if not os.path.exists(QEMU):
        sys.exit(f'{QEMU} is not installed')
    types = machine_types()
    print(f'{len(types)} machine types')
    try:
        runs = [describe_all_model(types) for _ in range(RUNS)]
        started, first, second, both = (statistics.median(r[i] for r in runs) for i in range(4))
        qemu_all = statistics.median(describe_all_qemu(types) for _ in range(max(1, RUNS // 3)))
        print(f'describe every type (-nodefaults): QEMU {qemu_all:.2f} s (one start per type); model, in one '
              f'session: first time {first * 1000:.0f} ms ({qemu_all / first:.0f}x faster), again '
              f'{second * 1000:.0f} ms ({qemu_all / second:.0f}x); every type with and without defaults '
              f'{both * 1000:.0f} ms ({2 * qemu_all / both:.0f}x QEMU starting each board); the session\'s start '
              f'{started * 1000:.0f} ms besides (start and first pass: {qemu_all / (started + first):.0f}x)')
    except RuntimeError as e:
        print(f'describe every type: not measured, the model does not answer it: {e}')
    for line in (['-machine', 'pc', '-nodefaults', '-S'], ['-machine', 'q35', '-S', '-smp', '4', '-m', '1G']):
        # alternated, so that a change in the machine's load falls on both alike
        qemu, model = [], []
        for _ in range(RUNS):
            qemu.append(greeting_time([QEMU] + line))
            model.append(greeting_time([MODEL] + line))
        q, m = statistics.median(qemu), statistics.median(model)
        print(f'start to greeting {" ".join(line)}: QEMU median {q * 1000:.0f} ms, model median '
              f'{m * 1000:.0f} ms: ratio {m / q:.2f} (runs: QEMU {[round(x * 1000) for x in qemu]}, '
              f'model {[round(x * 1000) for x in model]})')


if __name__ == '__main__':
    main()
