"""HubDesk: curate customer contacts offline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hubdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
