"""A real JupyterHub for a class, on loopback: what the classroom test and benchmark share.

The parts are the ones a department runs: ``jupyterhub`` (PyPI) behind
``configurable-http-proxy`` (npm, from ``tests/browser/node_modules``), the
``DummyAuthenticator``, ``SimpleLocalProcessSpawner`` with one home folder per learner
under a temporary folder, ``jupyterhub-idle-culler`` as a hub service, and ``nbgitpuller``
in the single-user servers. The course reaches learners the way instructors hand it out:
an nbgitpuller link to a git repository of ``lessons/`` (here a local one, cloned over
``file://``, which nbgitpuller's ``git clone --depth 1`` accepts).

Every process started here has its working directory under the hub's temporary folder,
which is how :meth:`ClassHub.stop` finds and ends them all, also after a failure.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import kitbrowser as kb

CHP = Path(__file__).resolve().parent / "node_modules" / ".bin" / "configurable-http-proxy"
COURSE = "alliance-course"  # the repository's name: nbgitpuller clones it into ~/COURSE
LESSON_01 = "01_bordins_three_components.ipynb"

# The idle culler's settings on a real hub (see lessons/INSTRUCTOR.md): stop a server after
# an hour without activity, checked every ten minutes.
CULL_TIMEOUT = 3600
CULL_EVERY = 600

_CONFIG = """\
# Written by tests/browser/classhub.py for one run; everything listens on 127.0.0.1.
import sys
c = get_config()  # noqa: F821
c.JupyterHub.bind_url = {bind_url!r}
c.JupyterHub.hub_bind_url = {hub_bind_url!r}
c.JupyterHub.db_url = {db_url!r}
c.JupyterHub.cookie_secret_file = {cookie!r}
c.JupyterHub.pid_file = {pid_file!r}
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.ConfigurableHTTPProxy.api_url = {proxy_api!r}
c.ConfigurableHTTPProxy.pid_file = {proxy_pid!r}
c.JupyterHub.authenticator_class = "jupyterhub.auth.DummyAuthenticator"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = {home_template!r}
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = [
    "--allow-root",
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
]
c.Spawner.default_url = "/lab"
c.Spawner.environment = {environment!r}
# Thirty learners press "log in" within a minute; on two shared cores a server can take
# well over the default 60 s to answer.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
c.JupyterHub.services = [
    {{
        "name": "idle-culler",
        "command": [
            sys.executable, "-m", "jupyterhub_idle_culler",
            "--timeout={cull_timeout}", "--cull-every={cull_every}",
        ],
    }},
    {{"name": "classhub-driver", "api_token": {token!r}}},
]
c.JupyterHub.load_roles = [
    {{
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }},
    {{
        "name": "classhub-driver",
        "scopes": ["admin:users", "admin:servers", "list:users"],
        "services": ["classhub-driver"],
    }},
]
"""


@dataclass
class Proc:
    """One process of the class: its pid, role, learner (if any) and resident memory."""

    pid: int
    role: str  # "kernel", "server" (single-user), or "other" (hub, proxy, culler)
    user: str
    rss_mb: float
    cmd: str


@dataclass
class ClassHub:
    """A running hub: its URL, its temporary folder and a token for its REST API."""

    server: kb.Server
    root: Path
    token: str
    course_repo: Path

    @property
    def url(self) -> str:
        return self.server.url

    def home(self, user: str) -> Path:
        return self.root / "home" / user

    def pull_link(self, notebook: str = LESSON_01) -> str:
        """The nbgitpuller link an instructor hands out, relative to the hub's URL."""
        query = urllib.parse.urlencode(
            {
                "repo": self.course_repo.as_uri(),
                "branch": "main",
                "urlpath": f"lab/tree/{COURSE}/{notebook}",
            }
        )
        return f"/hub/user-redirect/git-pull?{query}"

    def api(self, path: str, method: str = "GET") -> Any:
        """Call the hub's REST API (``/hub/api/<path>``) as the driver service."""
        req = urllib.request.Request(
            f"{self.url}/hub/api/{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(req, timeout=30) as r:
            body = r.read()
        return json.loads(body) if body else None

    def servers_ready(self) -> dict[str, bool]:
        """Each user the hub knows, and whether their default server is up."""
        users = self.api("users")
        return {u["name"]: bool(u.get("servers", {}).get("", {}).get("ready")) for u in users}

    def processes(self) -> list[Proc]:
        """Every live process of this hub, found by its working directory (from /proc)."""
        found = []
        home = self.root / "home"
        for pid, cwd in _procs_under(self.root):
            cmd = _cmdline(pid)
            user = cwd.relative_to(home).parts[0] if home in (cwd, *cwd.parents) else ""
            if user and cwd != home and "ipykernel_launcher" in cmd:
                role = "kernel"
            elif user and cwd != home and "jupyterhub-singleuser" in cmd:
                role = "server"
            else:
                role = "other"
            found.append(Proc(pid, role, user, _rss_mb(pid), cmd))
        return found

    def stop(self) -> None:
        """Stop the hub (it stops its servers and proxy), then anything left behind."""
        self.server.stop()
        stop_processes_under(self.root)


def _procs_under(root: Path) -> list[tuple[int, Path]]:
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cwd = Path(os.readlink(entry / "cwd"))
        except OSError:
            continue  # gone, or not ours to read
        if cwd == root or root in cwd.parents:
            out.append((int(entry.name), cwd))
    return out


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def stop_processes_under(root: Path, grace: float = 10) -> None:
    """SIGTERM every process working under ``root``; SIGKILL what is left after ``grace``."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        pids = [pid for pid, _ in _procs_under(root)]
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        deadline = time.monotonic() + grace
        while pids and _procs_under(root) and time.monotonic() < deadline:
            time.sleep(0.2)


def make_course_repo(root: Path) -> Path:
    """A git repository of the learner's lessons (no solutions), as a course is published."""
    repo = root / COURSE
    shutil.copytree(
        kb.LESSONS,
        repo,
        ignore=shutil.ignore_patterns(
            ".ipynb_checkpoints", "__pycache__", "*.pyc", "solutions", "src"
        ),
    )
    # Fixed author and dates: the same lessons give the same commit.
    env = dict(os.environ)
    env.update(
        GIT_AUTHOR_NAME="instructor",
        GIT_AUTHOR_EMAIL="instructor@example.org",
        GIT_COMMITTER_NAME="instructor",
        GIT_COMMITTER_EMAIL="instructor@example.org",
        GIT_AUTHOR_DATE="2026-01-01T00:00:00Z",
        GIT_COMMITTER_DATE="2026-01-01T00:00:00Z",
    )
    for cmd in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "course"]):
        subprocess.run(["git", *cmd], cwd=repo, env=env, check=True, timeout=60)
    return repo


def start_classhub(root: Path, *, timeout: float = 90) -> ClassHub:
    """Start the hub in ``root`` (an empty folder) and return once it answers."""
    if not CHP.exists():
        raise FileNotFoundError(
            f"{CHP} is missing: run `npm ci --prefix tests/browser` (python3 kit.py test does)"
        )
    root.mkdir(parents=True, exist_ok=True)
    repo = make_course_repo(root)
    env = kb.isolated_env(root / "jupyter")
    settings = root / "lab-settings"
    _write_class_settings(settings)
    token = secrets.token_hex(16)
    port = kb.free_port()
    config = _CONFIG.format(
        bind_url=f"http://127.0.0.1:{port}",
        hub_bind_url=f"http://127.0.0.1:{kb.free_port()}",
        db_url=f"sqlite:///{root / 'jupyterhub.sqlite'}",
        cookie=str(root / "jupyterhub_cookie_secret"),
        pid_file=str(root / "jupyterhub.pid"),
        chp=str(CHP),
        proxy_api=f"http://127.0.0.1:{kb.free_port()}",
        proxy_pid=str(root / "proxy.pid"),
        home_template=str(root / "home" / "{username}"),
        singleuser=str(kb.BIN / "jupyterhub-singleuser"),
        # Shared, pre-written Lab settings (JupyterLab's defaults, minus the requests to the
        # internet); each learner's workspace and kernel state stay in their own home.
        environment={"JUPYTERLAB_SETTINGS_DIR": str(settings), "PYTHONUNBUFFERED": "1"},
        cull_timeout=CULL_TIMEOUT,
        cull_every=CULL_EVERY,
        token=token,
    )
    (root / "jupyterhub_config.py").write_text(config)
    log = root / "jupyterhub.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [str(kb.BIN / "jupyterhub"), "-f", str(root / "jupyterhub_config.py")],
            cwd=root,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    hub = ClassHub(kb.Server(proc, f"http://127.0.0.1:{port}", log), root, token, repo)
    try:
        kb.wait_http(f"{hub.url}/hub/api/", proc, timeout, log)
    except BaseException:
        hub.stop()
        raise
    return hub


def _write_class_settings(settings_dir: Path) -> None:
    """The Lab settings learners get on a class hub: JupyterLab's own defaults, offline.

    Unlike the single-learner browser tests (``kitbrowser._write_lab_settings``), cells keep
    JupyterLab's default windowing and notebooks autosave, as on a department's hub; the
    only change is what a hub admin sets in ``overrides.json`` so that no learner's page
    asks the internet for news or updates (lessons/INSTRUCTOR.md).
    """
    target = (
        settings_dir / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"checkForUpdates": False, "fetchNews": "false"}))


def log_in(page: Any, hub: ClassHub, user: str, timeout: float = 60) -> None:
    """Open the nbgitpuller link as ``user`` would and submit the login form.

    Returns once the form is sent: the hub then starts the learner's server and
    nbgitpuller clones the course, which :func:`wait_lesson_open` waits for. Sending every
    learner's form first and waiting afterwards is how one driver thread makes a class
    arrive together.
    """
    next_url = urllib.parse.quote(hub.pull_link(), safe="")
    page.goto(f"{hub.url}/hub/login?next={next_url}", timeout=timeout * 1000)
    page.fill("#username_input", user)
    page.fill("#password_input", "any")
    page.click("#login_submit", no_wait_after=True)


def wait_lesson_open(page: Any, user: str, timeout: float = 300) -> None:
    """Wait until the pulled lesson is open in JupyterLab with an idle kernel."""
    page.wait_for_selector(f"{kb.NOTEBOOK} .jp-Notebook .jp-Cell", timeout=timeout * 1000)
    kb.wait_for(lambda: kb.kernel_idle(page), timeout, f"{user}'s kernel to be idle")
    # The file browser takes a third of the width; a learner's view is the notebook.
    page.keyboard.press("Control+b")


def click_run_all(page: Any) -> None:
    """Run All Cells from the Run menu, without waiting (see :func:`run_finished`)."""
    # A menu click starts no navigation; not waiting for one keeps a loaded machine (ten
    # JupyterLabs in one chromium) from timing out here.
    page.click(".lm-MenuBar-itemLabel:text-is('Run')", no_wait_after=True)
    page.click(".lm-Menu-itemLabel:text-is('Run All Cells')", no_wait_after=True)


def run_finished(page: Any) -> bool:
    """True when no cell is queued or running and the kernel idles.

    A stored lesson already shows ``[1]:``, ``[2]:``... so this only means "finished" once
    the run is known to have started: wait for the first live chart (which only a run
    draws) before asking.
    """
    cells = kb.cell_report(page)
    return bool(cells) and all(c["prompt"] != "[*]:" for c in cells) and kb.kernel_idle(page)


def live_charts(page: Any) -> int:
    """How many live (vega-embed) charts the open lesson shows."""
    n: int = page.locator(f"{kb.NOTEBOOK} {kb.chart_selector()}").count()
    return n


def run_culler(hub: ClassHub, timeout: int) -> subprocess.Popen[bytes]:
    """Start ``jupyterhub-idle-culler`` by hand against ``hub`` with a short ``timeout`` (s).

    The hub's own culler service waits :data:`CULL_TIMEOUT`; this one, with the driver's
    token, shows in seconds what that service does after an hour. It works in the hub's
    folder, so :meth:`ClassHub.stop` ends it if the caller does not.
    """
    env = dict(os.environ, JUPYTERHUB_API_TOKEN=hub.token)
    cmd = [
        str(kb.BIN / "python"),
        "-m",
        "jupyterhub_idle_culler",
        f"--url={hub.url}/hub/api",
        f"--timeout={timeout}",
        "--cull-every=2",
    ]
    with (hub.root / "culler.log").open("wb") as log:
        return subprocess.Popen(cmd, cwd=hub.root, env=env, stdout=log, stderr=subprocess.STDOUT)
