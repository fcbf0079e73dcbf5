"""Beside the decision step's form: what the record will show, and every record of the case."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.logic.clinical import verdict_label
from desktop.logic.model import Decision, term
from desktop.ui.step_base import bullets_html

if TYPE_CHECKING:
    from desktop.logic.clinical import Evaluation
    from desktop.logic.model.decision import Override


def _tr(text: str) -> str:
    return QCoreApplication.translate("DecisionStep", text)


def override_line(override: Override) -> str:
    if override.item == "completeness":  # its reason is the whole sentence, in words
        return override.reason
    return _tr("Override {0}: computed {1}, chosen {2} \u2014 {3}").format(
        override.item.upper(), override.computed or "\u2014", override.chosen, override.reason
    )


def summary_html(
    evaluation: Evaluation, decisions: Sequence[Decision], record: Decision | None, lang: str
) -> str:
    """Stages, the record's regimen and overrides; then each record: date, status, hash."""
    lines = [
        _tr("BCLC {0} \u00b7 CNLC {1} \u00b7 Child-Pugh {2}").format(
            evaluation.bclc.stage, evaluation.cnlc.stage, evaluation.child_pugh.label
        ),
    ]
    verdicts = {v.regimen.id: v for v in evaluation.regimens}
    if record is not None and record.regimen_id:
        found = verdicts.get(record.regimen_id)
        if found is None:  # not in the catalogue: as recorded
            lines.append(_tr("Regimen: {0}").format(record.regimen_id))
        else:  # with its verdict for this case, checks not done counted
            verdict = verdict_label(found.verdict, found.checks_not_done).render(lang)
            name = found.regimen.name.render(lang)
            lines.append(_tr("Regimen: {0} ({1} for this case)").format(name, verdict))
    lines += [override_line(o) for o in (record.overrides if record else [])]
    history = [
        " \u00b7 ".join(
            part
            for part in (
                d.meeting_date.isoformat(),
                term(f"term.decision_status.{d.status}", lang),
                (d.record_hash or "")[:19],
            )
            if part
        )
        for d in decisions
    ]
    record_title = _tr("What the record will show")
    history_title = _tr("Decision records of this case")
    return (
        f"<b>{record_title}</b>{bullets_html(lines)}"
        f"<p><b>{history_title}</b>{bullets_html(history)}</p>"
    )
