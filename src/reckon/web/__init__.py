"""reckon's web app: the public memorial register and the investigators' workspace."""

from reckon.web.app import create_app

__all__ = ["create_app"]
