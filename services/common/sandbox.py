"""Untrusted Python (a program a model wrote) run where it can do no harm.

The program runs in a fresh temporary folder inside bubblewrap (``bwrap``) namespaces:
no network (an empty network namespace), no view of other processes (its own PID
namespace), a root file system that holds only the Python installation and system
libraries, read-only, and the temporary folder as the one writable place. It runs as a
throwaway user id with no capabilities and no way to gain any, and with hard limits on
memory, CPU time, file size and processes (none: it cannot start a program or a thread).

Where bubblewrap cannot run (not Linux, not installed, no user namespaces, as on
Streamlit Community Cloud) ``unavailable()`` says why and nothing runs.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from services.common.errors import UserError

WORKDIR = "/sandbox"  # where the temporary folder appears inside
SYSTEM_DIRS = ("/usr", "/lib", "/lib64", "/lib32", "/bin")  # what the interpreter may need, read-only
# run first inside: no new processes or threads from here on; the hard limit cannot be raised back
PROLOGUE = "import resource; resource.setrlimit(resource.RLIMIT_NPROC, (0, 0)); del resource\n"


@dataclass
class Completed:
    returncode: int
    stdout: str
    stderr: str


def unavailable() -> str | None:
    """None when programs can be sandboxed here, else the translation key saying why not."""
    return _probe()


def run_python(
    source: str,
    args: tuple[str, ...] = (),
    files: dict[str, str] | None = None,
    timeout_s: float = 5.0,
    memory_mb: int = 256,
) -> Completed:
    """Run ``source`` with ``args`` in the sandbox; ``files`` are written into its folder first.

    Raises ``UserError("sandbox.timeout")`` past ``timeout_s`` and ``UserError(<reason>)``
    where no sandbox is available."""
    reason = unavailable()
    if reason:
        raise UserError(reason)
    with tempfile.TemporaryDirectory(prefix="genlab-sandbox-") as folder:
        for name, text in (files or {}).items():
            with open(os.path.join(folder, os.path.basename(name)), "w", encoding="utf-8") as f:
                f.write(text)
        command, uid = _command(folder, [sys.executable, "-I", "-c", PROLOGUE + source, *args])
        if uid is not None:
            os.chown(folder, uid, uid)
        try:
            proc = subprocess.run(
                [*_limits(timeout_s, memory_mb), *command],
                capture_output=True,
                text=True,
                timeout=timeout_s,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        except subprocess.TimeoutExpired:
            raise UserError("sandbox.timeout", seconds=timeout_s) from None
    return Completed(proc.returncode, proc.stdout, proc.stderr)


def _command(folder: str, program: list[str]) -> tuple[list[str], int | None]:
    """The bwrap command line, and the user id the program runs as when the server is root."""
    python = os.path.realpath(program[0])
    command = ["bwrap", "--die-with-parent", "--new-session", "--unshare-net", "--unshare-pid"]
    command += ["--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]
    for parent in reversed(Path(sys.base_prefix).parents[:-1]):  # e.g. /root/.pyenv: passable, not listable
        command += ["--perms", "0711", "--dir", str(parent)]
    for path in (*SYSTEM_DIRS, sys.base_prefix):
        if os.path.islink(path):
            command += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            command += ["--ro-bind", path, path]
    command += ["--proc", "/proc", "--dev", "/dev", "--bind", folder, WORKDIR, "--chdir", WORKDIR]
    command += ["--clearenv", "--setenv", "HOME", WORKDIR, "--setenv", "PYTHONIOENCODING", "utf-8"]
    for threads in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # numpy starts none
        command += ["--setenv", threads, "1"]
    if os.geteuid() != 0:  # an unprivileged server: a user namespace gives the same walls
        return [*command, "--unshare-user", "--cap-drop", "ALL", python, *program[1:]], None
    # as root: drop to a user id of its own, with no capabilities and no way back
    uid = 200_000 + secrets.randbelow(100_000)
    setpriv = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--no-new-privs"]
    setpriv += ["--inh-caps=-all", "--bounding-set=-all"]
    return [*command, *setpriv, python, *program[1:]], uid


def _limits(timeout_s: float, memory_mb: int) -> list[str]:
    """Hard limits on CPU seconds, memory, file size and core dumps, passed on to the program
    (``prlimit`` rather than a ``preexec_fn``, which is unsafe in a server with threads)."""
    memory = memory_mb << 20
    return [
        "prlimit",
        f"--cpu={int(timeout_s) + 1}",
        f"--as={memory}",
        f"--fsize={16 << 20}",
        "--core=0",
        "--",
    ]


@cache
def _probe() -> str | None:
    """Try the sandbox once per process with a program that must print 2."""
    if not sys.platform.startswith("linux"):
        return "sandbox.not_linux"
    if not all(shutil.which(tool) for tool in ("bwrap", "setpriv", "prlimit")):
        return "sandbox.no_bwrap"
    with tempfile.TemporaryDirectory(prefix="genlab-sandbox-") as folder:
        command, uid = _command(folder, [sys.executable, "-I", "-S", "-c", PROLOGUE + "print(1 + 1)"])
        if uid is not None:
            os.chown(folder, uid, uid)
        try:
            proc = subprocess.run([*_limits(20, 256), *command], capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            return "sandbox.failed"
    return None if proc.stdout.strip() == "2" else "sandbox.failed"
