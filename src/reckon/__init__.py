"""reckon: document mass atrocities, reconcile victim lists, estimate the uncounted."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("reckon")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0"

__all__ = ["__version__"]
