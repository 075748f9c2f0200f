#!/usr/bin/env python3
"""Set up the project on a fresh clone and build the site or run the tests.

    python3 scripts/dev.py build    # .venv + dependencies, check the content, build site/
    python3 scripts/dev.py test     # .venv + test dependencies, ruff, the 100-page scale
                                    # smoke run, then pytest
    python3 scripts/dev.py serve    # .venv + dependencies, live preview
    python3 scripts/dev.py guides …  # .venv + dependencies, then the `guides` command
                                     # (on Windows: py scripts\\dev.py guides …)

Needs only Python 3.11+. Everything goes into .venv/ beside this repository; the
dependencies are installed again only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*args: str | Path, **kwargs) -> None:
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, **kwargs)


def ensure_venv() -> None:
    if PYTHON.exists():
        return
    say("creating .venv")
    try:
        run(sys.executable, "-m", "venv", VENV)
    except subprocess.CalledProcessError:
        # Debian's Python splits venv/ensurepip into a package of its own.
        if shutil.which("apt-get") and os.geteuid() == 0:
            say("installing python3-venv from Debian")
            shutil.rmtree(VENV, ignore_errors=True)
            run("apt-get", "update", "-q")
            run("apt-get", "install", "-y", "-q", "python3-venv")
            run(sys.executable, "-m", "venv", VENV)
        else:
            sys.exit("Cannot create .venv: install Python's venv module "
                     "(on Debian/Ubuntu: apt-get install python3-venv) and try again.")


def _digest(extras: str) -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()


def ensure_dependencies(extras: str) -> None:
    ensure_venv()
    stamp = VENV / ".installed"
    digest = _digest(extras)
    # the test set-up holds everything the plain one does: no reinstall between the two
    enough = {digest} | ({_digest("test"), _digest("pdf")} if not extras else set())
    if stamp.exists() and stamp.read_text() in enough:
        return
    say(f"installing dependencies{f' [{extras}]' if extras else ''} (pinned in pyproject.toml)")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--upgrade",
        "pip")
    target = f".[{extras}]" if extras else "."
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target)
    stamp.write_text(digest)


def build() -> int:
    ensure_dependencies("")
    say("checking the content and building the site into site/")
    code = subprocess.run([str(BIN / "guides"), "build"], cwd=ROOT).returncode
    if code == 0:
        say("done. To view it: python3 scripts/dev.py serve, then open http://127.0.0.1:8000/ "
            "(or: python3 -m http.server -d site 8000)")
    return code


def serve() -> int:
    ensure_dependencies("")
    return subprocess.run([str(BIN / "guides"), "serve", *sys.argv[2:]], cwd=ROOT).returncode


def guides() -> int:
    """`guides …` for editors who never heard of .venv: set it up, then pass through.
    Commands it prints as next steps are written the way this was typed."""
    ensure_dependencies("")
    typed = "py scripts\\dev.py guides" if os.name == "nt" else "python3 scripts/dev.py guides"
    env = {**os.environ, "GUIDES_COMMAND": os.environ.get("GUIDES_COMMAND", typed)}
    return subprocess.run([str(PYTHON), "-m", "guides", *sys.argv[2:]], env=env).returncode


DEBIAN_TEST_PACKAGES = {
    # what the browser tests drive (never a browser downloaded by a test tool)
    "/usr/bin/chromium": "chromium",
    # Chinese glyphs for screenshots; a TrueType CJK font that PDFs embed as real text
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc": "fonts-noto-cjk",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc": "fonts-wqy-microhei",
    # decoding printed QR codes, reading PDFs
    "/usr/bin/zbarimg": "zbar-tools",
    "/usr/bin/pdftotext": "poppler-utils",
    # the web server the publish tests switch releases under
    "/usr/sbin/nginx": "nginx-light",
    # its brotli_static module: deploy/nginx.conf sends the build's .br copies (issue 17)
    "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so": "libnginx-mod-http-brotli-static",
    # runs the search worker against built sites (tests/search_query.js)
    "/usr/bin/node": "nodejs",
    # lite pages (issue 17): the Nu HTML checker (vnu.jar, tests/package.json) runs on
    # Java; a text browser reads them
    "/usr/bin/java": "default-jre-headless",
    "/usr/bin/w3m": "w3m",
    # reading the long images back with OCR (tests/test_share_images.py, issue 14)
    "/usr/bin/tesseract": "tesseract-ocr",
    "/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata": "tesseract-ocr-chi-sim",
}


def ensure_debian_packages(wanted: dict[str, str]) -> None:
    missing = sorted({pkg for path, pkg in wanted.items() if not Path(path).exists()})
    if not missing:
        return
    if not (shutil.which("apt-get") and os.geteuid() == 0):
        sys.exit(f"Missing Debian packages: {' '.join(missing)}. Install them "
                 f"(apt-get install {' '.join(missing)}) and try again.")
    say(f"installing from Debian: {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-q", env=env)
    run("apt-get", "install", "-y", "-q", "--no-install-recommends", *missing, env=env)


NPM_FILES = ("tests/node_modules/axe-core/axe.min.js",
             "tests/node_modules/vnu-jar/build/dist/vnu.jar")  # lite pages (issue 17)


def ensure_npm_packages() -> None:
    """axe-core, injected into pages by the accessibility tests, and the Nu HTML checker
    (tests/package.json)."""
    if all((ROOT / name).is_file() for name in NPM_FILES):
        return
    if not shutil.which("npm"):
        ensure_debian_packages({"/usr/bin/npm": "npm"})
    say("installing tests/package.json (npm ci)")
    # --ignore-scripts: vnu-jar's install script would download a Java runtime (Debian's is used)
    run("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", "tests")


def test() -> int:
    ensure_dependencies("test")
    ensure_debian_packages(DEBIAN_TEST_PACKAGES)
    ensure_npm_packages()
    say("ruff")
    lint = subprocess.run([str(BIN / "ruff"), "check", "guides", "tests", "scripts"], cwd=ROOT)
    say("scale benchmark, 100-page smoke run (check, build, regression queries)")
    smoke = subprocess.run([str(PYTHON), "scripts/scale_benchmark.py", "--smoke"], cwd=ROOT)
    say("pytest")
    tests = subprocess.run([str(PYTHON), "-m", "pytest", *sys.argv[2:]], cwd=ROOT)
    return lint.returncode or smoke.returncode or tests.returncode


def main() -> int:
    commands = {"build": build, "test": test, "serve": serve, "guides": guides}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    try:
        return commands[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        print(f"failed: {' '.join(map(str, exc.cmd))} (exit {exc.returncode})", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
