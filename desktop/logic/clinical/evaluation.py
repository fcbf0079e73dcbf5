"""One call that evaluates a case: scores, staging, regimen verdicts, response, timing, adjuvant.

`evaluate()` returns the result objects (the app and the PDF read them); `evaluation_output()`
renders them as `hcc-mdt-evaluation/1` (case-format.md) in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop import __version__
from desktop.logic.clinical.adjuvant import AdjuvantOption, adjuvant_options
from desktop.logic.clinical.regimens import Catalogue, load_catalogue
from desktop.logic.clinical.response import ResponseSeries, assess_response
from desktop.logic.clinical.safety import RegimenVerdict, assess_regimens
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


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Everything computed for one case with one rules file."""

    rules_version: str
    child_pugh: ChildPugh
    albi: Albi
    meld: Meld
    bclc: Stage
    cnlc: Stage
    discordance: Message | None
    milan: Criterion
    up_to_seven: Criterion
    response: ResponseSeries | None
    regimens: list[RegimenVerdict]
    surgery: SurgeryTiming
    adjuvant: list[AdjuvantOption]

    @property
    def rule_ids(self) -> frozenset[str]:
        """The rules-file entries the evaluation relied on by name (a regimen's fired rules)."""
        return frozenset(rule for verdict in self.regimens for rule in verdict.rules)


def evaluate(
    case: Case, rules: Rules | None = None, catalogue: Catalogue | None = None
) -> Evaluation:
    rules = rules or default_rules()
    catalogue = catalogue or load_catalogue()
    cp = child_pugh(case)
    bclc_stage = bclc(case, cp)
    cnlc_stage = cnlc(case, cp)
    return Evaluation(
        rules_version=rules.version,
        child_pugh=cp,
        albi=albi(case),
        meld=meld(case),
        bclc=bclc_stage,
        cnlc=cnlc_stage,
        discordance=stage_discordance(bclc_stage, cnlc_stage),
        milan=milan(case),
        up_to_seven=up_to_seven(case),
        response=assess_response(case.imaging),
        regimens=assess_regimens(case, cp.points, catalogue, rules),
        surgery=surgery_timing(case, rules),
        adjuvant=adjuvant_options(case, catalogue),
    )


def evaluation_output(evaluation: Evaluation, lang: str = "en") -> dict[str, Any]:
    """`hcc-mdt-evaluation/1` exactly as case-format.md names it, plus provenance keys."""
    return {
        "format": OUTPUT_FORMAT,
        "app_version": __version__,
        "rules_version": evaluation.rules_version,
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
        "response": evaluation.response.to_output(lang) if evaluation.response else None,
        "regimens": [verdict.to_output(lang) for verdict in evaluation.regimens],
        "surgery": evaluation.surgery.to_output(lang),
        "adjuvant": [option.to_output(lang) for option in evaluation.adjuvant],
        "disclaimer": render_all([Message(DISCLAIMER)], lang)[0],
    }


def summary_columns(case: Case, rules: Rules | None = None) -> dict[str, str | None]:
    """The few computed values a case list shows: BCLC, CNLC, Child-Pugh label, status."""
    cp = child_pugh(case)
    return {
        "bclc": bclc(case, cp).stage,
        "cnlc": cnlc(case, cp).stage,
        "child_pugh": cp.label,
        "status": lifecycle.case_status(case.decisions),
    }
