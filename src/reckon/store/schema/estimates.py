"""Stored estimates: results of ``reckon estimate --save`` that editors may publish by id.

``estimates``
    One row per saved run: the method (``lcmcr``, ``loglinear``, ``chapman`` or
    ``all``), the lists, the field it was stratified by, the settings it ran
    with (seed included, so it can be re-run), the headline figure with its
    interval, and the full JSON result (every method, every stratum,
    diagnostics, warnings, and a histogram of the draws for plots). Rows are
    never changed: a new run is a new row.
"""

from sqlalchemy import CheckConstraint, Column, Float, ForeignKey, Integer, String, Table, Text

from reckon.store.schema.meta import metadata
from reckon.store.types import JSONText, UTCDateTime

estimates = Table(
    "estimates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("label", Text, nullable=True),
    Column("method", String(20), nullable=False),
    Column("lists", JSONText, nullable=False),
    Column("strata", String(80), nullable=True),
    Column("parameters", JSONText, nullable=False),
    Column("estimate", Float, nullable=False),
    Column("lower", Float, nullable=False),
    Column("upper", Float, nullable=True),
    Column("level", Float, nullable=False),
    Column("result", JSONText, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    CheckConstraint("level > 0 AND level < 1", name="estimate_interval_level"),
)
