"""BCLC and CNLC stages, Milan and up-to-seven, Cheng's PVTT type, and where the stagings disagree.

Each rule list is decided in the exact order of clinical-rules.md (the first that applies wins)
and every result names the deciding inputs in `why`. An optional finding that is not recorded
(hepatic vein invasion, lymph-node metastasis) is never invented: it is left out of the decision,
and `why` says so only where its presence would change the result.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from desktop.logic.clinical.scores import ChildPugh, settled
from desktop.logic.model import Case, Message, Term, Tumor, msg, render_all

# BCLC: Reig et al., J Hepatol 2022 (the version the review uses; a 2026 update exists)
BCLC_SYSTEM = "BCLC 2022 (Reig et al., J Hepatol 2022)"
# CNLC: Guidelines for the diagnosis and treatment of primary liver cancer (China), 2022 edition
CNLC_SYSTEM = "CNLC 2022 (China Liver Cancer staging, primary liver cancer guidelines 2022 edition)"
SYSTEM_TERMS = {BCLC_SYSTEM: "term.system.bclc_2022", CNLC_SYSTEM: "term.system.cnlc_2022"}


class Stage(NamedTuple):
    """One staging result, stamped with the system and version that produced it."""

    system: str
    stage: str
    why: tuple[Message, ...]

    def system_name(self, lang: str = "en") -> str:
        """The staging system and its version in the reader's language."""
        known = SYSTEM_TERMS.get(self.system)
        return Term(known).render(lang) if known else self.system

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        return {
            "stage": self.stage,
            "system": self.system_name(lang),
            "why": render_all(self.why, lang),
        }


class Criterion(NamedTuple):
    """Within or beyond a tumour-burden criterion; `value` is the criterion's number, if any."""

    within: bool
    value: float | None
    why: tuple[Message, ...]

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        return {"within": self.within, "value": self.value, "why": render_all(self.why, lang)}


# ---------------------------------------------------------------- findings shared by the systems
def macrovascular_invasion(tumor: Tumor) -> list[Message]:
    """Any Vp grade, or hepatic vein invasion Vv1-Vv3 (imaging-visible tumour thrombus)."""
    found = []
    if tumor.portal_vein_invasion != "none":
        found.append(
            msg("staging.portal_vein", grade=Term(f"term.pvi.{tumor.portal_vein_invasion}"))
        )
    if tumor.hepatic_vein_invasion not in (None, "none"):
        found.append(
            msg("staging.hepatic_vein", grade=Term(f"term.hvi.{tumor.hepatic_vein_invasion}"))
        )
    return found


def extrahepatic_spread(tumor: Tumor) -> list[Message]:
    """Extrahepatic spread; lymph-node metastasis counts as extrahepatic spread."""
    found = []
    if tumor.extrahepatic_spread:
        found.append(msg("staging.extrahepatic"))
    if tumor.lymph_node_metastasis:
        found.append(msg("staging.lymph_node"))
    return found


def end_stage(case: Case, cp: ChildPugh) -> list[Message]:
    """ECOG PS 3-4 or Child-Pugh C: BCLC D and CNLC IV."""
    found = []
    if case.ecog >= 3:
        found.append(msg("staging.ecog", ecog=case.ecog))
    if cp.cls == "C":
        found.append(msg("staging.child_pugh", label=cp.label))
    return found


def tumour_burden(sizes: list[float]) -> Message:
    if len(sizes) == 1:
        return msg("staging.burden.single", size=sizes[0])
    return msg("staging.burden.multiple", count=len(sizes), largest=max(sizes))


def _not_recorded(tumor: Tumor, fields: tuple[str, ...], would_be: Message) -> list[Message]:
    """Name the optional findings left unrecorded, for fields whose presence changes the result."""
    return [
        msg(f"staging.not_recorded.{field}", would_be=would_be)
        for field in fields
        if getattr(tumor, field) is None
    ]


def _stage(label: str) -> Message:
    return msg("staging.result.stage", stage=label)


def _single_within(sizes: list[float], limit: float) -> bool:
    return len(sizes) == 1 and settled(sizes[0]) <= limit


def _two_or_three_within(sizes: list[float], limit: float) -> bool:
    return 2 <= len(sizes) <= 3 and settled(max(sizes)) <= limit


# ---------------------------------------------------------------- BCLC 2022
def bclc(case: Case, cp: ChildPugh) -> Stage:
    tumor, sizes = case.tumor, case.tumor.nodules_cm
    terminal = end_stage(case, cp)
    if terminal:  # rule 1: D
        return Stage(BCLC_SYSTEM, "D", (msg("staging.bclc.D", findings=terminal),))
    ecog_1_2 = [msg("staging.ecog", ecog=case.ecog)] if case.ecog in (1, 2) else []
    advanced = macrovascular_invasion(tumor) + extrahepatic_spread(tumor) + ecog_1_2
    if advanced:  # rule 2: C
        why = [msg("staging.bclc.C", findings=advanced)]
        if ecog_1_2:
            why.append(msg("staging.bclc.ps_cancer_related", ecog=case.ecog))
        return Stage(BCLC_SYSTEM, "C", (*why, *_liver_function_note(case, cp)))
    if _single_within(sizes, 2.0):  # rule 3: 0
        stage = "0"
    elif len(sizes) == 1 or _two_or_three_within(sizes, 3.0):  # rule 4: A
        stage = "A"
    else:  # rule 5: B
        stage = "B"
    why = [
        msg(f"staging.bclc.{stage}", burden=tumour_burden(sizes)),
        *_not_recorded(tumor, ("hepatic_vein_invasion", "lymph_node_metastasis"), _stage("BCLC C")),
        *_liver_function_note(case, cp),
    ]
    return Stage(BCLC_SYSTEM, stage, tuple(why))


def _liver_function_note(case: Case, cp: ChildPugh) -> list[Message]:
    """BCLC 0-C assume Child-Pugh A without ascites; otherwise the stage needs MDT judgement."""
    reasons: list[Message] = []
    if cp.cls != "A":
        reasons.append(msg("staging.child_pugh", label=cp.label))
    if case.liver.ascites != "none":
        reasons.append(msg("staging.ascites", grade=Term(f"term.ascites.{case.liver.ascites}")))
    return [msg("staging.bclc.liver_not_preserved", reasons=reasons)] if reasons else []


# ---------------------------------------------------------------- CNLC 2022
def cnlc(case: Case, cp: ChildPugh) -> Stage:
    tumor, sizes = case.tumor, case.tumor.nodules_cm
    terminal = end_stage(case, cp)
    if terminal:  # rule 1: IV
        return Stage(CNLC_SYSTEM, "IV", (msg("staging.cnlc.IV", findings=terminal),))
    spread, vascular = extrahepatic_spread(tumor), macrovascular_invasion(tumor)
    if spread:  # rule 2: IIIb, with or without vascular invasion
        return Stage(CNLC_SYSTEM, "IIIb", (msg("staging.cnlc.IIIb", findings=spread + vascular),))
    if vascular:  # rule 3: IIIa
        why = [msg("staging.cnlc.IIIa", findings=vascular)]
        why += _not_recorded(tumor, ("lymph_node_metastasis",), _stage("CNLC IIIb"))
        return Stage(CNLC_SYSTEM, "IIIa", tuple(why))
    stage = _cnlc_intrahepatic(sizes)
    why = [
        msg(f"staging.cnlc.{stage}", burden=tumour_burden(sizes)),
        *_not_recorded(tumor, ("hepatic_vein_invasion",), _stage("CNLC IIIa")),
        *_not_recorded(tumor, ("lymph_node_metastasis",), _stage("CNLC IIIb")),
    ]
    return Stage(CNLC_SYSTEM, stage, tuple(why))


def _cnlc_intrahepatic(sizes: list[float]) -> str:
    """Rules 4-7: tumour number and size only (no vascular invasion, no extrahepatic spread)."""
    if _single_within(sizes, 5.0):
        return "Ia"
    if len(sizes) == 1 or _two_or_three_within(sizes, 3.0):
        return "Ib"
    return "IIa" if len(sizes) <= 3 else "IIb"


# ---------------------------------------------------------------- treatment pathways
# Stage -> (main recommended pathway, resection still considered) per BCLC 2022 (Reig et al.,
# J Hepatol 2022) and the CNLC 2022 guideline; Figure 1 of the review (refs 6, 7, 14).
BCLC_PATHWAYS = {
    "0": ("curative", True),
    "A": ("curative", True),
    "B": ("tace", False),
    "C": ("systemic", False),
    "D": ("supportive", False),
}
CNLC_PATHWAYS = {
    "Ia": ("curative", True),
    "Ib": ("curative", True),
    "IIa": ("curative", True),
    "IIb": ("tace", True),
    "IIIa": ("systemic", True),
    "IIIb": ("systemic", False),
    "IV": ("supportive", False),
}


def treatment_pathway(pathway: tuple[str, bool]) -> Message:
    main, resection = pathway
    if resection and main != "curative":
        return msg("staging.pathway.with_resection", main=Term(f"staging.pathway.{main}"))
    return msg("staging.pathway.only", main=Term(f"staging.pathway.{main}"))


def stage_discordance(bclc: Stage, cnlc: Stage) -> Message | None:
    """A sentence when BCLC and CNLC point to different treatment pathways; None when they agree."""
    bclc_pathway, cnlc_pathway = BCLC_PATHWAYS[bclc.stage], CNLC_PATHWAYS[cnlc.stage]
    if bclc_pathway == cnlc_pathway:
        return None
    return msg(
        "staging.discordance",
        bclc=bclc.stage,
        cnlc=cnlc.stage,
        bclc_pathway=treatment_pathway(bclc_pathway),
        cnlc_pathway=treatment_pathway(cnlc_pathway),
    )


# ---------------------------------------------------------------- Milan and up-to-seven
# Milan: Mazzaferro et al., N Engl J Med 1996
def milan(case: Case) -> Criterion:
    tumor, sizes = case.tumor, case.tumor.nodules_cm
    reasons = macrovascular_invasion(tumor) + extrahepatic_spread(tumor)
    if not (_single_within(sizes, 5.0) or _two_or_three_within(sizes, 3.0)):
        reasons.insert(0, msg("staging.milan.burden_beyond", burden=tumour_burden(sizes)))
    return Criterion(not reasons, None, _criterion_why("milan", tumor, sizes, reasons))


# Up-to-seven: Mazzaferro et al., Lancet Oncol 2009; TACE beyond it: review ref 39 (Kudo 2019)
def up_to_seven(case: Case) -> Criterion:
    tumor, sizes = case.tumor, case.tumor.nodules_cm
    value = max(sizes) + len(sizes)
    reasons = macrovascular_invasion(tumor) + extrahepatic_spread(tumor)
    if settled(value) > 7:  # decided on the exact sum; shown to 2 decimals
        reasons.insert(0, msg("staging.up_to_seven.above_7", value=value))
    why = (
        msg("staging.up_to_seven.sum", largest=max(sizes), count=len(sizes), value=value),
        *_criterion_why("up_to_seven", tumor, sizes, reasons),
    )
    return Criterion(not reasons, round(value, 2), why)


def _criterion_why(
    name: str, tumor: Tumor, sizes: list[float], reasons: list[Message]
) -> tuple[Message, ...]:
    if reasons:
        return (msg(f"staging.{name}.beyond", reasons=reasons),)
    beyond = msg("staging.result.beyond", criterion=Term(f"staging.criterion.{name}"))
    return (
        msg(f"staging.{name}.within", burden=tumour_burden(sizes)),
        *_not_recorded(tumor, ("hepatic_vein_invasion", "lymph_node_metastasis"), beyond),
    )


# ---------------------------------------------------------------- Cheng's PVTT type
# Cheng's classification beside the Japanese Vp grade (clinical-rules.md): Vp2 ~ I, Vp3 ~ II,
# Vp4 ~ III; type IV (superior mesenteric vein) has no Vp equivalent. Display only, never stored.
CHENG_BY_VP = {"vp2": "I", "vp3": "II", "vp4": "III"}
CHENG_NOTE = "staging.cheng_note"


def cheng_type(portal_vein_invasion: str) -> str | None:
    return CHENG_BY_VP.get(portal_vein_invasion)


def cheng_note() -> Message:
    """Why the Cheng type is shown only beside the Vp grade: the systems are not identical."""
    return msg(CHENG_NOTE)
