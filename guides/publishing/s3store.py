"""The bucket side of S3 publishing: the address, the client, errors in the editor's words,
and the lock that keeps two publishes apart.

Layout under s3://BUCKET/PREFIX/ (the CDN's origin is PREFIX/):

    PREFIX/<the site's files>               what readers get
    PREFIX/_releases/state.json             the live release, the line of releases, and
                                            the paths an unfinished publish may have touched
    PREFIX/_releases/lock.json              held while a publish or rollback runs
    PREFIX/_releases/<name>/manifest.json   each release's files and their SHA-256
    PREFIX/_releases/<name>/purge.json      what the CDN had to forget for it
    PREFIX/_releases/objects/<sha256>       every body a kept release uses, once
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from guides.publishing.local import PublishError

META = "_releases/"
LEASE = 120.0  # seconds a lock is good for without being renewed


@dataclass(frozen=True)
class Target:
    bucket: str
    prefix: str  # "" or "a/b/"

    def key(self, rel: str) -> str:
        return self.prefix + rel

    @property
    def meta(self) -> str:
        return self.prefix + META

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"


def is_s3(to: str) -> bool:
    return to.strip().lower().startswith("s3://")


def parse_target(to: str) -> Target:
    parts = urlsplit(to.strip())
    bucket = parts.netloc
    prefix = parts.path.strip("/")
    if parts.scheme.lower() != "s3" or not bucket or parts.query or parts.fragment or \
            any(p in ("", ".", "..") for p in prefix.split("/") if prefix) or \
            not all(c.isalnum() or c in "-." for c in bucket):
        raise PublishError("s3.bad-target", target=to)
    return Target(bucket, prefix + "/" if prefix else "")


# -- the client and its errors ----------------------------------------------------------

def make_client(endpoint: str | None = None):
    """boto3's client, set up from its usual environment and files (AWS_ACCESS_KEY_ID,
    AWS_PROFILE, ~/.aws/config, AWS_ENDPOINT_URL ...); `endpoint` overrides the address.
    Checksums only where the API requires them: the S3-compatible stores of Chinese clouds
    (and older MinIO) refuse the CRC headers boto3 sends by default since 1.36."""
    import boto3
    from botocore.config import Config

    session = boto3.session.Session()
    if session.get_credentials() is None:
        raise PublishError("s3.no-credentials")
    env = os.environ
    config = Config(
        connect_timeout=5, read_timeout=60, retries={"max_attempts": 3, "mode": "standard"},
        max_pool_connections=16,
        request_checksum_calculation=env.get("AWS_REQUEST_CHECKSUM_CALCULATION",
                                             "when_required"),
        response_checksum_validation=env.get("AWS_RESPONSE_CHECKSUM_VALIDATION",
                                             "when_required"))
    kwargs = {"endpoint_url": endpoint} if endpoint else {}
    try:
        return session.client("s3", config=config, **kwargs)
    except ValueError as exc:  # a malformed endpoint address
        raise PublishError("s3.bad-endpoint", endpoint=endpoint, reason=exc) from None


def endpoint_of(client) -> str:
    return str(client.meta.endpoint_url)


def error_code(exc: Exception) -> str:
    response = getattr(exc, "response", None) or {}
    return str(response.get("Error", {}).get("Code", ""))


@contextlib.contextmanager
def say_errors(client, target: Target):
    """botocore's exceptions as messages of guides/messages.py; never a traceback."""
    from botocore import exceptions as e

    try:
        yield
    except (e.NoCredentialsError, e.PartialCredentialsError):
        raise PublishError("s3.no-credentials") from None
    except (e.EndpointConnectionError, e.ConnectTimeoutError, e.ConnectionClosedError,
            e.ReadTimeoutError) as exc:
        raise PublishError("s3.unreachable", endpoint=endpoint_of(client),
                           reason=type(exc).__name__) from None
    except e.ClientError as exc:
        code = error_code(exc)
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        if code in ("NoSuchBucket",) or (code in ("404", "NotFound") and status == 404):
            raise PublishError("s3.no-bucket", bucket=target.bucket,
                               endpoint=endpoint_of(client)) from None
        if code in ("AccessDenied", "403", "Forbidden", "InvalidAccessKeyId",
                    "SignatureDoesNotMatch", "AllAccessDisabled", "InvalidToken",
                    "ExpiredToken", "AccountProblem"):
            raise PublishError("s3.denied", target=target, error=code) from None
        raise PublishError("s3.error", target=target, error=code or status,
                           reason=exc.response.get("Error", {}).get("Message", "")) from None
    except e.BotoCoreError as exc:
        raise PublishError("s3.error", target=target, error=type(exc).__name__,
                           reason=exc) from None


def check_bucket(client, target: Target) -> None:
    with say_errors(client, target):
        client.head_bucket(Bucket=target.bucket)


def read_json(client, target: Target, key: str) -> dict | None:
    """An object's JSON, or None when there is no such object."""
    from botocore.exceptions import ClientError

    with say_errors(client, target):
        try:
            body = client.get_object(Bucket=target.bucket, Key=key)["Body"].read()
        except ClientError as exc:
            if error_code(exc) != "NoSuchKey":
                raise
            return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def write_json(client, target: Target, key: str, data: object) -> None:
    with say_errors(client, target):
        client.put_object(Bucket=target.bucket, Key=key, ContentType="application/json",
                          CacheControl="no-cache",
                          Body=json.dumps(data, indent=1, sort_keys=True).encode())


def list_keys(client, target: Target, prefix: str) -> dict[str, str]:
    """Every key under `prefix` with its ETag."""
    out = {}
    with say_errors(client, target):
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=target.bucket,
                                                                    Prefix=prefix):
            for item in page.get("Contents", []):
                out[item["Key"]] = item.get("ETag", "")
    return out



def delete_keys(client, target: Target, keys: list[str]) -> None:
    """Delete `keys`, 1,000 per request (S3's limit). DeleteObjects answers 200 even when
    some keys failed; those are in its `Errors`, and a failure must not pass unseen."""
    with say_errors(client, target):
        for start in range(0, len(keys), 1000):
            answer = client.delete_objects(Bucket=target.bucket, Delete={
                "Quiet": True, "Objects": [{"Key": k} for k in keys[start:start + 1000]]})
            errors = answer.get("Errors") or []
            if errors:
                first = errors[0]
                raise PublishError(
                    "s3.error", target=target, error=first.get("Code", "DeleteObjects"),
                    reason=f"{len(errors)} not deleted, e.g. {first.get('Key')}: "
                           f"{first.get('Message', '')}")

# -- the lock -------------------------------------------------------------------------

def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process there; wait for the lease instead
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Lock:
    """A lock object written with `If-None-Match: *` (S3's conditional write: AWS since
    2024, SeaweedFS, MinIO, Ceph). It is a lease: it names its holder and when it expires,
    a thread renews it (with `If-Match`) while the work runs, and a lock whose holder died
    (expired, or a process of this machine that is gone) is taken over, again only with
    `If-Match` on what was read. The lock is read back after writing it, so a store that
    ignores the conditions still refuses a second publish that comes after the first."""

    def __init__(self, client, target: Target, what: str, lease: float | None = None) -> None:
        self.client, self.target, self.what = client, target, what
        self.lease = lease or float(os.environ.get("GUIDES_S3_LEASE", LEASE))
        self.key = target.meta + "lock.json"
        self.token = uuid.uuid4().hex
        self.etag = ""
        self.lost = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _body(self) -> bytes:
        now = time.time()
        return json.dumps({"token": self.token, "host": socket.gethostname(),
                           "pid": os.getpid(), "what": self.what,
                           "since": now, "expires": now + self.lease}).encode()

    def _put(self, **condition: str) -> str:
        return self.client.put_object(Bucket=self.target.bucket, Key=self.key,
                                      Body=self._body(), ContentType="application/json",
                                      **condition)["ETag"]

    def _refuse(self, held: dict) -> PublishError:
        until = dt.datetime.fromtimestamp(float(held.get("expires", 0)), dt.UTC)
        what = held.get("what", "")
        return PublishError("s3.locked", target=self.target, host=held.get("host", "?"),
                            pid=held.get("pid", "?"), what_en=what or "?",
                            what_zh={"publish": "发布", "rollback": "回退"}.get(what, "工作"),
                            until=until.strftime("%H:%M:%S UTC"))

    def _held(self) -> tuple[dict, str] | None:
        from botocore.exceptions import ClientError

        try:
            got = self.client.get_object(Bucket=self.target.bucket, Key=self.key)
        except ClientError as exc:
            if error_code(exc) in ("NoSuchKey", "404", "NotFound"):
                return None
            raise
        try:
            held = json.loads(got["Body"].read())
            held = held if isinstance(held, dict) else {}
        except ValueError:
            held = {}
        return held, got["ETag"]

    def _stale(self, held: dict) -> bool:
        try:
            if float(held["expires"]) < time.time():
                return True
            return held.get("host") == socket.gethostname() and not _alive(int(held["pid"]))
        except (KeyError, TypeError, ValueError):
            return True  # not a lock any guides wrote

    def acquire(self) -> None:
        from botocore.exceptions import ClientError

        with say_errors(self.client, self.target):
            found = self._held()
            try:
                if found is None:
                    self.etag = self._put(IfNoneMatch="*")
                elif self._stale(found[0]):
                    self.etag = self._put(IfMatch=found[1])
                else:
                    raise self._refuse(found[0])
            except ClientError as exc:
                if error_code(exc) not in ("PreconditionFailed", "412",
                                           "ConditionalRequestConflict", "409"):
                    raise
                again = self._held()
                raise self._refuse(again[0] if again else {}) from None
            mine = self._held()
            if mine is None or mine[0].get("token") != self.token:
                raise self._refuse(mine[0] if mine else {})
            self.etag = mine[1]
        self._thread = threading.Thread(target=self._renew, daemon=True)
        self._thread.start()

    def _renew(self) -> None:
        while not self._stop.wait(self.lease / 3):
            try:
                self.etag = self._put(IfMatch=self.etag)
            except Exception:  # noqa: BLE001 (any failure: the lock can no longer be trusted)
                self.lost = True
                return

    def check(self) -> None:
        """Called before each step that changes what readers get."""
        if self.lost:
            raise PublishError("s3.lock-lost", target=self.target)

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        with contextlib.suppress(Exception):
            found = self._held()
            if found is not None and found[0].get("token") == self.token:
                self.client.delete_object(Bucket=self.target.bucket, Key=self.key)

    def __enter__(self) -> Lock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
