"""Use cases, rules and the headless CLI. No Qt here: usable from a Python shell."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kantselaria")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
