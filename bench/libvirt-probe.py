#!/usr/bin/env python3
"""libvirt's probe of an emulator: `virsh domcapabilities` on an empty capability cache, the model
against the real QEMU 7.2, side by side in one run.

Each run makes fresh embedded-driver roots (so libvirt probes afresh: it starts the emulator with
-daemonize, sends its QMP probe, and writes its cache), then times virsh for the real binary and
for the model, alternately. The medians and their ratio are printed. On a machine without KVM
libvirt probes once (TCG); with KVM it probes twice, as the issue describes.

Usage: bench/libvirt-probe.py   (environment: RUNS, ARCH, MACHINE, QEMU, MODEL)
Needs: virsh (libvirt-clients, libvirt-daemon-driver-qemu) and the libvirt-qemu user (.ci/run).
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(os.environ.get("RUNS", "7"))
ARCH = os.environ.get("ARCH", "x86_64")
MACHINE = os.environ.get("MACHINE", "q35")
QEMU = os.environ.get("QEMU", "/usr/bin/qemu-system-" + ARCH)
MODEL = os.environ.get("MODEL", os.path.join(ROOT, "qemu-model" if ARCH == "x86_64" else "qemu-model-" + ARCH))


def probe(emulator, base):
    root = tempfile.mkdtemp(dir=base)
    os.makedirs(os.path.join(root, "etc"))
    with open(os.path.join(root, "etc", "qemu.conf"), "w") as conf:
        conf.write('stdio_handler = "file"\n')
    start = time.perf_counter()
    done = subprocess.run(["virsh", "-c", "qemu:///embed?root=" + root, "domcapabilities", "--emulatorbin", emulator,
                           "--arch", ARCH, "--virttype", "qemu", "--machine", MACHINE],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit("virsh failed for %s: %s" % (emulator, done.stderr.decode()[-500:]))
    shutil.rmtree(root, ignore_errors=True)
    return elapsed


def main():
    if shutil.which("virsh") is None:
        sys.exit("virsh is not installed (apt-get install --no-install-recommends libvirt-daemon-driver-qemu libvirt-clients)")
    base = tempfile.mkdtemp(prefix="libvirt-probe-")
    probe(MODEL, base)  # the launcher records its class-data archive on its first run after a build
    real, model = [], []
    for _ in range(RUNS):
        real.append(probe(QEMU, base))
        model.append(probe(MODEL, base))
    shutil.rmtree(base, ignore_errors=True)
    r, m = statistics.median(real), statistics.median(model)
    print("virsh domcapabilities (%s, %s), empty cache, %d runs each" % (ARCH, MACHINE, RUNS))
    print("real QEMU 7.2: median %.0f ms (min %.0f, max %.0f)" % (r * 1000, min(real) * 1000, max(real) * 1000))
    print("qemu-model:    median %.0f ms (min %.0f, max %.0f)" % (m * 1000, min(model) * 1000, max(model) * 1000))
    print("ratio model / QEMU (medians): %.2f" % (m / r))


if __name__ == "__main__":
    main()
