"""One call that evaluates a case: scores, staging, regimen verdicts, response, timing, adjuvant.

`evaluate()` returns the result objects (the app and the PDF read them); `evaluation_output()`
renders them as `hcc-mdt-evaluation/1` (case-format.md) in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from desktop import __version__
from desktop.logic.clinical.adjuvant import AdjuvantOption, adjuvant_options
from desktop.logic.clinical.markers import Markers, marker_series
from desktop.logic.clinical.regimens import Catalogue, load_catalogue
from desktop.logic.clinical.response import ResponseSeries, assess_response
from desktop.logic.clinical.safety import (
    MissingInput,
    RegimenVerdict,
    assess_regimens,
    data_checklist,
)
from desktop.logic.clinical.scores import Albi, ChildPugh, Meld, albi, child_pugh, meld
from desktop.logic.clinical.staging import (
    Criterion,
    Stage,
    bclc,
    cnlc,
    milan,
    stage_discordance,
    up_to_seven,
)
from desktop.logic.clinical.timing import SurgeryTiming, surgery_timing
from desktop.logic.model import Case, Message, Rules, default_rules, lifecycle, render_all

OUTPUT_FORMAT = "hcc-mdt-evaluation/1"
DISCLAIMER = "evaluation.disclaimer"


class Evaluation(NamedTuple):
    """Everything computed for one case with one rules file."""

    rules_version: str
    as_of: dt.date
    child_pugh: ChildPugh
    albi: Albi
    meld: Meld
    bclc: Stage
    cnlc: Stage
    discordance: Message | None
    milan: Criterion
    up_to_seven: Criterion
    response: ResponseSeries | None
    markers: Markers
    regimens: list[RegimenVerdict]
    data_checklist: tuple[MissingInput, ...]
    surgery: SurgeryTiming
    adjuvant: list[AdjuvantOption]

    @property
    def rule_ids(self) -> frozenset[str]:
        """The rules-file entries the evaluation relied on by name (a regimen's fired rules)."""
        return frozenset(rule for verdict in self.regimens for rule in verdict.rules)


def evaluate(
    case: Case,
    rules: Rules | None = None,
    catalogue: Catalogue | None = None,
    as_of: dt.date | None = None,
) -> Evaluation:
    """Evaluate `case` as of the day `as_of` (default today): every recency rule counts to it."""
    rules = rules or default_rules()
    catalogue = catalogue or load_catalogue()
    as_of = as_of or dt.date.today()
    cp = child_pugh(case)
    bclc_stage = bclc(case, cp)
    cnlc_stage = cnlc(case, cp)
    albi_result = albi(case)
    meld_result = meld(case)
    regimens = assess_regimens(case, catalogue, rules, as_of, cp.points, albi_result.grade)
    return Evaluation(
        rules_version=rules.version,
        as_of=as_of,
        child_pugh=cp,
        albi=albi_result,
        meld=meld_result,
        bclc=bclc_stage,
        cnlc=cnlc_stage,
        discordance=stage_discordance(bclc_stage, cnlc_stage),
        milan=milan(case),
        up_to_seven=up_to_seven(case),
        response=assess_response(case.imaging),
        markers=marker_series(case),
        regimens=regimens,
        data_checklist=data_checklist(regimens),
        surgery=surgery_timing(case, rules, cp, meld_result.meld, as_of),
        adjuvant=adjuvant_options(case, catalogue),
    )


def evaluation_output(evaluation: Evaluation, lang: str = "en") -> dict[str, Any]:
    """`hcc-mdt-evaluation/1` exactly as case-format.md names it, plus provenance keys."""
    return {
        "format": OUTPUT_FORMAT,
        "app_version": __version__,
        "rules_version": evaluation.rules_version,
        "as_of": evaluation.as_of.isoformat(),
        "child_pugh": evaluation.child_pugh.to_output(lang),
        "albi": evaluation.albi.to_output(lang),
        "meld": evaluation.meld.to_output(lang),
        "bclc": evaluation.bclc.to_output(lang),
        "cnlc": evaluation.cnlc.to_output(lang),
        "staging_discordance": (
            evaluation.discordance.render(lang) if evaluation.discordance else None
        ),
        "milan": evaluation.milan.to_output(lang),
        "up_to_seven": evaluation.up_to_seven.to_output(lang),
        "response": _response_output(evaluation, lang),
        "markers": evaluation.markers.to_output(),
        "regimens": _regimens_output(evaluation, lang),
        "data_checklist": [item.to_output(lang) for item in evaluation.data_checklist],
        "surgery": evaluation.surgery.to_output(lang),
        "adjuvant": [option.to_output(lang) for option in evaluation.adjuvant],
        "disclaimer": render_all([Message(DISCLAIMER)], lang)[0],
    }


def _regimens_output(evaluation: Evaluation, lang: str) -> list[dict[str, Any]]:
    rendered: dict[int, dict[str, Any]] = {}  # a check shared by regimens is rendered once
    return [verdict.to_output(lang, rendered) for verdict in evaluation.regimens]


def _response_output(evaluation: Evaluation, lang: str) -> dict[str, Any] | None:
    """`response` is null without two scans; with them it carries `markers` too (the same
    series is always at the top level, so markers are never lost without imaging)."""
    if evaluation.response is None:
        return None
    return {**evaluation.response.to_output(lang), "markers": evaluation.markers.to_output()}


def summary_columns(case: Case, rules: Rules | None = None) -> dict[str, str | None]:
    """The few computed values a case list shows: BCLC, CNLC, Child-Pugh label, status."""
    cp = child_pugh(case)
    return {
        "bclc": bclc(case, cp).stage,
        "cnlc": cnlc(case, cp).stage,
        "child_pugh": cp.label,
        "status": lifecycle.case_status(case.decisions),
    }
