"""Clinical reasoning over a case: scores, staging, response, timing, regimens and their safety
checks, the adjuvant plan, completeness, and the one `evaluate` that runs them all.

`Evaluation` and the result types it holds are what the app and the PDF read. Names load on
first use (PEP 562): `evaluate` does not import the completeness check or the follow-up schedule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.logic.model import lazy_exports

if TYPE_CHECKING:
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

_EXPORTS = {  # module: the names it gives this front door
    "adjuvant": ("AdjuvantOption",),
    "checks": ("Check",),
    "completeness": (
        "AREAS",
        "Readiness",
        "meeting_decision",
        "meeting_question",
        "readiness",
        "rediscussion_reasons",
    ),
    "evaluation": ("Evaluation", "evaluate", "evaluation_output", "summary_columns"),
    "follow_up": ("RestagingDue", "restaging_due"),
    "markers": ("Markers",),
    "regimens": ("LOCOREGIONAL", "Component", "Evidence", "Regimen", "load_catalogue"),
    "response": (
        "ChartSeries",
        "ResponseSeries",
        "Timepoint",
        "nice_ceiling",
        "response_chart_series",
    ),
    "safety": ("MissingInput", "RegimenVerdict", "verdict_label"),
    "scores": ("Albi", "ChildPugh", "Meld"),
    "staging": ("Criterion", "Stage", "cheng_note", "cheng_type"),
    "timing": ("SurgeryTiming", "agent_catalogue", "washout_rule_id"),
}
_HOME, __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

__all__ = [  # the names of _EXPORTS (a test checks)
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
