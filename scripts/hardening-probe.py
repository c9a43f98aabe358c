#!/usr/bin/env python3
"""Probes of issue 14 against a build of kinerjad: what a client, a roster or a hook can do
to the daemon. Each probe starts its own daemon on a scratch directory and prints its
figures; --json writes them all.

    scripts/hardening-probe.py --bin .build/release [--unit systemd/kinerjad.service] [--config FILE] [--only NAME]

Probes:
  slow-reader   1,000 pipelined ListPeople on a 2,000-position district, never read:
                RSS before, peak, 70 s later, after the client closes; whether the
                daemon dropped the connection
  connections   1,100 connections held open while reminders fire at 07:00, under the
                unit's LimitNOFILE (systemd's soft default 1,024 when the unit sets none):
                connections served, the daemon's open descriptors, reminders recorded
                fired, hook deliveries recorded and hook runs
  preview       PreviewReminders over 100 years of the example district: reply bytes or
                the error, seconds, RSS after, a GetStatus answered meanwhile
  hook-children a hook that leaves a child (`sleep 300 &`) and exits 0, for each reminder:
                children still running once every delivery is recorded
  memory-ceiling  what a district's daemon can be made to hold (MemoryMax=, TasksMax=)
  big-import    a 1,000,000-row roster uploaded in 512 KiB pieces and imported: each piece's
                time (first and last five), the import's outcome, RSS peak and 10 s after
"""
import argparse
import json
import os
import re
import resource
import select
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The configuration the daemons start from (--config): the checkout's, or an older build's own.
CONFIG = ROOT + "/config/kinerja.toml"


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def running(pid):
    """True for a process that exists and is not a zombie (an orphan killed in a container
    whose init does not reap stays a zombie)."""
    try:
        state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def fd_count(pid):
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return -1


def nofile_of_unit(unit):
    """The unit's LimitNOFILE= soft value, else systemd's default soft limit (1024)."""
    text = open(unit).read() if unit and os.path.exists(unit) else ""
    found = re.findall(r"^LimitNOFILE=(\S+)", text, re.M)
    # The hard limit stays this machine's own: raising it needs CAP_SYS_RESOURCE.
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    if not found:
        return f"1024:{hard}", "systemd default soft limit (no LimitNOFILE=)"
    value = found[-1]
    soft = value.partition(":")[0]
    return f"{soft}:{hard}", f"LimitNOFILE={value}"


class Varlink:
    def __init__(self, path, timeout=30):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.buffer = b""

    def call(self, method, parameters=None):
        message = {"method": method}
        if parameters is not None:
            message["parameters"] = parameters
        self.sock.sendall(json.dumps(message).encode() + b"\0")
        return self.receive()

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise ConnectionError("closed")
            self.buffer += chunk
        frame, _, self.buffer = self.buffer.partition(b"\0")
        return frame

    def close(self):
        self.sock.close()


class Daemon:
    def __init__(self, bin_dir, clock_start, nofile=None, hooks=None, config_extra=""):
        self.bin = bin_dir
        self.dir = tempfile.mkdtemp(prefix="kinerja-probe-")
        self.state = self.dir + "/state"
        self.socket = self.dir + "/k.sock"
        self.hooks = self.dir + "/hooks.d"
        os.makedirs(self.hooks)
        os.chmod(self.dir, 0o755)
        for name, script in (hooks or {}).items():
            path = f"{self.hooks}/{name}"
            with open(path, "w") as f:
                f.write(script)
            os.chmod(path, 0o755)
        self.config = self.dir + "/kinerja.toml"
        shipped = open(CONFIG).read()
        shipped = re.sub(r'^rules_directory = .*$', f'rules_directory = "{ROOT}/config/rules"', shipped, flags=re.M)
        shipped = re.sub(r'^hooks_directory = .*$', f'hooks_directory = "{self.hooks}"', shipped, flags=re.M)
        with open(self.config, "w") as f:
            f.write(shipped + config_extra)
        self.clock_start = clock_start
        self.nofile = nofile
        self.process = None

    def start(self):
        notify_path = self.dir + "/notify.sock"
        if os.path.exists(notify_path):
            os.unlink(notify_path)
        notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        notify.bind(notify_path)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LISTEN_", "NOTIFY_", "WATCHDOG_"))}
        env["NOTIFY_SOCKET"] = notify_path
        command = [self.bin + "/kinerjad", "--config", self.config, "--state-dir", self.state, "--socket", self.socket,
                   "--clock-start", self.clock_start]
        if self.nofile:
            command = ["prlimit", f"--nofile={self.nofile}", "--"] + command
        self.log = open(self.dir + "/kinerjad.log", "a")
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=self.log)
        notify.settimeout(30)
        while True:
            data = notify.recv(4096).decode()
            if "READY=1" in data:
                break
        notify.close()
        self.pid = self.process.pid
        # Under prlimit the daemon is prlimit's exec'd image: same pid.
        return self

    def ctl(self, *arguments, check=True):
        result = subprocess.run([self.bin + "/kinerjactl", "--socket", self.socket, *arguments],
                                capture_output=True, text=True, env={**os.environ, "KINERJA_LANG": "en"})
        if check and result.returncode != 0:
            raise RuntimeError(f"kinerjactl {arguments}: {result.returncode} {result.stderr}")
        return result

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def nip(index):
    birth = 1965 + index % 25
    month, day = 1 + index % 12, 1 + index % 28
    serial = 1 + (index // 300) % 999
    return "%04d%02d%02d%04d%02d%d%03d" % (birth, month, day, birth + 25, month, 1 + index % 2, serial)


def district_csv(rows):
    kadis = "196808141994031005"
    out = ["id,kepegawaian,nama,peran,jabatan,npsn,nama_sekolah,atasan_id,tim_kinerja,pejabat_penilai_id,sekolah_binaan"]
    for i in range(rows):
        if i % 10 == 9:
            out.append(f"{nip(i)},pns,Pengawas {i},pengawas_sekolah,,,,{kadis},,{kadis},")
        else:
            out.append(f"{nip(i)},pns,Kepala Sekolah {i},kepala_sekolah,definitif,2{i:07d},Sekolah {i},{kadis},,{kadis},")
    return "\n".join(out) + "\n"


def probe_slow_reader(args):
    daemon = Daemon(args.bin, "2026-11-25T08:00:00+07:00")
    try:
        daemon.start()
        roster = daemon.dir + "/district.csv"
        with open(roster, "w") as f:
            f.write(district_csv(2000))
        daemon.ctl("import", "roster", roster)
        one = Varlink(daemon.socket)
        reply_bytes = len(one.call("id.kinerja.Kinerja.ListPeople", {}))
        one.close()
        time.sleep(1)
        before = rss_kib(daemon.pid)
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.connect(daemon.socket)
        client.setblocking(False)
        payload = (json.dumps({"method": "id.kinerja.Kinerja.ListPeople", "parameters": {}}).encode() + b"\0") * 1000
        sent, deadline = 0, time.time() + 10
        while sent < len(payload) and time.time() < deadline:
            try:
                sent += client.send(payload[sent:])
            except BlockingIOError:
                time.sleep(0.01)
            except OSError:
                break
        peak, samples, dropped_at = before, [], None
        poller = select.poll()
        poller.register(client, select.POLLRDHUP | select.POLLHUP | select.POLLERR)
        start = time.time()
        while time.time() - start < 70:
            time.sleep(1)
            if not daemon.alive():
                break
            rss = rss_kib(daemon.pid)
            samples.append(rss)
            peak = max(peak, rss)
            if dropped_at is None and poller.poll(0):
                dropped_at = round(time.time() - start, 1)
        at70 = rss_kib(daemon.pid) if daemon.alive() else None
        client.close()
        time.sleep(5)
        after = rss_kib(daemon.pid) if daemon.alive() else None
        status_ok = False
        try:
            check = Varlink(daemon.socket)
            status_ok = b'"status"' in check.call("id.kinerja.Kinerja.GetStatus", {})
            check.close()
        except OSError:
            pass
        return {
            "listPeopleReplyBytes": reply_bytes, "callsSentBytes": sent, "callsSent": sent // (len(payload) // 1000),
            "rssBeforeMiB": round(before / 1024, 1), "rssPeakMiB": round(peak / 1024, 1),
            "rssAt70sMiB": at70 and round(at70 / 1024, 1), "rssAfterCloseMiB": after and round(after / 1024, 1),
            "connectionDroppedAfterSeconds": dropped_at, "daemonAlive": daemon.alive(), "servesAfter": status_ok,
        }
    finally:
        daemon.cleanup()


HOOK_APPEND = """#!/bin/sh
cat >> "$KINERJA_STATE_DIRECTORY/hook-runs.log"
"""


def probe_connections(args):
    nofile, nofile_source = nofile_of_unit(args.unit)
    # The generated district: every principal's first step is long overdue on 26 November.
    daemon = Daemon(args.bin, "2026-11-26T06:59:30+07:00", nofile=nofile, hooks={"50-append": HOOK_APPEND})
    try:
        daemon.start()
        roster = daemon.dir + "/district.csv"
        with open(roster, "w") as f:
            f.write(district_csv(200))
        daemon.ctl("import", "roster", roster)
        daemon.ctl("import", "roster", ROOT + "/config/examples/roster.csv")
        daemon.ctl("import", "progress", ROOT + "/config/examples/progress.csv")
        expected = json.loads(daemon.ctl("reminders", "preview", "--from", "2026-11-26", "--to", "2026-11-26", "--json").stdout)
        expected = [r for r in expected if r["fireAt"].startswith("2026-11-26T07:00")]
        fds_idle = fd_count(daemon.pid)
        sockets, refused = [], 0
        for _ in range(1100):
            # A full listen backlog answers EAGAIN at once: retry for up to 2 s, as a
            # blocking client would wait.
            s, deadline = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM), time.time() + 2
            while True:
                try:
                    s.connect(daemon.socket)
                    sockets.append(s)
                    break
                except BlockingIOError:
                    if time.time() > deadline:
                        refused += 1
                        s.close()
                        break
                    time.sleep(0.005)
                except OSError:
                    refused += 1
                    s.close()
                    break
        time.sleep(1)
        fds_held = fd_count(daemon.pid)
        served = 0
        call = json.dumps({"method": "org.varlink.service.GetInfo"}).encode() + b"\0"
        for s in sockets:
            try:
                s.sendall(call)
            except OSError:
                pass
        deadline = time.time() + 10
        pending = set(range(len(sockets)))
        while pending and time.time() < deadline:
            for i in list(pending):
                s = sockets[i]
                s.settimeout(0.001)
                try:
                    data = s.recv(4096)
                    pending.discard(i)
                    if data:
                        served += 1
                except socket.timeout:
                    pass
                except OSError:
                    pending.discard(i)
        # Hold every connection across 07:00 (the daemon's clock started at 06:59:30).
        time.sleep(max(0, 45 - 0))
        fds_at_fire = fd_count(daemon.pid)
        for s in sockets:
            s.close()
        time.sleep(args.hook_wait)
        alive = daemon.alive()
        daemon.stop()
        db = sqlite3.connect(daemon.state + "/kinerja.sqlite")
        fired = db.execute("SELECT count(*) FROM reminder_log WHERE state = 'fired'").fetchone()[0]
        deliveries = db.execute("SELECT count(*) FROM hook_delivery").fetchone()[0]
        delivered = db.execute("SELECT count(*) FROM hook_delivery WHERE state = 'delivered'").fetchone()[0]
        db.close()
        runs_path = daemon.state + "/hook-runs.log"
        runs = sum(1 for _ in open(runs_path)) if os.path.exists(runs_path) else 0
        return {
            "nofile": nofile, "nofileSource": nofile_source, "connectionsOpened": len(sockets), "connectRefused": refused,
            "connectionsServed": served, "fdsIdle": fds_idle, "fdsHeld": fds_held, "fdsAtFire": fds_at_fire,
            "remindersExpectedAt0700": len(expected), "remindersRecordedFired": fired, "deliveriesRecorded": deliveries,
            "deliveriesDelivered": delivered, "hookRuns": runs, "daemonAlive": alive,
        }
    finally:
        daemon.cleanup()


def probe_preview(args):
    daemon = Daemon(args.bin, "2026-11-25T08:00:00+07:00")
    try:
        daemon.start()
        daemon.ctl("import", "roster", ROOT + "/config/examples/roster.csv")
        daemon.ctl("import", "progress", ROOT + "/config/examples/progress.csv")
        before = rss_kib(daemon.pid)
        status_latency = []
        stop = threading.Event()

        def poll_status():
            try:
                c = Varlink(daemon.socket, timeout=60)
                while not stop.is_set():
                    t = time.time()
                    c.call("id.kinerja.Kinerja.GetStatus", {})
                    status_latency.append(time.time() - t)
                    time.sleep(0.05)
                c.close()
            except OSError:
                pass

        poller = threading.Thread(target=poll_status)
        poller.start()
        client = Varlink(daemon.socket, timeout=600)
        start = time.time()
        reply = client.call("id.kinerja.Kinerja.PreviewReminders", {"from": "2026-11-25", "to": "2126-11-25"})
        seconds = time.time() - start
        stop.set()
        poller.join()
        client.close()
        time.sleep(2)
        after = rss_kib(daemon.pid)
        error = json.loads(reply).get("error")
        return {
            "replyBytes": len(reply), "error": error, "seconds": round(seconds, 2),
            "rssBeforeMiB": round(before / 1024, 1), "rssAfterMiB": round(after / 1024, 1),
            "getStatusMaxSeconds": round(max(status_latency), 3) if status_latency else None,
            "daemonAlive": daemon.alive(),
        }
    finally:
        daemon.cleanup()


HOOK_CHILD = """#!/bin/sh
cat > /dev/null
sleep 300 &
echo $! >> "$KINERJA_STATE_DIRECTORY/children.pids"
exit 0
"""


def probe_hook_children(args):
    daemon = Daemon(args.bin, "2026-11-26T06:59:50+07:00", hooks={"50-child": HOOK_CHILD})
    try:
        daemon.start()
        daemon.ctl("import", "roster", ROOT + "/config/examples/roster.csv")
        daemon.ctl("import", "progress", ROOT + "/config/examples/progress.csv")
        deadline = time.time() + 60
        deliveries = []
        while time.time() < deadline:
            deliveries = json.loads(daemon.ctl("reminders", "deliveries", "--json").stdout)
            if deliveries and all(d["state"] in ("delivered", "failed") for d in deliveries):
                break
            time.sleep(1)
        time.sleep(1)
        pids_path = daemon.state + "/children.pids"
        pids = [int(p) for p in open(pids_path).read().split()] if os.path.exists(pids_path) else []
        alive = [p for p in pids if running(p)]
        for p in alive:
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
        return {"deliveries": len(deliveries), "delivered": sum(d["state"] == "delivered" for d in deliveries),
                "childrenStarted": len(pids), "childrenLeft": len(alive)}
    finally:
        daemon.cleanup()


def probe_big_import(args):
    daemon = Daemon(args.bin, "2026-11-25T08:00:00+07:00")
    try:
        daemon.start()
        text = "id,kepegawaian,nama,peran\n" + "".join(f"X{i:07d},non_asn,N{i},pengawas_sekolah\n" for i in range(1_000_000))
        client = Varlink(daemon.socket, timeout=3600)
        upload = json.loads(client.call("id.kinerja.Kinerja.UploadBegin", {}))["parameters"]["upload"]
        chunk_ms, refused = [], None
        data = text.encode()
        for offset in range(0, len(data), 512 * 1024):
            piece = data[offset:offset + 512 * 1024].decode()
            start = time.time()
            reply = json.loads(client.call("id.kinerja.Kinerja.UploadChunk", {"upload": upload, "chunk": piece}))
            chunk_ms.append((time.time() - start) * 1000)
            if "error" in reply:
                refused = reply
                break
        peak = [rss_kib(daemon.pid)]
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                peak[0] = max(peak[0], rss_kib(daemon.pid))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample)
        sampler.start()
        start = time.time()
        reply = refused or json.loads(client.call("id.kinerja.Kinerja.ImportRoster", {"upload": upload}))
        seconds = time.time() - start
        stop.set()
        sampler.join()
        time.sleep(10)
        after = rss_kib(daemon.pid)
        result = reply.get("error") or {k: reply["parameters"]["result"][k] for k in ("rows", "applied", "added")}
        if reply.get("error"):
            result = {"error": reply["error"], "parameters": str(reply.get("parameters"))[:200]}
        return {"fileBytes": len(data), "chunks": len(chunk_ms), "firstChunksMs": round(sum(chunk_ms[:5]) / 5, 2),
                "lastChunksMs": round(sum(chunk_ms[-5:]) / 5, 2), "importSeconds": round(seconds, 1), "result": result,
                "rssPeakMiB": round(peak[0] / 1024, 1), "rssAfterMiB": round(after / 1024, 1), "daemonAlive": daemon.alive()}
    finally:
        daemon.cleanup()


def probe_memory_ceiling(args):
    """What a district's daemon can be made to hold at most: a 2,000-position district imported,
    then at once 300 clients each leaving a ListPeople reply unread (the output budget), 8 clients
    previewing two months (the longest preview), 2 uploads of 60 MiB and a re-import; RSS peak, and 10 s later.
    The threads (and hook processes) at most, for TasksMax=."""
    daemon = Daemon(args.bin, "2026-11-25T08:00:00+07:00", nofile="1280:1280")
    try:
        daemon.start()
        roster = daemon.dir + "/district.csv"
        with open(roster, "w") as f:
            f.write(district_csv(2000))
        peak, tasks = [rss_kib(daemon.pid)], [0]
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                peak[0] = max(peak[0], rss_kib(daemon.pid))
                try:
                    tasks[0] = max(tasks[0], len(os.listdir(f"/proc/{daemon.pid}/task")))
                except OSError:
                    pass
                time.sleep(0.1)

        sampler = threading.Thread(target=sample)
        sampler.start()
        daemon.ctl("import", "roster", roster)
        imported = peak[0]
        readers = []
        call = json.dumps({"method": "id.kinerja.Kinerja.ListPeople", "parameters": {}}).encode() + b"\0"
        for _ in range(300):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(daemon.socket)
            s.sendall(call)
            readers.append(s)

        def preview():
            try:
                c = Varlink(daemon.socket, timeout=120)
                c.call("id.kinerja.Kinerja.PreviewReminders", {"from": "2026-12-01", "to": "2027-01-31"})
                c.close()
            except OSError:
                pass

        def upload():
            try:
                c = Varlink(daemon.socket, timeout=120)
                u = json.loads(c.call("id.kinerja.Kinerja.UploadBegin", {}))["parameters"]["upload"]
                piece = "x" * (512 * 1024)
                for _ in range(120):
                    c.call("id.kinerja.Kinerja.UploadChunk", {"upload": u, "chunk": piece})
                c.close()
            except OSError:
                pass

        workers = [threading.Thread(target=preview) for _ in range(8)] + [threading.Thread(target=upload) for _ in range(2)]
        workers.append(threading.Thread(target=lambda: daemon.ctl("import", "roster", roster, check=False)))
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        time.sleep(3)
        dropped = 0
        for s in readers:
            s.setblocking(False)
            try:
                if s.recv(1, socket.MSG_PEEK) == b"":
                    dropped += 1
            except BlockingIOError:
                pass
            except OSError:
                dropped += 1
        held = rss_kib(daemon.pid)
        for s in readers:
            s.close()
        time.sleep(10)
        stop.set()
        sampler.join()
        return {"rssAfterImportMiB": round(imported / 1024, 1), "rssPeakMiB": round(peak[0] / 1024, 1),
                "rssWhileHeldMiB": round(held / 1024, 1), "rssAfterMiB": round(rss_kib(daemon.pid) / 1024, 1),
                "readersDropped": dropped, "threadsPeak": tasks[0], "daemonAlive": daemon.alive()}
    finally:
        daemon.cleanup()


PROBES = {"slow-reader": probe_slow_reader, "connections": probe_connections, "preview": probe_preview,
          "hook-children": probe_hook_children, "big-import": probe_big_import,
          "memory-ceiling": probe_memory_ceiling}


def main():
    global CONFIG
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=ROOT + "/.build/release")
    parser.add_argument("--unit", default=ROOT + "/systemd/kinerjad.service")
    parser.add_argument("--only", action="append", choices=sorted(PROBES))
    parser.add_argument("--hook-wait", type=float, default=15)
    parser.add_argument("--json")
    parser.add_argument("--config", help="kinerja.toml to start from (an older build refuses newer keys)")
    args = parser.parse_args()
    CONFIG = args.config or CONFIG
    results = {}
    for name in args.only or list(PROBES):
        print(f"probe {name} ...", file=sys.stderr, flush=True)
        try:
            results[name] = PROBES[name](args)
        except Exception as error:  # a probe that breaks says so and the others still run
            results[name] = {"probeFailed": repr(error)}
        print(f"{name}: {json.dumps(results[name])}", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
