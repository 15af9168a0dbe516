"""One entry point for every estimator, for one table or a table per stratum."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from reckon.errors import InputError
from reckon.estimate.chapman import ASSUMPTIONS, chapman
from reckon.estimate.lcmcr import LcmcrSettings, fit_lcmcr
from reckon.estimate.loglinear import LoglinearFit, fit_model, profile_interval
from reckon.estimate.result import Estimate, intervals_disagree
from reckon.estimate.selection import SELECTIONS, select_model
from reckon.estimate.table import CaptureTable

__all__ = ["METHODS", "EstimateSettings", "Result", "estimate", "estimate_strata"]

METHODS = ("lcmcr", "loglinear", "all")


@dataclass(frozen=True)
class EstimateSettings:
    """What to run: a plain, serialisable spec (the executor is `estimate`).

    ``selection`` picks the log-linear model (stepwise p < ``threshold``, or
    lowest BIC or AIC); ``bootstrap`` is the number of resamples for the
    interval of a sum over strata with log-linear models; ``reselect`` chooses
    the model afresh in every resample (model uncertainty enters the interval)
    instead of refitting the model chosen on the data.
    """

    method: str = "lcmcr"
    selection: str = "stepwise"
    threshold: float = 0.02
    level: float = 0.95
    bootstrap: int = 500
    reselect: bool = True
    lcmcr: LcmcrSettings = field(default_factory=LcmcrSettings)

    def check(self) -> None:
        if self.method not in METHODS:
            raise InputError(f"Unknown method {self.method!r}; choose one of {', '.join(METHODS)}.")
        if self.selection not in SELECTIONS:
            raise InputError(
                f"Unknown model selection {self.selection!r}; choose one of {', '.join(SELECTIONS)}."
            )
        if not 0.0 < self.level < 1.0:
            raise InputError(f"The interval level must be between 0 and 1, not {self.level}.")


@dataclass
class Result:
    """Estimates for one table (or the sum over strata), and per stratum when stratified."""

    estimates: list[Estimate]
    strata: dict[str, list[Estimate]] = field(default_factory=dict)

    @property
    def disagree(self) -> bool:
        return intervals_disagree(self.estimates)

    def to_dict(self) -> dict[str, Any]:
        def one(index: int) -> dict[str, Any]:
            out = self.estimates[index].to_dict()
            if self.strata:
                out["strata"] = [
                    {"stratum": name, **ests[index].to_dict()} for name, ests in self.strata.items()
                ]
            return out

        if len(self.estimates) == 1:
            return one(0)
        first = self.estimates[0]
        return {
            "method": "all",
            "lists": list(first.lists),
            "observed": first.observed,
            "interval": first.interval,
            "intervals_disagree": self.disagree,
            "results": [one(i) for i in range(len(self.estimates))],
        }


def _loglinear_estimate(fit: LoglinearFit, selection: str, level: float) -> Estimate:
    table = fit.table
    lower, upper = profile_interval(fit, level)
    se = float(np.sqrt(fit.cov[0, 0]))
    from scipy import stats

    z = float(stats.norm.ppf(0.5 + level / 2))
    warnings = []
    if fit.empty_pairs:
        names = ", ".join(f"{table.lists[a]}–{table.lists[b]}" for a, b in fit.empty_pairs)
        warnings.append(
            f"The chosen model includes interactions of lists that share nobody ({names}); they "
            "are fitted as −∞ (extended maximum likelihood)."
        )
    return Estimate(
        method="loglinear",
        lists=table.lists,
        observed=table.observed,
        estimate=fit.total,
        lower=lower,
        upper=upper,
        interval=level,
        diagnostics={
            "selection": selection,
            "model": " + ".join(fit.terms()),
            "terms": fit.terms()[table.n_lists :],
            "empty_overlap_terms": [
                f"{table.lists[a]}:{table.lists[b]}" for a, b in fit.empty_pairs
            ],
            "parameters": fit.n_params,
            "aic": fit.aic,
            "bic": fit.bic,
            "mle_exists": True,
            "interval_kind": "profile likelihood",
            "wald_log_interval": [
                table.observed + fit.dark * np.exp(-z * se),
                table.observed + fit.dark * np.exp(z * se),
            ],
        },
        warnings=warnings,
    )


def _loglinear(table: CaptureTable, settings: EstimateSettings, selection: str) -> Estimate:
    if table.n_lists == 2:
        result = chapman(table, settings.level)
        if table.overlap(0, 1) == 0:
            raise InputError(
                f"Lists {table.lists[0]} and {table.lists[1]} share nobody, so two-list "
                "estimation is impossible."
            )
        return result
    fit = select_model(table, selection, settings.threshold)
    return _loglinear_estimate(fit, selection, settings.level)


def _run(table: CaptureTable, settings: EstimateSettings) -> list[Estimate]:
    settings.check()
    table.validate(min_lists=2)
    table.check_overlaps()
    never = table.never_overlapping()
    note = [f"Lists that share nobody: {', '.join(f'{a}–{b}' for a, b in never)}."] if never else []
    out: list[Estimate] = []
    if settings.method in {"lcmcr", "all"}:
        if table.n_lists < 3:
            if settings.method == "lcmcr":
                raise InputError(
                    f"LCMCR needs at least 3 lists; this table has {table.n_lists}.",
                    hint="Use --method loglinear (Chapman's two-list estimate).",
                )
            note.append("LCMCR needs at least 3 lists, so it was not run.")
        else:
            out.append(fit_lcmcr(table, replace(settings.lcmcr, level=settings.level)))
    if settings.method in {"loglinear", "all"}:
        out.append(_loglinear(table, settings, settings.selection))
        if settings.method == "all" and table.n_lists > 2:
            for other in SELECTIONS:
                if other not in {settings.selection, "aic"}:
                    out.append(_loglinear(table, settings, other))
    for e in out:
        e.warnings[:0] = note
    return out


def estimate(table: CaptureTable, settings: EstimateSettings | None = None) -> Result:
    """Estimate the total behind one capture-pattern table with the method(s) in ``settings``."""
    return Result(_run(table, settings or EstimateSettings()))


def _bootstrap_sum(
    tables: Mapping[str, CaptureTable],
    fits: Mapping[str, Estimate],
    settings: EstimateSettings,
    seed: int,
) -> tuple[np.ndarray[Any, np.dtype[np.float64]], dict[str, int]]:
    """Totals of the sum over strata from multinomial resamples of each stratum's table.

    With ``settings.reselect`` (the default) every resample chooses its own model
    by the same procedure as the data did, so the interval carries model-selection
    uncertainty (Chan, Silverman & Vincent 2021, section 3.3); otherwise the terms
    chosen on the data are held fixed and only sampling error enters. Also returns,
    per stratum, how many distinct models the resamples chose.
    """
    rng = np.random.default_rng(seed)
    sums = np.zeros(settings.bootstrap)
    models: dict[str, int] = {}
    for name, table in tables.items():
        est = fits[name]
        if est.method == "chapman":
            for b in range(settings.bootstrap):
                sums[b] += chapman(table.resample(rng), settings.level).estimate
            continue
        terms = est.diagnostics["terms"]
        index = {n: i for i, n in enumerate(table.lists)}
        pairs = [(index[t.split(":")[0]], index[t.split(":")[1]]) for t in terms]
        chosen: set[tuple[tuple[int, int], ...]] = set()
        for b in range(settings.bootstrap):
            sample = table.resample(rng)
            try:
                if settings.reselect:
                    fit = select_model(sample, est.diagnostics["selection"], settings.threshold)
                else:
                    fit = fit_model(sample, pairs)
                chosen.add(fit.pairs)
                sums[b] += fit.total
            except (np.linalg.LinAlgError, InputError):
                # a resample in which the model cannot be fitted counts as unbounded
                sums[b] = np.inf
        models[name] = len(chosen)
    return sums, models


def estimate_strata(
    tables: Mapping[str, CaptureTable], settings: EstimateSettings | None = None
) -> Result:
    """Estimate each stratum and their sum; the sum's interval comes from draws, never from adding bounds.

    LCMCR: the sum of independent posterior draws of each stratum. Log-linear:
    a bootstrap of every stratum's table (``settings.bootstrap`` resamples).
    """
    settings = settings or EstimateSettings()
    if not tables:
        raise InputError("There are no strata to estimate.")
    per: dict[str, list[Estimate]] = {}
    for name, table in tables.items():
        try:
            per[name] = _run(table, settings)
        except InputError as exc:
            raise InputError(
                f"Stratum {name!r} ({table.observed} named): {exc.message}",
                hint="Pool small strata with --pool-below N, or estimate without --strata.",
            ) from exc
    first = next(iter(tables.values()))
    seed = settings.lcmcr.seed if settings.lcmcr.seed is not None else 0
    totals: list[Estimate] = []
    tail = (1.0 - settings.level) / 2.0
    for i, template in enumerate(next(iter(per.values()))):
        members = {name: ests[i] for name, ests in per.items()}
        models: dict[str, int] = {}
        if template.method == "lcmcr":
            draws = np.sum([e.draws for e in members.values() if e.draws is not None], axis=0)
            kind = "sum of posterior draws"
        else:
            draws, models = _bootstrap_sum(tables, members, settings, seed)
            kind = f"percentile bootstrap, {settings.bootstrap} resamples per stratum, " + (
                "model re-selected in each" if settings.reselect else "model held fixed"
            )
        point = (
            float(np.median(draws))
            if template.method == "lcmcr"
            else float(sum(e.estimate for e in members.values()))
        )
        warnings = sorted({w for e in members.values() for w in e.warnings if w != ASSUMPTIONS})
        totals.append(
            Estimate(
                method=template.method,
                lists=first.lists,
                observed=sum(t.observed for t in tables.values()),
                estimate=point,
                lower=float(np.quantile(draws, tail)),
                upper=float(np.quantile(draws, 1.0 - tail)),
                interval=settings.level,
                diagnostics={
                    "strata": len(tables),
                    "sum_interval": kind,
                    **(
                        {"converged": all(e.converged for e in members.values())}
                        if template.method == "lcmcr"
                        else {
                            "selection": template.diagnostics.get("selection"),
                            "bootstrap_reselect": settings.reselect,
                            "bootstrap_models": models,
                        }
                    ),
                },
                warnings=warnings,
                draws=draws,
            )
        )
    return Result(totals, per)
