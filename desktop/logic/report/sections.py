"""The findings sections of one case's MDT summary: patient, liver, tumour, staging, response,
treatments and adverse events, as platypus flowables."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Spacer

from desktop.logic.clinical import Criterion, Stage, load_catalogue, response_chart_series
from desktop.logic.model import adverse_event_term, agent_term
from desktop.logic.report.chart import response_chart
from desktop.logic.report.layout import (
    OLDEST_AGE_SHOWN,
    Markup,
    ReportContext,
    bullets,
    data_table,
    key_values,
    missing,
    none_recorded,
    number,
    or_not_recorded,
    para,
    section,
    subheading,
    unit_markup,
    yes_no,
)


def patient_section(ctx: ReportContext) -> list[Flowable]:
    patient, case = ctx.case.patient, ctx.case
    sex = ctx.term(f"term.sex.{patient.sex}") if patient.sex else None
    age = ctx.age_years
    rows: list[tuple[str, Any]]
    if ctx.deidentify:
        rows = [("report.label.pseudonym", ctx.alias)]
    else:
        rows = [("report.label.name", patient.name), ("report.label.mrn", patient.mrn)]
        rows.append(("report.label.birth_date", or_not_recorded(ctx, patient.birth_date)))
    rows += [
        ("report.label.sex", or_not_recorded(ctx, sex)),
        (
            "report.label.age",
            _age_text(ctx, age),
        ),
        ("report.label.assessed_on", case.assessed_on.isoformat()),
        (
            "report.label.etiology",
            _listing(ctx, [ctx.term(f"term.etiology.{e}") for e in case.etiology])
            or ctx.text("report.value.not_recorded"),
        ),
        ("report.label.ecog", case.ecog),
    ]
    note = [para(ctx, ctx.text("report.label.deidentified"), "small")] if ctx.deidentify else []
    return section(ctx, "report.heading.patient", [key_values(ctx, rows), *note])


def liver_section(ctx: ReportContext) -> list[Flowable]:
    ev, labs, liver = ctx.evaluation, ctx.case.labs, ctx.case.liver
    cp, albi, meld = ev.child_pugh, ev.albi, ev.meld
    scores = [
        (
            "report.label.child_pugh",
            ctx.text("report.value.child_pugh", cls=cp.cls, points=cp.points),
        ),
        (
            "report.label.albi",
            ctx.text("report.value.albi", grade=albi.grade, score=albi.display),
        ),
        (
            "report.label.meld",
            f"{_computed(ctx, meld.meld)} / {_computed(ctx, meld.meld_na)}",
        ),
    ]
    reasons = ctx.sentences([*cp.why, *albi.why, *meld.why])
    lab_rows = [
        ("report.label.bilirubin", _lab(labs.bilirubin)),
        ("report.label.albumin", _lab(labs.albumin)),
        ("report.label.inr", number(labs.inr)),
        ("report.label.creatinine", _lab(labs.creatinine) or missing(ctx)),
        ("report.label.sodium", _lab(labs.sodium) or missing(ctx)),
        ("report.label.platelets", _lab(labs.platelets) or missing(ctx)),
        ("report.label.ascites", ctx.term(f"term.ascites.{liver.ascites}")),
        ("report.label.encephalopathy", ctx.term(f"term.encephalopathy.{liver.encephalopathy}")),
        ("report.label.cirrhosis", yes_no(ctx, liver.cirrhosis)),
        (
            "report.label.varices",
            ctx.term(f"term.varices.{liver.varices}") if liver.varices else missing(ctx),
        ),
        ("report.label.icg_r15", _percent(ctx, liver.icg_r15_percent)),
        ("report.label.flr", _percent(ctx, liver.future_liver_remnant_percent)),
    ]
    body = [
        key_values(ctx, scores),
        *bullets(ctx, reasons),
        subheading(ctx, "report.label.labs"),
        key_values(ctx, lab_rows),
    ]
    return section(ctx, "report.heading.liver", body)


def tumour_section(ctx: ReportContext) -> list[Flowable]:
    tumor, labs, ev = ctx.case.tumor, ctx.case.labs, ctx.evaluation
    hvi = tumor.hepatic_vein_invasion
    rows = [
        ("report.label.nodules", _listing(ctx, [f"{number(n)} cm" for n in tumor.nodules_cm])),
        ("report.label.pvi", ctx.term(f"term.pvi.{tumor.portal_vein_invasion}")),
        ("report.label.hvi", ctx.term(f"term.hvi.{hvi}") if hvi else missing(ctx)),
        ("report.label.extrahepatic", yes_no(ctx, tumor.extrahepatic_spread)),
        ("report.label.lymph_nodes", yes_no(ctx, tumor.lymph_node_metastasis)),
        ("report.label.milan", _criterion(ctx, ev.milan)),
        ("report.label.up_to_seven", _criterion(ctx, ev.up_to_seven)),
        ("report.label.afp", _lab(labs.afp) or missing(ctx)),
        ("report.label.pivka_ii", _lab(labs.pivka_ii) or missing(ctx)),
    ]
    return section(ctx, "report.heading.tumour", [key_values(ctx, rows)])


def staging_section(ctx: ReportContext) -> list[Flowable]:
    body: list[Flowable] = []
    ev = ctx.evaluation
    for key, name, stage in (
        ("report.label.bclc", "bclc", ev.bclc),
        ("report.label.cnlc", "cnlc", ev.cnlc),
    ):
        body += [
            key_values(ctx, [(key, _stage(ctx, name, stage))]),
            *bullets(ctx, ctx.sentences(stage.why)),
        ]
    if ev.discordance is not None:
        discordance = ev.discordance.render(ctx.lang)
        body.append(key_values(ctx, [("report.label.discordance", discordance)]))
    return section(ctx, "report.heading.staging", body)


def response_section(ctx: ReportContext) -> list[Flowable]:
    response = ctx.evaluation.response
    if response is None:
        return section(
            ctx, "report.heading.response", [para(ctx, ctx.text("report.response.none"))]
        )
    summary = ctx.text(
        "report.response.summary",
        criteria=response.criteria,
        current=_response_term(ctx, response.current),
        best=_response_term(ctx, response.best),
    )
    rows = [
        [
            tp.date.isoformat(),
            number(tp.sum_mm),
            _pct(tp.change_from_baseline_pct),
            _pct(tp.change_from_nadir_pct),
            _response_term(ctx, tp.category),
        ]
        for tp in response.timepoints
    ]
    headers = [
        "report.response.date",
        "report.response.sum_mm",
        "report.response.vs_baseline",
        "report.response.vs_nadir",
        "report.response.category",
    ]
    body = [
        para(ctx, summary),
        *bullets(ctx, ctx.sentences(response.why)),
        # A timepoint without a sum (not evaluable) stays in the table, off the chart's line.
        response_chart(response_chart_series(ctx.case), ctx.lang),
        para(ctx, markers_note(ctx), "small"),
        Spacer(1, 3),
        data_table(ctx, headers, rows),
    ]
    return section(ctx, "report.heading.response", body)


def markers_note(ctx: ReportContext) -> str:
    """Each marker's series in words: first to last value, the change from the first."""
    lines = []
    for name, points in (
        ("AFP", ctx.evaluation.markers.afp),
        ("PIVKA-II", ctx.evaluation.markers.pivka_ii),
    ):
        if not points:
            continue
        first, last = points[0], points[-1]
        if len(points) == 1:
            lines.append(
                ctx.text(
                    "report.chart.marker_one",
                    marker=name,
                    unit=last.unit,
                    value=grouped(last.value),
                    date=last.date.isoformat(),
                )
            )
            continue
        change = last.change_from_first_pct
        lines.append(
            ctx.text(
                "report.chart.marker_series",
                marker=name,
                first=grouped(first.value),
                last=grouped(last.value),
                unit=last.unit,
                date=first.date.isoformat(),
                change="\u2014" if change is None else f"{change:+.1f}",
                count=len(points),
            )
        )
    if not lines:
        return ctx.text("report.chart.no_markers")
    separator = "；" if ctx.lang == "zh_CN" else "; "
    return ctx.text("report.chart.markers_note", lines=separator.join(lines))


def grouped(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def treatments_section(ctx: ReportContext) -> list[Flowable]:
    case = ctx.case
    rows = [
        [
            regimen_name(ctx, t.regimen),
            or_not_recorded(ctx, t.started),
            t.stopped or "",
            [
                ctx.text("report.treatment.agent_line", agent=agent_term(a.name), last=a.last_dose)
                if a.last_dose
                else ctx.text("report.treatment.agent_no_dose", agent=agent_term(a.name))
                for a in t.agents
            ],
        ]
        for t in case.treatments
    ]
    headers = [
        "report.treatment.regimen",
        "report.treatment.started",
        "report.treatment.stopped",
        "report.treatment.agents",
    ]
    widths = [170, 60, 60, None]
    treatments = (
        [data_table(ctx, headers, rows, widths=widths)] if rows else [para(ctx, none_recorded(ctx))]
    )
    events = [
        [
            _render(adverse_event_term(e.term), ctx.lang),
            e.grade,
            e.onset or "",
            e.resolved or "",
            [_render(agent_term(name), ctx.lang) for name in e.attributed_to],
        ]
        for e in case.adverse_events
    ]
    ae_headers = [
        "report.ae.term",
        "report.ae.grade",
        "report.ae.onset",
        "report.ae.resolved",
        "report.ae.attributed_to",
    ]
    ae_widths = [170, 40, 70, 70, None]
    ledger = (
        [data_table(ctx, ae_headers, events, widths=ae_widths)]
        if events
        else [para(ctx, none_recorded(ctx))]
    )
    return [
        *section(ctx, "report.heading.treatments", treatments),
        *section(ctx, "report.heading.adverse_events", ledger),
    ]


def _age_text(ctx: ReportContext, age: int | None) -> str:
    if age is None:
        return ctx.text("report.value.not_recorded")
    if ctx.deidentify and age >= OLDEST_AGE_SHOWN:  # one category, as the copy says
        return ctx.text("export.age_90_or_more")
    return ctx.text("report.value.age", years=age)


def regimen_name(ctx: ReportContext, regimen_id: str) -> str:
    """A catalogue regimen or adjuvant option by its name in the reader's language; an id the
    catalogue does not know prints as recorded."""
    regimen = load_catalogue().by_id(regimen_id)
    return regimen.name.render(ctx.lang) if regimen is not None else regimen_id


def _listing(ctx: ReportContext, items: list[str]) -> str:
    return ("、" if ctx.lang == "zh_CN" else ", ").join(items)


def _render(value: Any, lang: str) -> str:
    return value.render(lang) if hasattr(value, "render") else str(value)


def _stage(ctx: ReportContext, system: str, stage: Stage) -> str:
    """ "C" as the glossary names it ("BCLC C (advanced stage)", "BCLC C期（晚期）")."""
    return ctx.term(f"term.{system}.{stage.stage}") if stage.stage else missing(ctx)


def _lab(value: Any) -> str:
    if value is None:
        return ""
    return Markup(f"{number(value.value)} {unit_markup(value.unit)}")


def _percent(ctx: ReportContext, value: float | None) -> str:
    return f"{number(value)} %" if value is not None else missing(ctx)


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:+.1f} %"


def _computed(ctx: ReportContext, value: Any) -> str:
    return ctx.text("report.value.not_computed") if value is None else number(value)


def _criterion(ctx: ReportContext, result: Criterion) -> str:
    word = ctx.text("report.value.within" if result.within else "report.value.beyond")
    value = result.value
    if value is None:
        return word
    return f"{word}（{number(value)}）" if ctx.lang == "zh_CN" else f"{word} ({number(value)})"


def _response_term(ctx: ReportContext, category: str | None) -> str:
    return ctx.term(f"term.response.{category}") if category else missing(ctx)


FINDINGS_SECTIONS = (
    patient_section,
    liver_section,
    tumour_section,
    staging_section,
    response_section,
    treatments_section,
)
