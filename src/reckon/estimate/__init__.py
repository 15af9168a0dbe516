"""Estimate how many people no list names: multiple systems estimation.

Capture-pattern tables (`CaptureTable`, `read_table`, `tables_from_histories`),
the LCMCR latent-class model (`fit_lcmcr`), log-linear models with model
selection (`select_model`), Chapman's two-list estimate (`chapman`), and one
entry point for all of them, for one table or per stratum (`estimate`,
`estimate_strata`).
"""

from reckon.estimate.api import METHODS, EstimateSettings, Result, estimate, estimate_strata
from reckon.estimate.chapman import chapman
from reckon.estimate.lcmcr import LcmcrSettings, fit_lcmcr
from reckon.estimate.result import Estimate
from reckon.estimate.selection import SELECTIONS, select_model
from reckon.estimate.table import (
    CaptureTable,
    pool_strata,
    read_table,
    read_tables,
    tables_from_histories,
)

__all__ = [
    "METHODS",
    "SELECTIONS",
    "CaptureTable",
    "Estimate",
    "EstimateSettings",
    "LcmcrSettings",
    "Result",
    "chapman",
    "estimate",
    "estimate_strata",
    "fit_lcmcr",
    "pool_strata",
    "read_table",
    "read_tables",
    "select_model",
    "tables_from_histories",
]
