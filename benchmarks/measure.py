"""Running sphinx-build as a child process: wall time, CPU time, peak RSS, output.

Each build is a separate process, as ``make html`` runs it, so imports,
caches and memory start from nothing every time. Peak RSS comes from
``os.wait4`` (``ru_maxrss``, KiB on Linux) and is the child's own.
A run can be pinned to one CPU, so that two builds share it (see rounds).
"""

from __future__ import annotations

import compileall
import contextlib
import importlib.util
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float  # wall time
    cpu_seconds: float  # user + system
    max_rss_kib: int
    stdout: str
    stderr: str

    @property
    def warnings(self) -> int:
        return self.stderr.count("WARNING:")


class BuildError(RuntimeError):
    pass


def child_env() -> dict[str, str]:
    # Sphinx prints its console messages in the locale's language; the
    # incremental counts parse them, so keep them English.
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_MESSAGES")}
    env["LC_ALL"] = "C.UTF-8"
    env["PYTHONHASHSEED"] = "0"
    # With CI=true or FORCE_COLOR set, Sphinx thinks it writes to a terminal
    # and redraws one status line with escape codes, which -N does not turn
    # off; NO_COLOR gives one plain line per document.
    env["NO_COLOR"] = "1"
    return env


def byte_compile(package: str) -> None:
    """Write ``package``'s bytecode, as pip does when it installs a package.

    Sphinx, MyST and furo come with theirs. This project is installed
    editable, whose bytecode Python writes at the first import, unless
    PYTHONDONTWRITEBYTECODE is set (as on this project's machine): then
    every extension build compiled its modules from source again: its
    import took 40 to 62 ms against 20 to 33 ms (``-X importtime``),
    which no installed copy pays.
    """
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.origin is not None:
        compileall.compile_dir(Path(spec.origin).parent, quiet=1)


def sphinx_command(
    project: Path, out: Path, language: str, *, jobs: int = 1, quiet: bool = True
) -> list[str]:
    """What ``make html-<lang>`` runs, minus ``-W``: a warning must not end a measurement."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-N", "-D", f"language={language}"]
    command += ["-d", str(out / "doctrees")]
    if jobs > 1:
        command += ["-j", str(jobs)]
    if quiet:
        command.append("-q")
    return [*command, str(project), str(out / "html")]


def clean(out: Path) -> Path:
    """An empty output and doctree directory: a clean build."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    return out


def run_together(
    commands: Sequence[Sequence[str]], *, cpu: int | None = None
) -> tuple[float, list[Run]]:
    """Start every command at once; the wall time until the last ends, and each run.

    ``cpu``: run them all on that one CPU.
    """
    with tempfile.TemporaryDirectory(prefix="bench-io-") as tmp, contextlib.ExitStack() as files:
        streams = [
            tuple(
                files.enter_context(Path(tmp, f"{number}.{name}").open("w+", encoding="utf-8"))
                for name in ("out", "err")
            )
            for number in range(len(commands))
        ]
        started, children = time.perf_counter(), []
        for command, (stdout, stderr) in zip(commands, streams, strict=True):
            process = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=child_env())
            if cpu is not None:  # before it has imported anything; a build does not fork
                os.sched_setaffinity(process.pid, {cpu})
            children.append((process, stdout, stderr, command))
        runs = _reap(started, children)
    return time.perf_counter() - started, runs


def run_one(command: Sequence[str]) -> Run:
    return run_together([command])[1][0]


def usable_cpus() -> list[int]:
    """The CPUs this process may run on, in order."""
    return sorted(os.sched_getaffinity(0))


Child = tuple[subprocess.Popen[bytes], IO[str], IO[str], Sequence[str]]


def _reap(started: float, children: Sequence[Child]) -> list[Run]:
    """Each child's run, its wall time taken when it ends, whichever ends first."""
    runs: dict[int, Run] = {}
    while len(runs) < len(children):
        for index, child in enumerate(children):
            if index in runs:
                continue
            pid, status, usage = os.wait4(child[0].pid, os.WNOHANG)
            if not pid:
                continue
            try:  # reaped here, so Popen never sees its status
                runs[index] = _run(time.perf_counter() - started, status, usage, *child)
            except BuildError:
                for other, *_rest in children:
                    if other is not child[0]:
                        other.kill()
                        other.wait()
                raise
        if len(runs) < len(children):
            time.sleep(0.01)
    return [runs[index] for index in range(len(children))]


def _run(
    seconds: float,
    status: int,
    usage: resource.struct_rusage,
    process: subprocess.Popen[bytes],
    stdout: IO[str],
    stderr: IO[str],
    command: Sequence[str],
) -> Run:
    process.returncode = os.waitstatus_to_exitcode(status)
    outputs = []
    for stream in (stdout, stderr):
        stream.seek(0)
        outputs.append(stream.read())
    if process.returncode != 0:
        tail = outputs[1][-2000:]
        raise BuildError(f"{' '.join(command)} exited with {process.returncode}:\n{tail}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss, outputs[0], outputs[1])
