"""HTTPS: the registry serves it when given a certificate; the counter verifies it.

A throwaway CA and a server certificate for 127.0.0.1 are made with the `openssl` command (the
`cryptography` package is not installed here). A real registry process serves HTTPS with them;
a counter trusting the CA (by argument or by $WINDOW_CLERK_CA_BUNDLE) enrols, pushes and pulls;
one that does not trust it, or that names the registry by a name the certificate does not
carry, fails with `TlsError`, and nothing is sent.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from clerk.scans import ScanFolder
from clerk.store import open_store
from registry.schema import CASES
from sync.client import CA_BUNDLE_ENV, Offline, RegistryClient, TlsError
from sync.enrol import enrol
from tests.integration.sync.harness import ROOT, SECRET, Counter, RegistryProcess

_DAYS = "2"
_EC = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]


def _openssl(folder: Path, *arguments: str) -> None:
    openssl = shutil.which("openssl")
    assert openssl is not None, "these tests need the openssl command"
    subprocess.run([openssl, *arguments], cwd=folder, check=True, capture_output=True, timeout=60)


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A CA, and a certificate for IP 127.0.0.1 signed by it: (ca.pem, server.pem, server.key)."""
    folder.mkdir(parents=True, exist_ok=True)
    _openssl(
        folder,
        "req",
        "-x509",
        *_EC,
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        _DAYS,
        "-subj",
        "/CN=Window Clerk test CA",
    )
    _openssl(
        folder,
        "req",
        "-new",
        *_EC,
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=Window Clerk test registry",
    )
    (folder / "server.ext").write_text(
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
        "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid,issuer\n"
    )
    _openssl(
        folder,
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        _DAYS,
        "-extfile",
        "server.ext",
    )
    return folder / "ca.pem", folder / "server.pem", folder / "server.key"


class HttpsRegistry(RegistryProcess):
    """`RegistryProcess`, served over HTTPS with `--tls-cert` and `--tls-key`."""

    def __init__(
        self, database_url: str, workdir: Path, *, cert: Path, key: Path, ca: Path
    ) -> None:
        super().__init__(database_url, workdir)
        self.cert, self.key, self.ca = cert, key, ca

    @property
    def url(self) -> str:
        """The registry's HTTPS address."""
        return f"https://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start serving HTTPS; wait until it answers to a client trusting the CA."""
        port_file = self.workdir / "registry.port"
        port_file.unlink(missing_ok=True)
        command = [sys.executable, "-m", "registry", "serve", "--host", "127.0.0.1", "--port", "0"]
        command += ["--port-file", str(port_file), "--database-url", self.database_url]
        command += ["--tls-cert", str(self.cert), "--tls-key", str(self.key)]
        env = dict(os.environ, WINDOW_CLERK_REGISTRY_SECRET=SECRET)
        log = open(self.workdir / "registry.log", "ab")  # noqa: SIM115  (owned by the process)
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        log.close()
        self.port = self._wait_for_port(port_file)
        client = RegistryClient(self.url, ca_bundle=self.ca, timeout=(2.0, 5.0))
        try:
            client.health()  # the port is bound before uvicorn is started: wait for an answer
        except Offline:
            client.health()
        finally:
            client.close()


@pytest.fixture
def https_registry(tmp_path: Path) -> Iterator[HttpsRegistry]:
    """A registry with hall SF01 serving HTTPS with a certificate of a throwaway CA."""
    ca, cert, key = make_certificates(tmp_path / "certs")
    registry = HttpsRegistry(
        f"sqlite:///{tmp_path / 'registry.sqlite'}", tmp_path, cert=cert, key=key, ca=ca
    )
    registry.setup_hall()
    registry.start()
    yield registry
    registry.close()


def _counter(registry: HttpsRegistry, folder: Path, client: RegistryClient) -> Counter:
    folder.mkdir(parents=True)
    store = open_store(folder / "counter.db")
    counter = Counter("W01", store, client, ScanFolder(folder / "scans"))
    enrol(store, client, registry.enrolment_code("W01"))
    return counter


def test_a_counter_trusting_the_ca_enrols_pushes_and_pulls_over_https(
    https_registry: HttpsRegistry, tmp_path: Path
) -> None:
    client = RegistryClient(https_registry.url, ca_bundle=https_registry.ca, timeout=(2.0, 5.0))
    counter = _counter(https_registry, tmp_path / "W01", client)
    try:
        counter.sync()  # the catalogue arrives over HTTPS
        case_id = counter.open_and_accept(1)
        counter.sync()
        assert client.status().last_client_seq > 0
    finally:
        counter.close()
    with https_registry.db() as connection:
        assert connection.scalar(select(CASES.c.status).where(CASES.c.case_id == case_id))


def test_the_ca_bundle_may_come_from_the_environment(
    https_registry: HttpsRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CA_BUNDLE_ENV, str(https_registry.ca))
    client = RegistryClient(https_registry.url, timeout=(2.0, 5.0))
    try:
        assert client.health()
    finally:
        client.close()


def test_a_counter_not_trusting_the_ca_fails_with_a_tls_error(
    https_registry: HttpsRegistry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CA_BUNDLE_ENV, raising=False)
    # requests would trust this bundle instead of the system's: make sure it does not.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(https_registry.ca))
    client = RegistryClient(https_registry.url, ca_bundle=https_registry.cert.parent / "server.pem")
    with pytest.raises(TlsError, match="certificate verify failed"):
        client.enrol(https_registry.enrolment_code("W02"))
    client.close()
    monkeypatch.delenv("REQUESTS_CA_BUNDLE")
    system = RegistryClient(https_registry.url)  # the system's trusted CAs only
    with pytest.raises(TlsError, match="SSLError"):
        system.health()
    system.close()


def test_a_registry_named_by_a_name_its_certificate_lacks_fails_with_a_tls_error(
    https_registry: HttpsRegistry,
) -> None:
    client = RegistryClient(f"https://localhost:{https_registry.port}", ca_bundle=https_registry.ca)
    with pytest.raises(TlsError, match="localhost"):
        client.health()
    client.close()


def test_plain_http_to_the_https_port_is_not_served(https_registry: HttpsRegistry) -> None:
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{https_registry.port}/api/v1/health", timeout=5)
