"""The linkage model as data: Splink settings for reckon's comparison columns.

`settings_dict` writes the comparisons and blocking rules as plain SQL over the
columns of `reckon.link.features`; the only dialect difference is the name of
the Jaro-Winkler function, so one saved model runs on DuckDB and on Spark
(`for_dialect`). A saved model is reckon's own JSON: the trained Splink settings
plus the clustering thresholds, so that a run can be repeated exactly.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from reckon.errors import InputError
from reckon.link.features import FEATURES_VERSION

MODEL_FORMAT = "reckon-link-model"
_JW = {"duckdb": "jaro_winkler_similarity", "spark": "jaro_winkler"}
_JW_ANY = re.compile(r"\b(jaro_winkler_similarity|jaro_winkler)\(")

# Blocking rules: name keys alone keep recall high on lists of thousands; name
# keys plus one more field bound the comparisons when lists run to millions
# (the commonest names then make blocks far too large to compare all pairs).
NAME_RULES: tuple[str, ...] = (
    "l.name_sk = r.name_sk",
    "l.name_fold = r.name_fold",
    "l.given_sk = r.surname_sk and l.surname_sk = r.given_sk",
    "l.given_sk = r.given_sk and substr(l.surname_sk, 1, 3) = substr(r.surname_sk, 1, 3)",
    "l.surname_sk = r.surname_sk and substr(l.given_sk, 1, 2) = substr(r.given_sk, 1, 2)",
    "l.surname_sk = r.surname_sk and l.father_pk = r.father_pk",
    "l.given_sk = r.given_sk and l.father_pk = r.father_pk",
    "l.surname_sk = r.surname_sk and l.birth_lo = r.birth_lo",
    "l.given_sk = r.given_sk and l.birth_lo = r.birth_lo",
    "l.surname_sk = r.surname_sk and l.death_lo = r.death_lo",
    "l.given_sk = r.given_sk and l.death_lo = r.death_lo",
    # Without the names: a full date at one place, or a birth year at one place.
    "l.death_lo = r.death_lo and l.death_hi = r.death_hi and l.prison_k = r.prison_k",
    "l.death_lo = r.death_lo and l.death_hi = r.death_hi and l.city_k = r.city_k",
    "l.birth_lo = r.birth_lo and l.prison_k = r.prison_k and l.city_k = r.city_k",
    "l.father_pk = r.father_pk and l.birth_lo = r.birth_lo",
    "l.given_sk = r.given_sk and l.prison_k = r.prison_k",
    "l.surname_sk = r.surname_sk and l.prison_k = r.prison_k",
)
SCALE_RULES: tuple[str, ...] = (
    "l.name_sk = r.name_sk and l.birth_lo = r.birth_lo",
    "l.name_fold = r.name_fold and l.birth_lo = r.birth_lo",
    "l.name_sk = r.name_sk and l.father_pk = r.father_pk",
    "l.name_sk = r.name_sk and l.death_lo = r.death_lo",
    "l.name_sk = r.name_sk and l.prison_k = r.prison_k and l.city_k = r.city_k",
    "l.given_sk = r.surname_sk and l.surname_sk = r.given_sk and l.birth_lo = r.birth_lo",
    "l.surname_sk = r.surname_sk and l.father_pk = r.father_pk and l.birth_lo = r.birth_lo",
)
# Above this many records the scale rules replace the name-only rules.
SCALE_FROM_RECORDS = 200_000


@dataclass(frozen=True)
class ClusterSettings:
    """How pairwise probabilities become clusters (see `reckon.link.cluster`)."""

    threshold: float = 0.2
    review_low: float = 0.05
    review_high: float = 0.9
    same_list_threshold: float = 0.999
    max_cluster_size: int = 0  # 0: the number of lists plus two


def _jw(column: str, threshold: float, dialect: str) -> str:
    # Engines differ in the last bits of a similarity (Spark's 0.92 can be
    # 0.9199999999999999): a small margin keeps both on the same side of a threshold.
    return f"{_JW[dialect]}({column}_l, {column}_r) >= {threshold - 1e-9:.9f}"


def _null(*columns: str) -> dict[str, Any]:
    condition = " OR ".join(f"{c}_l IS NULL OR {c}_r IS NULL" for c in columns)
    return {"sql_condition": condition, "label_for_charts": "missing", "is_null_level": True}


def _level(sql: str, label: str, tf: str | None = None) -> dict[str, Any]:
    level: dict[str, Any] = {"sql_condition": sql, "label_for_charts": label}
    if tf is not None:
        level["tf_adjustment_column"] = tf
        level["tf_adjustment_weight"] = 1.0
    return level


_ELSE = {"sql_condition": "ELSE", "label_for_charts": "different"}
_INTERVAL_GAP = "greatest({lo}_l - {hi}_r, {lo}_r - {hi}_l)"


def comparisons(dialect: str) -> list[dict[str, Any]]:
    """The comparisons, each a list of levels from strongest to weakest."""
    birth_gap = _INTERVAL_GAP.format(lo="birth_lo", hi="birth_hi")
    death_gap = _INTERVAL_GAP.format(lo="death_lo", hi="death_hi")
    return [
        {
            "output_column_name": "name",
            "comparison_description": "full name keys, either order",
            "comparison_levels": [
                _null("name_pk"),
                _level("name_pk_l = name_pk_r", "same name key", tf="name_pk"),
                _level("name_sorted_l = name_sorted_r", "same keys, given and surname swapped"),
                _level(
                    f"(surname_pk_l = surname_pk_r AND {_jw('given_pk', 0.88, dialect)}) OR "
                    f"(given_pk_l = given_pk_r AND {_jw('surname_pk', 0.88, dialect)})",
                    "one part same, other close",
                ),
                _level(_jw("name_pk", 0.92, dialect), "name keys very close"),
                _level(_jw("name_pk", 0.8, dialect), "name keys close"),
                _ELSE,
            ],
        },
        {
            "output_column_name": "father",
            "comparison_description": "father's name key",
            "comparison_levels": [
                _null("father_pk"),
                _level("father_pk_l = father_pk_r", "same", tf="father_pk"),
                _level(_jw("father_pk", 0.88, dialect), "close"),
                _ELSE,
            ],
        },
        {
            "output_column_name": "birth",
            "comparison_description": "birth year as a Gregorian interval",
            "comparison_levels": [
                _null("birth_lo"),
                _level(f"{birth_gap} <= 0", "same year"),
                _level(f"{birth_gap} <= 1", "one year apart"),
                _level(f"{birth_gap} <= 2", "two years apart"),
                _ELSE,
            ],
        },
        {
            "output_column_name": "death",
            "comparison_description": "death date as a Gregorian interval of days",
            "comparison_levels": [
                _null("death_lo"),
                _level(
                    "death_lo_l = death_lo_r AND death_hi_l = death_lo_l AND death_hi_r = death_lo_r",
                    "same day",
                ),
                _level(f"{death_gap} <= 0", "overlapping"),
                _level(f"{death_gap} <= 3", "within 3 days"),
                _level(f"{death_gap} <= 31", "within a month"),
                _ELSE,
            ],
        },
        {
            "output_column_name": "city",
            "comparison_description": "city key",
            "comparison_levels": [
                _null("city_k"),
                _level("city_k_l = city_k_r", "same", tf="city_k"),
                _ELSE,
            ],
        },
        {
            "output_column_name": "prison",
            "comparison_description": "prison key",
            "comparison_levels": [
                _null("prison_k"),
                _level("prison_k_l = prison_k_r", "same", tf="prison_k"),
                _ELSE,
            ],
        },
        {
            "output_column_name": "sex",
            "comparison_description": "sex",
            "comparison_levels": [_null("sex"), _level("sex_l = sex_r", "same"), _ELSE],
        },
    ]


def blocking_rules(n_records: int) -> tuple[str, ...]:
    """The blocking rules for a run of ``n_records`` records."""
    return SCALE_RULES if n_records > SCALE_FROM_RECORDS else NAME_RULES


def settings_dict(n_records: int, dialect: str = "duckdb") -> dict[str, Any]:
    """Untrained Splink settings for reckon's feature columns."""
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "record_id",
        "probability_two_random_records_match": 1e-4,
        "blocking_rules_to_generate_predictions": [
            {"blocking_rule": rule} for rule in blocking_rules(n_records)
        ],
        "comparisons": comparisons(dialect),
        "additional_columns_to_retain": ["list"],
        "retain_matching_columns": False,
        "retain_intermediate_calculation_columns": False,
        "em_convergence": 0.001,
        "max_iterations": 25,
    }


def for_dialect(settings: dict[str, Any], dialect: str) -> dict[str, Any]:
    """The same settings with the SQL functions that differ renamed for ``dialect``."""
    text = _JW_ANY.sub(f"{_JW[dialect]}(", json.dumps(settings))
    out: dict[str, Any] = json.loads(text)
    out["sql_dialect"] = dialect
    return out


@dataclass
class SavedModel:
    """A trained model: Splink settings with m and u, plus reckon's clustering settings."""

    splink: dict[str, Any]
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    features_version: int = FEATURES_VERSION
    trained_on: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": MODEL_FORMAT,
                "features_version": self.features_version,
                "cluster": asdict(self.cluster),
                "trained_on": self.trained_on,
                "splink": self.splink,
            },
            indent=2,
            ensure_ascii=False,
        )

    def save(self, path: Path) -> None:
        path.write_text(self.to_json() + "\n", encoding="utf-8")

    @classmethod
    def from_json(cls, text: str, origin: str = "the model") -> SavedModel:
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{origin} is not JSON ({exc}).", hint="Give a file saved by reckon link --model."
            ) from exc
        if not isinstance(raw, dict) or raw.get("format") != MODEL_FORMAT:
            raise InputError(
                f"{origin} is not a reckon linkage model.",
                hint="Give a file written by 'reckon link ... --model FILE'.",
            )
        if raw.get("features_version") != FEATURES_VERSION:
            raise InputError(
                f"{origin} was trained on features version {raw.get('features_version')}, "
                f"this reckon computes version {FEATURES_VERSION}.",
                hint="Train a new model by running without an existing --model file.",
            )
        return cls(
            splink=raw["splink"],
            cluster=ClusterSettings(**raw.get("cluster", {})),
            trained_on=raw.get("trained_on", {}),
        )

    @classmethod
    def load(cls, path: Path) -> SavedModel:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"Cannot read the model {path} ({exc}).") from exc
        return cls.from_json(text, str(path))
