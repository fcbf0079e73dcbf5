"""Adjuvant options after conversion resection (review section 7), with notes that fit the case.

Every option of the catalogue is returned, the not-recommended one (adjuvant sorafenib, STORM)
included with its evidence, so the MDT sees why it is not offered.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from desktop.logic.clinical.regimens import AdjuvantOptionSpec, Catalogue, Regimen, regimen_text
from desktop.logic.clinical.safety_patient import hbv_present
from desktop.logic.model import Case, Message, Translated, msg

MACROVASCULAR_PVI = frozenset({"vp1", "vp2", "vp3", "vp4"})
MACROVASCULAR_HVI = frozenset({"vv1", "vv2", "vv3"})
ICI_OPTIONS = frozenset({"adjuvant-atezolizumab-bevacizumab", "adjuvant-pd1-monotherapy"})


class AdjuvantOption(NamedTuple):
    """One adjuvant option as offered for one case."""

    spec: AdjuvantOptionSpec
    notes: tuple[Message, ...]

    @property
    def stop_rule_messages(self) -> tuple[Message, ...]:
        """When to stop the option ("stop at recurrence"), one sentence per stop rule."""
        return tuple(Message(f"adjuvant.stop.{rule}") for rule in self.spec.stop_rules)

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        spec = self.spec
        return {
            "id": spec.id,
            "name": spec.name.render(lang),
            "components": [c.to_output() for c in spec.components],
            "agents": list(spec.agents),
            "duration_months": spec.duration_months,
            "stop_rules": [message.render(lang) for message in self.stop_rule_messages],
            "evidence": [e.to_output(lang) for e in spec.evidence],
            "recommended": spec.recommended,
            "recommendation_source": (
                spec.recommendation_source.render(lang) if spec.recommendation_source else None
            ),
            "notes": [note.render(lang) for note in self.notes],
        }


def adjuvant_options(case: Case, catalogue: Catalogue) -> list[AdjuvantOption]:
    """Every adjuvant option of the catalogue, in catalogue order, with case notes."""
    return [
        AdjuvantOption(spec, _notes(spec, case, catalogue, *_spec_notes(spec)))
        for spec in catalogue.adjuvant
    ]


def _notes(
    spec: AdjuvantOptionSpec,
    case: Case,
    catalogue: Catalogue,
    before: tuple[Message, ...],
    after: tuple[Message, ...],
) -> tuple[Message, ...]:
    """The option's own notes around the notes this case calls for."""
    notes = list(before)
    if spec.id == "continue-preoperative-regimen":
        notes.extend(_preoperative_notes(case))
    if spec.id == "adjuvant-after-folfox-haic-conversion":
        notes.extend(_folfox_haic_notes(case, catalogue))
    if spec.id in ICI_OPTIONS:
        notes.extend(_ici_exclusion_notes(case))
    return (*notes, *after)


_SpecNotes = tuple[tuple[Message, ...], tuple[Message, ...]]
_spec_notes_cache: dict[int, tuple[AdjuvantOptionSpec, _SpecNotes]] = {}


def _spec_notes(spec: AdjuvantOptionSpec) -> _SpecNotes:
    """The notes an option carries whatever the case (before and after the case's), made once
    per option object (kept while it lives, so another catalogue's option never reads them)."""
    hit = _spec_notes_cache.get(id(spec))
    if hit is not None and hit[0] is spec:
        return hit[1]
    if len(_spec_notes_cache) > 256:
        _spec_notes_cache.clear()
    notes = _spec_notes_cache[id(spec)] = (spec, _option_notes(spec))
    return notes[1]


def _option_notes(spec: AdjuvantOptionSpec) -> _SpecNotes:
    before: list[Message] = []
    advised_against = spec.recommended is False
    if advised_against and spec.recommendation_source is not None:
        source = Translated(spec.recommendation_source.en, spec.recommendation_source.zh_CN)
        before.append(msg("adjuvant.note.not_recommended", source=source))
    elif spec.recommended is None:
        before.append(Message("adjuvant.note.no_recommendation"))
    if not advised_against and not spec.stop_rules:
        before.append(Message("adjuvant.note.no_stop_rule"))
    # Review section 7: whether pCR should shorten adjuvant therapy is unanswered.
    after = () if advised_against else (Message("adjuvant.note.pcr_unresolved"),)
    return tuple(before), after


def _preoperative_notes(case: Case) -> list[Message]:
    regimens = list(dict.fromkeys(t.regimen for t in case.treatments))
    if not regimens:
        return [Message("adjuvant.note.no_preoperative_regimen")]
    names = [regimen_text(r) for r in regimens]
    return [msg("adjuvant.note.preoperative_regimen", regimens=names)]


def _folfox_haic_notes(case: Case, catalogue: Catalogue) -> list[Message]:
    # Pan et al. (review ref 77): benefit greatest with macrovascular invasion and HBsAg positivity.
    notes = [
        Message(
            "adjuvant.note.haic_given"
            if _had_haic(case, catalogue)
            else "adjuvant.note.haic_not_recorded"
        )
    ]
    tumor = case.tumor
    if (
        tumor.portal_vein_invasion in MACROVASCULAR_PVI
        or tumor.hepatic_vein_invasion in MACROVASCULAR_HVI
    ):
        notes.append(Message("adjuvant.note.macrovascular_invasion"))
    if hbv_present(case):  # HBsAg positive, or HBV among the causes
        notes.append(Message("adjuvant.note.hbv"))
    return notes


def _had_haic(case: Case, catalogue: Catalogue) -> bool:
    for treatment in case.treatments:
        regimen = catalogue.by_id(treatment.regimen)
        if isinstance(regimen, Regimen) and "haic" in regimen.classes:
            return True
        if any(agent.name.strip().lower() == "haic-folfox" for agent in treatment.agents):
            return True
    return False


def _ici_exclusion_notes(case: Case) -> list[Message]:
    # Same exclusions as the conversion safety checks (trial exclusion criteria for ICIs).
    notes = []
    if case.history.autoimmune_disease_active:
        notes.append(Message("adjuvant.note.ici_autoimmune"))
    if case.history.organ_transplant:
        notes.append(Message("adjuvant.note.ici_transplant"))
    return notes
