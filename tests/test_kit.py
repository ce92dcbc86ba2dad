"""The README's first command, ``python3 kit.py lab``, serves the lessons in JupyterLab.

The test runs it exactly as a learner would (plus ``--no-browser`` and a known port and
token), waits for the server, asks for the first lesson and the lessons folder, then stops
it. The environment is already made by then, so ``kit.py`` only checks its stamp.
"""

from __future__ import annotations

import json
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, b""


def test_kit_lab_serves_the_lessons_in_jupyterlab(tmp_path: Path) -> None:
    port, token = free_port(), secrets.token_hex(8)
    log = (tmp_path / "lab.log").open("w")
    args = ["--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1"]
    args += [f"--IdentityProvider.token={token}"]
    proc = subprocess.Popen(
        [sys.executable, "kit.py", "lab", *args], cwd=ROOT, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        status = 0
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status, _ = get(f"{base}/api/status?token={token}")
            except OSError:
                status = 0
            if status == 200:
                break
            time.sleep(0.5)
        log.flush()
        assert status == 200, (tmp_path / "lab.log").read_text()
        status, _ = get(f"{base}/lab/tree/00_start_here.ipynb?token={token}")
        assert status == 200
        status, body = get(f"{base}/api/contents?token={token}")
        names = {item["name"] for item in json.loads(body)["content"]}
        assert "00_start_here.ipynb" in names
        assert "solutions" in names
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_kit_without_a_command_prints_its_usage() -> None:
    out = subprocess.run(
        [sys.executable, "kit.py"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.returncode == 2
    assert "python3 kit.py lab" in out.stdout and "python3 kit.py test" in out.stdout
