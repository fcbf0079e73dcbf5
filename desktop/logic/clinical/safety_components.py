"""Safety checks that apply to regimens by their components (clinical-rules.md, second edition):
hepatitis B DNA, immune checkpoint inhibitors, anti-angiogenic drugs, TACE/HAIC, radioembolisation.

Each check is built once per case with the component classes it applies to; a finding that
something is wrong stands however old it is, while a reassuring value must be recent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.logic.clinical.checks import Check, Policy, older_than_months
from desktop.logic.clinical.regimens import RegimenKind, RegimenProfile
from desktop.logic.clinical.safety_patient import hbv_present
from desktop.logic.clinical.scores import entered, settled
from desktop.logic.model import SURGERY_FLAG_DAYS, Case, Term, msg

ICI, ANTI_VEGF, TKI = frozenset({"ici"}), frozenset({"anti_vegf"}), frozenset({"tki"})
ANTIANGIOGENIC = frozenset({"anti_vegf", "tki"})
TACE, SIRT = frozenset({"tace"}), frozenset({"sirt"})
HBV_DNA_CLASSES = frozenset({"ici", "tace", "haic"})
RENAL_CLASSES = frozenset({"tace", "haic"})
REASSURING_VARICES = ("none", "small", "treated")
# case-format.md: `major_surgery_within_28_days` means within the 28 days before evaluation.
FLAG_WINDOW_DAYS = SURGERY_FLAG_DAYS


@dataclass(frozen=True, slots=True, eq=False)
class Scope:
    """The regimens a component check applies to: any of `classes`, and `needs` when set.
    One object per kind of check (the constants below), so a layout compares by identity."""

    classes: frozenset[str]
    needs: str | None = None

    def applies_to(self, profile: RegimenProfile) -> bool:
        if not self.classes & profile.classes:
            return False
        return self.needs is None or bool(getattr(profile, self.needs))


HBV_DNA_SCOPE, ICI_SCOPE = Scope(HBV_DNA_CLASSES), Scope(ICI)
ANTI_VEGF_SCOPE, ANTIANGIOGENIC_SCOPE = Scope(ANTI_VEGF), Scope(ANTIANGIOGENIC)
TKI_SCOPE, LENVATINIB_SCOPE = Scope(TKI), Scope(TKI, "lenvatinib")
TACE_SCOPE, TACE_ALONE_SCOPE = Scope(TACE), Scope(TACE, "tace_alone")
SIRT_SCOPE, RENAL_SCOPE = Scope(SIRT), Scope(RENAL_CLASSES)

ScopeLayout = tuple[Scope, ...]  # the scope of each component check of a case, in order
SlotTable = dict[RegimenKind, tuple[int, ...]]  # regimen kind -> indices of its checks


def component_checks(
    case: Case, policy: Policy, as_of: dt.date, cp_points: int, burden: float
) -> tuple[tuple[Check, ...], ScopeLayout]:
    """The component checks of a case and, beside them, the scope of each."""
    scoped = []
    if hbv_present(case):
        scoped.append((_hbv_dna(case, policy, as_of), HBV_DNA_SCOPE))
    scoped += [(check, ICI_SCOPE) for check in _ici(case, policy)]
    scoped += _antiangiogenic(case, policy, as_of)
    scoped += _locoregional(case, policy, cp_points, burden)
    checks, layout = zip(*scoped, strict=True)
    return checks, layout


def slot_table(layout: ScopeLayout) -> SlotTable:
    """Regimen kind -> indices of the applicable component checks, for one layout of scopes.
    Which scopes apply to a kind of regimen never changes, so each is worked out once."""
    table = _SLOTS.get(layout)
    if table is None:
        if len(_SLOTS) > 256:
            _SLOTS.clear()
        table = _SLOTS[layout] = {}
    return table


def slots_for(layout: ScopeLayout, table: SlotTable, profile: RegimenProfile) -> tuple[int, ...]:
    slots = table.get(profile.kind)
    if slots is None:
        slots = table[profile.kind] = tuple(
            i for i, scope in enumerate(layout) if scope.applies_to(profile)
        )
    return slots


_SLOTS: dict[ScopeLayout, SlotTable] = {}


def _flag(policy: Policy, rule: str, value: bool | None, path: str) -> Check:
    """A yes/no history item: true fires the rule, false is ok, never recorded is unchecked."""
    key = f"check.{rule}"
    if value is None:
        return policy.unchecked(rule, f"{key}.unchecked", path)
    return policy.fired(rule, f"{key}.fired") if value else policy.ok(rule, f"{key}.ok")


# --- hepatitis B ------------------------------------------------------------------------------


def _hbv_dna(case: Case, policy: Policy, as_of: dt.date) -> Check:
    # IMbrave150 entry limit (500 IU/mL) and recency from the rules file (local policy).
    rule, virology = "virus.hbv_dna", case.virology
    limit = policy.numbers["virus.hbv_dna.threshold_iu_per_ml"]
    months = policy.numbers["virus.hbv_dna.max_age_months"]
    dna, measured = virology.hbv_dna_iu_per_ml, virology.hbv_dna_date
    if dna is not None and dna >= limit:
        return policy.fired(rule, "check.virus.hbv_dna.fired", value=float(dna), limit=limit)
    if dna is None:
        return policy.unchecked(rule, "check.virus.hbv_dna.missing", "virology.hbv_dna_iu_per_ml")
    if measured is None:
        return policy.unchecked(
            rule, "check.virus.hbv_dna.undated", "virology.hbv_dna_date", value=float(dna)
        )
    if older_than_months(measured, as_of, months):
        return policy.unchecked(
            rule,
            "check.virus.hbv_dna.old",
            "virology.hbv_dna_date",
            value=float(dna),
            date=measured.isoformat(),
            months=months,
        )
    return policy.ok(
        rule, "check.virus.hbv_dna.ok", value=float(dna), limit=limit, date=measured.isoformat()
    )


# --- immune checkpoint inhibitors -------------------------------------------------------------


def _ici(case: Case, policy: Policy) -> list[Check]:
    history = case.history
    return [
        _flag(
            policy,
            "ici.autoimmune",
            history.autoimmune_disease_active,
            "history.autoimmune_disease_active",
        ),
        _flag(policy, "ici.transplant", history.organ_transplant, "history.organ_transplant"),
        _steroids(history.systemic_steroids_mg_prednisone_per_day, policy),
        _flag(
            policy,
            "ici.interstitial_lung_disease",
            history.interstitial_lung_disease,
            "history.interstitial_lung_disease",
        ),
        _flag(
            policy,
            "ici.prior_severe_irae",
            history.prior_immune_related_ae_grade3plus,
            "history.prior_immune_related_ae_grade3plus",
        ),
    ]


def _steroids(dose: float | None, policy: Policy) -> Check:
    # Trial exclusion criterion: above 10 mg prednisone-equivalent per day.
    rule, limit = "ici.steroids", policy.numbers["ici.steroids.max_mg_prednisone_per_day"]
    if dose is None:
        return policy.unchecked(
            rule, "check.ici.steroids.unchecked", "history.systemic_steroids_mg_prednisone_per_day"
        )
    key = "check.ici.steroids.fired" if dose > limit else "check.ici.steroids.ok"
    outcome = "fired" if dose > limit else "ok"
    return policy.check(rule, outcome, key, dose=float(dose), limit=limit)


# --- anti-angiogenic drugs --------------------------------------------------------------------


def _antiangiogenic(case: Case, policy: Policy, as_of: dt.date) -> list[tuple[Check, Scope]]:
    liver, history = case.liver, case.history
    days = surgery_days(case, as_of)
    return [
        (_varices(case, policy, as_of), ANTI_VEGF_SCOPE),
        (
            _flag(
                policy,
                "anti_vegf.bleeding",
                liver.variceal_bleeding_within_6_months,
                "liver.variceal_bleeding_within_6_months",
            ),
            ANTI_VEGF_SCOPE,
        ),
        (
            _flag(
                policy,
                "antiangiogenic.bleeding_or_thrombosis",
                history.bleeding_or_arterial_thrombosis_within_6_months,
                "history.bleeding_or_arterial_thrombosis_within_6_months",
            ),
            ANTIANGIOGENIC_SCOPE,
        ),
        (_proteinuria(history.proteinuria_g_per_24h, policy, "anti_vegf"), ANTI_VEGF_SCOPE),
        (_proteinuria(history.proteinuria_g_per_24h, policy, "tki"), LENVATINIB_SCOPE),
        (
            _flag(
                policy,
                "anti_vegf.hypertension",
                history.uncontrolled_hypertension,
                "history.uncontrolled_hypertension",
            ),
            ANTI_VEGF_SCOPE,
        ),
        (
            _flag(
                policy,
                "tki.hypertension",
                history.uncontrolled_hypertension,
                "history.uncontrolled_hypertension",
            ),
            TKI_SCOPE,
        ),
        (_recent_surgery(case, policy, "anti_vegf", days), ANTI_VEGF_SCOPE),
        (_recent_surgery(case, policy, "tki", days), TKI_SCOPE),
    ]


def _varices(case: Case, policy: Policy, as_of: dt.date) -> Check:
    """Untreated large varices stand however old; a reassuring finding must be recent."""
    rule, liver = "anti_vegf.varices", case.liver
    if liver.varices == "large_or_high_risk":
        return policy.fired(rule, "check.anti_vegf.varices.fired")
    if liver.varices not in REASSURING_VARICES:
        return policy.unchecked(rule, "check.anti_vegf.varices.missing", "liver.varices")
    found = Term(f"term.varices.{liver.varices}")
    months = policy.numbers["anti_vegf.varices.max_age_months"]
    assessed = liver.varices_assessed_on
    if assessed is None:
        return policy.unchecked(
            rule,
            "check.anti_vegf.varices.undated",
            "liver.varices_assessed_on",
            found=found,
            months=months,
        )
    if older_than_months(assessed, as_of, months):
        return policy.unchecked(
            rule,
            "check.anti_vegf.varices.old",
            "liver.varices_assessed_on",
            found=found,
            date=assessed.isoformat(),
            months=months,
        )
    return policy.ok(rule, "check.anti_vegf.varices.ok", found=found, date=assessed.isoformat())


def _proteinuria(value: float | None, policy: Policy, prefix: str) -> Check:
    # Bevacizumab and lenvatinib labels: withhold at >= 2 g/24 h until below it.
    rule = f"{prefix}.proteinuria"
    limit = policy.numbers[f"{rule}.limit_g_per_24h"]
    if value is None:
        return policy.unchecked(rule, f"check.{rule}.unchecked", "history.proteinuria_g_per_24h")
    if settled(value) >= limit:
        return policy.fired(rule, f"check.{rule}.fired", value=float(value), limit=limit)
    return policy.ok(rule, f"check.{rule}.ok", value=float(value), limit=limit)


def surgery_days(case: Case, as_of: dt.date) -> int | None:
    """Days from the last major surgery to the day of evaluation (None: no date recorded)."""
    last = case.history.last_major_surgery_date
    return (as_of - last).days if last is not None else None


def _recent_surgery(case: Case, policy: Policy, prefix: str, days: int | None) -> Check:
    """Within the window (boundary day included) fires; only the 28-day flag and no date:
    unchecked when the flag is true (how many days is not known), ok when false."""
    rule = f"{prefix}.recent_surgery"
    window = policy.numbers[f"{rule}.days"]
    flag = case.history.major_surgery_within_28_days
    last = case.history.last_major_surgery_date  # `days` counts from it: both or neither
    if days is not None and last is not None:
        # The date decides; a 28-day flag it contradicts (it goes stale) is named, not used.
        date = last.isoformat()
        stale = flag is not None and flag != (days <= FLAG_WINDOW_DAYS)
        note = msg("check.surgery.flag_disagrees", flag=str(flag).lower()) if stale else ""
        key = f"check.{rule}.fired" if days <= window else f"check.{rule}.ok"
        outcome = "fired" if days <= window else "ok"
        return policy.check(rule, outcome, key, date=date, days=days, window=window, note=note)
    if flag is None:
        return policy.unchecked(rule, f"check.{rule}.unchecked", "history.last_major_surgery_date")
    if flag:
        return policy.unchecked(
            rule, f"check.{rule}.flag_only", "history.last_major_surgery_date", window=window
        )
    return policy.ok(rule, f"check.{rule}.flag_false", window=window)


# --- TACE, HAIC and radioembolisation ---------------------------------------------------------


def _locoregional(
    case: Case, policy: Policy, cp_points: int, burden: float
) -> list[tuple[Check, Scope]]:
    tumor, liver = case.tumor, case.liver
    largest = max(tumor.nodules_cm)
    limit = policy.numbers["tace.size_10cm.limit_cm"]
    min_points = policy.numbers["tace.child_pugh_b8.min_points"]
    decompensated = liver.ascites != "none" or liver.encephalopathy != "none"
    return [
        (
            policy.fired("tace.vp4", "check.tace.vp4.fired")
            if tumor.portal_vein_invasion == "vp4"
            else policy.ok("tace.vp4", "check.tace.vp4.ok"),
            TACE_SCOPE,
        ),
        (
            policy.check(
                "tace.size_10cm",
                "fired" if settled(largest) > limit else "ok",
                "check.tace.size_10cm.fired"
                if settled(largest) > limit
                else "check.tace.size_10cm.ok",
                size=float(largest),
                limit=limit,
            ),
            TACE_SCOPE,
        ),
        (
            policy.check(
                "tace.child_pugh_b8",
                "fired" if cp_points >= min_points else "ok",
                "check.tace.child_pugh_b8.fired"
                if cp_points >= min_points
                else "check.tace.child_pugh_b8.ok",
                points=cp_points,
                min_points=int(min_points),
            ),
            TACE_SCOPE,
        ),
        (_decompensated(policy, "tace.decompensation", decompensated), TACE_SCOPE),
        (_decompensated(policy, "sirt.decompensation", decompensated), SIRT_SCOPE),
        (_renal(case, policy), RENAL_SCOPE),
        (_up_to_seven(policy, burden), TACE_ALONE_SCOPE),
        (_flag(policy, "tace.infiltrative", tumor.infiltrative, "tumor.infiltrative"), TACE_SCOPE),
        (_sirt_bilirubin(case, policy), SIRT_SCOPE),
    ]


def _decompensated(policy: Policy, rule: str, found: bool) -> Check:
    # EASL 2018 (TACE) and the Y90 device instructions: any ascites or clinical encephalopathy.
    return (
        policy.fired(rule, f"check.{rule}.fired") if found else policy.ok(rule, f"check.{rule}.ok")
    )


def _renal(case: Case, policy: Policy) -> Check:
    # EASL 2018: severely reduced renal function; creatinine >= 2.0 mg/dL or dialysis.
    rule, limit = "tace.renal", policy.numbers["tace.renal.creatinine_mg_dl"]
    creatinine, dialysis = case.labs.creatinine, case.liver.dialysis_twice_in_past_week
    if dialysis:
        return policy.fired(rule, "check.tace.renal.dialysis")
    if creatinine is not None and settled(creatinine.mg_dl) >= limit:
        return policy.fired(
            rule,
            "check.tace.renal.fired",
            value=entered(creatinine, "mg/dL", creatinine.mg_dl),
            limit=limit,
        )
    if creatinine is None:
        return policy.unchecked(rule, "check.tace.renal.missing", "labs.creatinine")
    if dialysis is None:
        return policy.unchecked(
            rule,
            "check.tace.renal.dialysis_unknown",
            "liver.dialysis_twice_in_past_week",
            value=entered(creatinine, "mg/dL", creatinine.mg_dl),
        )
    return policy.ok(
        rule,
        "check.tace.renal.ok",
        value=entered(creatinine, "mg/dL", creatinine.mg_dl),
        limit=limit,
    )


def _up_to_seven(policy: Policy, burden: float) -> Check:
    # Review, ref 39: beyond up-to-seven (largest cm + number > 7) TACE does poorly.
    rule = "tace.beyond_up_to_seven"
    if settled(burden) > 7:
        return policy.fired(rule, "check.tace.beyond_up_to_seven.fired", value=burden)
    return policy.ok(rule, "check.tace.beyond_up_to_seven.ok", value=burden)


def _sirt_bilirubin(case: Case, policy: Policy) -> Check:
    # Y90 practice guidance: bilirubin above 2.0 mg/dL (local policy).
    rule, limit = "sirt.bilirubin", policy.numbers["sirt.bilirubin.limit_mg_dl"]
    bilirubin = case.labs.bilirubin
    key = "fired" if settled(bilirubin.mg_dl) > limit else "ok"
    return policy.check(
        rule,
        key,
        f"check.sirt.bilirubin.{key}",
        value=entered(bilirubin, "mg/dL", bilirubin.mg_dl),
        limit=limit,
    )
