"""A pretend internet for fetch tests: made-up public names on loopback, every connect recorded.

``PretendNet.install`` replaces ``socket.getaddrinfo`` and ``socket.socket.connect``. Names in
``PUBLIC`` resolve to public addresses, and a connect to one of those is carried to 127.0.0.1
(like a NAT), so the code under test sees a public host while the bytes stay on this computer.
Other names are read as numbers only (``2130706433``, ``127.1``: the real resolver, no DNS),
``localhost`` from the hosts file. A connect to any other loopback address goes through; any
other connect is refused. Every connect is recorded first, with the address the code asked
for, so a test can say that nothing even tried to reach an address. Nothing leaves this
computer, even when the code under test misbehaves.

In a child process: put a folder with ``sitecustomize.py`` holding ``SITECUSTOMIZE`` first on
PYTHONPATH and name the record file in ``$JOBTRACKER_PRETEND_NET``.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

PUBLIC = {"jobs.example-ats.test": "93.184.215.14",
          "careers.example-corp.test": "93.184.215.15"}

SITECUSTOMIZE = """\
import os
from pathlib import Path
from tests.net_guard import PretendNet
PretendNet(Path(os.environ["JOBTRACKER_PRETEND_NET"])).install(setattr)
"""

_real_getaddrinfo = socket.getaddrinfo
_real_connect = socket.socket.connect


class PretendNet:
    """The recorded connects (``connects``: (address, port) as asked) and name lookups."""

    def __init__(self, log: Path | None = None) -> None:
        self.log = log
        self.connects: list[tuple[str, int]] = []
        self.lookups: list[str] = []

    def _note(self, line: str) -> None:
        if self.log is not None:
            with self.log.open("a", encoding="utf-8") as out:
                out.write(line + "\n")

    def install(self, patch: Callable[[Any, str, Any], None]) -> None:
        """Put the pretend resolver and connect in place with ``patch`` (monkeypatch.setattr
        in a test, ``setattr`` in a child process)."""
        net = self
        nat = {address: "127.0.0.1" for address in PUBLIC.values()}

        def getaddrinfo(host: Any, port: Any, family: int = 0, type: int = 0,
                        proto: int = 0, flags: int = 0) -> Any:
            name = host.decode() if isinstance(host, bytes) else str(host)
            net.lookups.append(name)
            net._note(f"lookup {name}")
            if name.rstrip(".").lower() in PUBLIC:
                address = PUBLIC[name.rstrip(".").lower()]
                return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "",
                         (address, int(port or 0)))]
            if name == "localhost":
                return _real_getaddrinfo(host, port, family, type, proto, flags)
            return _real_getaddrinfo(host, port, family, type, proto,
                                     flags | socket.AI_NUMERICHOST)

        def connect(sock: socket.socket, address: Any) -> None:
            if sock.family not in (socket.AF_INET, socket.AF_INET6):
                _real_connect(sock, address)
                return
            host, port = str(address[0]), int(address[1])
            net.connects.append((host, port))
            net._note(f"connect {host} {port}")
            if host in nat:
                address = (nat[host], port)
            elif not ipaddress.ip_address(host.split("%")[0]).is_loopback:
                raise OSError(errno.ENETUNREACH, f"the pretend net reaches no further ({host})")
            _real_connect(sock, address)

        patch(socket, "getaddrinfo", getaddrinfo)
        patch(socket.socket, "connect", connect)


def read_log(log: Path) -> list[str]:
    """The lines a child process recorded."""
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []
