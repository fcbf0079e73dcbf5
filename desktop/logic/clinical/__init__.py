"""Clinical reasoning over a case: scores, staging, response, timing, regimens and their safety
checks, the adjuvant plan, completeness, and the one `evaluate` that runs them all."""

from desktop.logic.clinical.completeness import (
    AREAS,
    Readiness,
    meeting_decision,
    readiness,
    rediscussion_reasons,
)
from desktop.logic.clinical.evaluation import (
    Evaluation,
    evaluate,
    evaluation_output,
    summary_columns,
)
from desktop.logic.clinical.regimens import LOCOREGIONAL, load_catalogue
from desktop.logic.clinical.response import ChartSeries, response_chart_series
from desktop.logic.clinical.staging import cheng_note, cheng_type
from desktop.logic.clinical.timing import agent_catalogue

__all__ = [
    "AREAS",
    "ChartSeries",
    "Evaluation",
    "LOCOREGIONAL",
    "Readiness",
    "agent_catalogue",
    "cheng_note",
    "cheng_type",
    "evaluate",
    "evaluation_output",
    "load_catalogue",
    "meeting_decision",
    "readiness",
    "rediscussion_reasons",
    "response_chart_series",
    "summary_columns",
]
