"""One router per feature; `reckon.web.app` includes them all."""
