"""Clinical reasoning over a case: scores, staging, response, timing, regimens and their safety
checks, the adjuvant plan, completeness, and the one `evaluate` that runs them all.

`Evaluation` and the result types it holds are what the app and the PDF read."""

from desktop.logic.clinical.adjuvant import AdjuvantOption
from desktop.logic.clinical.checks import Check
from desktop.logic.clinical.completeness import (
    AREAS,
    Readiness,
    meeting_decision,
    meeting_question,
    readiness,
    rediscussion_reasons,
)
from desktop.logic.clinical.evaluation import (
    Evaluation,
    evaluate,
    evaluation_output,
    summary_columns,
)
from desktop.logic.clinical.follow_up import RestagingDue, restaging_due
from desktop.logic.clinical.markers import Markers
from desktop.logic.clinical.regimens import (
    LOCOREGIONAL,
    Component,
    Evidence,
    Regimen,
    load_catalogue,
)
from desktop.logic.clinical.response import (
    ChartSeries,
    ResponseSeries,
    Timepoint,
    nice_ceiling,
    response_chart_series,
)
from desktop.logic.clinical.safety import MissingInput, RegimenVerdict, verdict_label
from desktop.logic.clinical.scores import Albi, ChildPugh, Meld
from desktop.logic.clinical.staging import Criterion, Stage, cheng_note, cheng_type
from desktop.logic.clinical.timing import SurgeryTiming, agent_catalogue, washout_rule_id

__all__ = [
    "AREAS",
    "AdjuvantOption",
    "Albi",
    "ChartSeries",
    "Check",
    "ChildPugh",
    "Component",
    "Criterion",
    "Evaluation",
    "Evidence",
    "LOCOREGIONAL",
    "Markers",
    "Meld",
    "MissingInput",
    "Readiness",
    "Regimen",
    "RegimenVerdict",
    "RestagingDue",
    "ResponseSeries",
    "Stage",
    "SurgeryTiming",
    "Timepoint",
    "agent_catalogue",
    "cheng_note",
    "cheng_type",
    "evaluate",
    "evaluation_output",
    "load_catalogue",
    "meeting_decision",
    "nice_ceiling",
    "meeting_question",
    "readiness",
    "rediscussion_reasons",
    "response_chart_series",
    "restaging_due",
    "summary_columns",
    "verdict_label",
    "washout_rule_id",
]
