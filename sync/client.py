"""The one HTTP client of the registry: timeouts, gzip, a User-Agent, errors mapped to ours.

Every call has a connect and a read timeout; pushes are sent gzipped; every answer's epoch
header is read. The registry's certificate is verified (a custom CA bundle may be given); a
certificate that fails becomes `TlsError`. Other transport failures (refused, reset, timed
out, truncated) become `Offline`; the registry's refusals become `Refused` with its code and
message; 5xx, 429 and 503 become `Busy` with the registry's Retry-After when it gave one.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
from dataclasses import dataclass
from typing import Any, TypeVar

import requests

from clerk.errors import ClerkError, InvalidInput
from clerk.wire import (
    API_PREFIX,
    CLIENT_VERSION_HEADER,
    EPOCH_HEADER,
    PROTOCOL_VERSION,
    ChangePage,
    Enrolment,
    HashList,
    Operation,
    PushResponse,
    StaffSession,
    SyncStatus,
    UploadState,
    from_wire,
    to_wire,
)

_log = logging.getLogger(__name__)
_T = TypeVar("_T")

USER_AGENT = "WindowClerk/0.1 (counter; protocol 1)"
CA_BUNDLE_ENV = "WINDOW_CLERK_CA_BUNDLE"
"""A PEM file of the CA certificates to trust for the registry (else the system's defaults)."""
CONNECT_TIMEOUT = 3.05
READ_TIMEOUT = 30.0


class SyncError(ClerkError):
    """Base of the sync client's errors."""


class Offline(SyncError):
    """The registry could not be reached or the answer was cut off; try again later."""


class TlsError(Offline):
    """The registry's TLS certificate could not be verified (unknown CA, wrong host name, expired).

    An `Offline` too (nothing reached the registry, the work waits in the outbox), but one a
    person must fix: the address, or the CA bundle (`ca_bundle`, or $WINDOW_CLERK_CA_BUNDLE).
    """


class Busy(SyncError):
    """The registry is overloaded or failing (5xx, 429); try again after `retry_after`."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SlowDown(SyncError):
    """The registry refuses more attempts for a while (a locked-out login): `retry_after`."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Refused(SyncError):
    """The registry refused the request; `status` and `code` say why."""

    def __init__(self, message: str, *, status: int, code: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class NotEnrolled(Refused):
    """The counter's credential is missing, wrong or revoked (401)."""


class UpdateNeeded(Refused):
    """This Window Clerk is too old for the registry (426): update it; the outbox is kept."""


@dataclass(frozen=True, slots=True)
class Answer:
    """A decoded answer with the epoch the registry sent with it."""

    status: int
    body: Any
    epoch: str | None


class RegistryClient:
    """Talks to one registry; one instance per counter, used by one thread at a time."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
        session: requests.Session | None = None,
        ca_bundle: str | os.PathLike[str] | None = None,
    ) -> None:
        """Prepare a client; nothing is sent until the first call.

        Args:
            base_url: the registry's address, http://… or https://….
            token: this counter's credential, once enrolled.
            timeout: (connect, read) seconds for every call.
            session: a `requests.Session` to use (one is made otherwise).
            ca_bundle: a PEM file of CA certificates to verify the registry's certificate with;
                by default $WINDOW_CLERK_CA_BUNDLE, else the system's trusted CAs.
        """
        self.base_url = base_url.rstrip("/")
        bundle = ca_bundle if ca_bundle is not None else os.environ.get(CA_BUNDLE_ENV) or None
        # Passed with every request: a session-wide `verify` would lose to $REQUESTS_CA_BUNDLE.
        self.verify: str | bool = os.fspath(bundle) if bundle is not None else True
        self.token = token
        self.timeout = timeout
        self.last_epoch: str | None = None
        self._session = session or requests.Session()
        self._session.headers.update(
            {"User-Agent": USER_AGENT, CLIENT_VERSION_HEADER: str(PROTOCOL_VERSION)}
        )

    def close(self) -> None:
        """Close the pooled connections."""
        self._session.close()

    # -- calls ----------------------------------------------------------------------------

    def health(self) -> str:
        """The registry's epoch, if it answers."""
        return str(self._call("GET", "/health").body["epoch"])

    def enrol(self, code: str, *, device_name: str = "") -> Enrolment:
        """Exchange a one-time code for this counter's credential."""
        return self._decode(
            Enrolment,
            self._call("POST", "/enrol", json_body={"code": code, "device_name": device_name}),
        )

    def login(self, staff_id: str, password: str) -> StaffSession:
        """Log a staff member in at the registry."""
        return self._decode(
            StaffSession,
            self._call(
                "POST", "/auth/login", json_body={"staff_id": staff_id, "password": password}
            ),
        )

    def status(self) -> SyncStatus:
        """What the registry holds of this counter."""
        return self._decode(SyncStatus, self._call("GET", "/sync/status"))

    def push(self, operations: list[Operation]) -> PushResponse:
        """Push a batch of operations (gzipped); one result per operation."""
        text = json.dumps({"ops": to_wire(operations)}, ensure_ascii=False, separators=(",", ":"))
        body = gzip.compress(text.encode(), compresslevel=5)
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        answer = self._call("POST", "/sync/push", data=body, headers=headers)
        return self._decode(PushResponse, answer)

    def changes(self, space: str, *, after: int, limit: int = 1000) -> ChangePage:
        """A page of changes of `space` after position `after`."""
        answer = self._call(
            "GET", "/sync/changes", params={"space": space, "after": after, "limit": limit}
        )
        return self._decode(ChangePage, answer)

    def missing_blobs(self, hashes: list[str]) -> list[str]:
        """Which of these scans the registry does not hold verified."""
        return self._decode(
            HashList, self._call("POST", "/blobs/missing", json_body={"hashes": hashes})
        ).hashes

    def upload_state(self, sha256: str) -> UploadState | None:
        """How much of a scan the registry has (None when no upload started)."""
        try:
            return self._decode(UploadState, self._call("GET", f"/blobs/{sha256}"))
        except Refused as refusal:
            if refusal.status == 404:
                return None
            raise

    def upload_chunk(self, sha256: str, *, size: int, offset: int, data: bytes) -> UploadState:
        """Send the bytes of a scan at `offset`."""
        answer = self._call(
            "PUT",
            f"/blobs/{sha256}",
            params={"size": size, "offset": offset},
            data=data,
            headers={"Content-Type": "application/octet-stream"},
        )
        return self._decode(UploadState, answer)

    # -- plumbing -------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        data: bytes | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        all_headers = dict(headers or {})
        if self.token:
            all_headers["Authorization"] = f"Bearer {self.token}"
        try:
            response = self._session.request(
                method,
                self.base_url + API_PREFIX + path,
                json=json_body,
                data=data,
                params=params,
                headers=all_headers,
                timeout=self.timeout,
                verify=self.verify,
            )
            body = _json_body(response)
        except requests.exceptions.SSLError as err:
            # The type's name stays in the message: ui.session.messages looks for "SSLError".
            reason = _tls_reason(err)
            raise TlsError(
                f"the registry's TLS certificate could not be verified (SSLError): {reason}"
            ) from None
        except (requests.ConnectionError, requests.Timeout) as err:
            raise Offline(f"the registry cannot be reached: {type(err).__name__}") from None
        except (
            requests.exceptions.ChunkedEncodingError,
            requests.exceptions.ContentDecodingError,
            ValueError,
        ) as err:
            raise Offline(
                f"the registry's answer was cut off or damaged: {type(err).__name__}"
            ) from None
        epoch = response.headers.get(EPOCH_HEADER)
        if epoch:
            self.last_epoch = epoch
        if response.status_code >= 400:
            raise _error(response, body)
        return Answer(response.status_code, body, epoch)

    @staticmethod
    def _decode(kind: type[_T], answer: Answer) -> _T:
        try:
            return from_wire(kind, answer.body)
        except InvalidInput as err:
            raise Offline(f"the registry's answer is not a {kind.__name__}: {err}") from None


def _tls_reason(error: requests.exceptions.SSLError) -> str:
    """The innermost reason of a TLS failure, e.g. "certificate verify failed: …"."""
    reason: BaseException = error
    while reason.args and isinstance(reason.args[0], BaseException):
        reason = reason.args[0]
    reason = getattr(reason, "reason", None) or reason
    return str(reason)[:300]


def _json_body(response: requests.Response) -> Any:
    """The answer's JSON; an error page that is not JSON (a 502 from a proxy in front) has none."""
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        if response.status_code >= 400:
            return None  # the status says what happened: Busy, Refused, …
        raise


def _error(response: requests.Response, body: Any) -> SyncError:
    status = response.status_code
    message = body.get("message", "") if isinstance(body, dict) else ""
    code = body.get("code", "") if isinstance(body, dict) else ""
    retry_after = _retry_after(response.headers.get("Retry-After"))
    if code == "slow_down":
        return SlowDown(message or "too many attempts", retry_after=retry_after)
    if status in (429, 503) or status >= 500:
        return Busy(f"the registry is busy ({status}): {message}", retry_after=retry_after)
    if status == 401:
        return NotEnrolled(
            message or "the registry does not accept this counter", status=status, code=code
        )
    if status == 426:
        return UpdateNeeded(message or "update Window Clerk", status=status, code=code)
    return Refused(
        message or f"the registry refused the request ({status})", status=status, code=code
    )


def _retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
