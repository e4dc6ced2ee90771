"""HTTP(S) connections that go only to addresses checked beforehand: no name is looked up twice.

The classes subclass urllib3's and requests' own, so they are made on the first fetch
(:func:`pinned_adapter`): the core stays offline and light until a fetch is asked for.
"""

from __future__ import annotations

import functools
import socket
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from requests.adapters import HTTPAdapter
    from urllib3.connection import HTTPConnection

# (host as urllib3 names it, port) -> the addresses checked for it, in the resolver's order.
Pins = dict[tuple[str, int], tuple[str, ...]]


def pin_key(host: str, port: int) -> tuple[str, int]:
    """The key of ``host`` in a Pins table: lower case, no IPv6 brackets, no trailing dot."""
    return host.strip("[]").rstrip(".").lower(), port


def pinned_adapter() -> tuple[HTTPAdapter, Pins]:
    """A requests adapter whose connections go only to the addresses in the returned table.

    The caller checks a host's addresses, puts them in the table under :func:`pin_key`, then
    sends the request; a host missing from the table is not connected to at all.
    """
    pins: Pins = {}
    return _adapter_class()(pins), pins


def _open(conn: HTTPConnection, pins: Pins) -> socket.socket:
    """A socket to the first checked address of ``conn.host`` that answers.

    The name itself is never resolved here: between the check and the connect a second
    lookup could give another answer (DNS rebinding), so only the checked addresses count.
    """
    from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
    from urllib3.util import connection

    addresses = pins.get(pin_key(conn.host, conn.port or 0))
    if not addresses:
        raise NewConnectionError(conn, f"no checked address for {conn.host}; not connecting")
    last: OSError | None = None
    for address in addresses:
        try:
            return connection.create_connection((address, conn.port or 0), conn.timeout,
                                                source_address=conn.source_address,
                                                socket_options=conn.socket_options)
        except OSError as error:
            last = error
    if isinstance(last, TimeoutError):
        raise ConnectTimeoutError(conn, f"Connection to {conn.host} timed out. (connect "
                                        f"timeout={conn.timeout})") from last
    raise NewConnectionError(conn, f"Failed to establish a new connection: {last}") from last


@functools.cache
def _adapter_class() -> Any:
    from requests.adapters import DEFAULT_POOLBLOCK, HTTPAdapter
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
    from urllib3.poolmanager import PoolManager

    class PinnedHTTPConnection(HTTPConnection):
        def __init__(self, *args: Any, pins: Pins, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pins = pins

        def _new_conn(self) -> socket.socket:
            return _open(self, self._pins)

    class PinnedHTTPSConnection(HTTPSConnection):
        # TLS still names the host: SNI and the certificate check use self.host, not the
        # address connected to.
        def __init__(self, *args: Any, pins: Pins, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pins = pins

        def _new_conn(self) -> socket.socket:
            return _open(self, self._pins)

    class PinnedHTTPPool(HTTPConnectionPool):
        ConnectionCls = PinnedHTTPConnection

    class PinnedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = PinnedHTTPSConnection

    class PinnedPoolManager(PoolManager):
        def __init__(self, pins: Pins, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.pins = pins
            self.pool_classes_by_scheme = {"http": PinnedHTTPPool, "https": PinnedHTTPSPool}

        def _new_pool(self, scheme: str, host: str, port: int,
                      request_context: dict[str, Any] | None = None) -> HTTPConnectionPool:
            # Given to the pool here, not in connection_pool_kw: pool keys stay as they are.
            context = dict(self.connection_pool_kw if request_context is None
                           else request_context)
            context["pins"] = self.pins
            return super()._new_pool(scheme, host, port, context)

    class PinnedAdapter(HTTPAdapter):
        def __init__(self, pins: Pins) -> None:
            self.pins = pins  # before super().__init__, which makes the pool manager
            super().__init__(max_retries=0)

        def init_poolmanager(self, connections: int, maxsize: int,
                             block: bool = DEFAULT_POOLBLOCK, **pool_kwargs: Any) -> None:
            self._pool_connections = connections
            self._pool_maxsize = maxsize
            self._pool_block = block
            self.poolmanager = PinnedPoolManager(self.pins, num_pools=connections,
                                                 maxsize=maxsize, block=block, **pool_kwargs)

    return PinnedAdapter
