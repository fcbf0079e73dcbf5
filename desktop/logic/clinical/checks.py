"""Safety checks as data: one outcome per rule, the verdict as the worst outcome, and the rules
file's check entries (outcome, thresholds, source) read once per rules object.

clinical-rules.md "Safety checks, second edition": an outcome is `ok`, `unchecked`, `caution` or
`contraindicated`; a regimen's verdict is the worst of its checks' outcomes, `suitable` when all
are `ok`. Rule IDs, outcomes and thresholds live in resources/rules.json so a department can
change them; every check carries its rule's source, marked "local policy, confirm" where it is a
department value.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from desktop.logic.model import Message, Rules, RulesError, msg

OK, UNCHECKED, CAUTION, CONTRAINDICATED = "ok", "unchecked", "caution", "contraindicated"
SUITABLE = "suitable"
OUTCOMES = (OK, UNCHECKED, CAUTION, CONTRAINDICATED)
# Worst wins: contraindicated > caution > unchecked > suitable (all ok).
RANK = {OK: 0, SUITABLE: 0, UNCHECKED: 1, CAUTION: 2, CONTRAINDICATED: 3}
VERDICTS = (SUITABLE, UNCHECKED, CAUTION, CONTRAINDICATED)

# Outcomes a department may give a rule when it fires. Softening a finding to `ok` would switch
# the check off without a trace, so it is refused; the screening rule may also stay `unchecked`.
_FINDING = (CAUTION, CONTRAINDICATED)
CHECK_RULES: dict[str, tuple[str, ...]] = {
    "liver.child_pugh_c": _FINDING,
    "performance.ecog_3_4": _FINDING,
    "performance.ecog_2": _FINDING,
    "liver.child_pugh_b": _FINDING,
    "liver.albi_3": _FINDING,
    "liver.decompensation": _FINDING,
    "liver.decompensation.mild": _FINDING,
    "ae.grade3_attributed": _FINDING,
    "ae.grade3_attributed.severe_irae": _FINDING,
    "virus.hbv_screening": (UNCHECKED, *_FINDING),
    "virus.hbv_antiviral": _FINDING,
    "virus.hbv_dna": _FINDING,
    "ici.autoimmune": _FINDING,
    "ici.transplant": _FINDING,
    "ici.steroids": _FINDING,
    "ici.interstitial_lung_disease": _FINDING,
    "ici.prior_severe_irae": _FINDING,
    "anti_vegf.varices": _FINDING,
    "anti_vegf.bleeding": _FINDING,
    "antiangiogenic.bleeding_or_thrombosis": _FINDING,
    "anti_vegf.proteinuria": _FINDING,
    "tki.proteinuria": _FINDING,
    "anti_vegf.hypertension": _FINDING,
    "tki.hypertension": _FINDING,
    "anti_vegf.recent_surgery": _FINDING,
    "tki.recent_surgery": _FINDING,
    "tace.vp4": _FINDING,
    "tace.size_10cm": _FINDING,
    "tace.child_pugh_b8": _FINDING,
    "tace.decompensation": _FINDING,
    "sirt.decompensation": _FINDING,
    "tace.renal": _FINDING,
    "tace.beyond_up_to_seven": _FINDING,
    "tace.infiltrative": _FINDING,
    "sirt.bilirubin": _FINDING,
}
# Thresholds the checks read, each a number >= 0 in the rules file.
THRESHOLDS = (
    "ae.grade3_attributed.min_grade",
    "virus.hbv_dna.threshold_iu_per_ml",
    "virus.hbv_dna.max_age_months",
    "ici.steroids.max_mg_prednisone_per_day",
    "anti_vegf.varices.max_age_months",
    "anti_vegf.proteinuria.limit_g_per_24h",
    "tki.proteinuria.limit_g_per_24h",
    "anti_vegf.recent_surgery.days",
    "tki.recent_surgery.days",
    "tace.size_10cm.limit_cm",
    "tace.child_pugh_b8.min_points",
    "tace.renal.creatinine_mg_dl",
    "sirt.bilirubin.limit_mg_dl",
    "dose.lenvatinib.weight_kg",
    "surgery.portal_hypertension.platelets_min",
    "surgery.portal_hypertension.meld_min",
)


class Check(NamedTuple):
    """One rule applied to one regimen: its outcome, the sentence saying why, and its source.

    `missing` names the inputs (case-format paths) a check lacked, for the data checklist."""

    rule: str
    outcome: str
    reason: Message
    source: Message
    missing: tuple[str, ...] = ()

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        return {
            "rule": self.rule,
            "outcome": self.outcome,
            "reason": self.reason.render(lang),
            "source": self.source.render(lang),
        }


def worst(outcomes: Iterable[str]) -> str:
    """The verdict of a set of outcomes: the worst one; `suitable` when all are `ok`."""
    found = set(outcomes)
    if CONTRAINDICATED in found:
        return CONTRAINDICATED
    if CAUTION in found:
        return CAUTION
    return UNCHECKED if UNCHECKED in found else SUITABLE


_ConstantKey = tuple[str, str, str, tuple[str, ...]]  # rule, outcome, message key, missing
_EnrolmentKey = tuple[str, str, int]  # rule, Child-Pugh label, id of the enrolment tuple
_MAX_ENROLMENT_CHECKS = 1024


@dataclass(frozen=True, slots=True)
class Policy:
    """The rules file's check entries: outcome per rule, thresholds, sources (read once)."""

    version: str
    outcomes: dict[str, str]
    numbers: dict[str, float]
    sources: dict[str, Message] = field(default_factory=dict)
    # Checks without parameters are the same whatever the case: made once per rules object.
    constant: dict[_ConstantKey, Check] = field(default_factory=dict, compare=False)
    # Fired checks that name a regimen's enrolled populations, each with its enrolment tuple.
    by_enrolment: dict[_EnrolmentKey, tuple[tuple[Message, ...], Check]] = field(
        default_factory=dict, compare=False
    )

    def check(self, rule: str, outcome: str, key: str, *missing: str, **params: Any) -> Check:
        """A check of `rule`; `outcome` is ok/unchecked, or the rule's own outcome when "fired"."""
        return self._made(rule, outcome, key, missing, params)

    def fired(self, rule: str, key: str, **params: Any) -> Check:
        return self._made(rule, "fired", key, (), params)

    def ok(self, rule: str, key: str, **params: Any) -> Check:
        return self._made(rule, OK, key, (), params)

    def unchecked(self, rule: str, key: str, *missing: str, **params: Any) -> Check:
        return self._made(rule, UNCHECKED, key, missing, params)

    def for_enrolment(
        self, rule: str, label: str, enrolled: tuple[Message, ...], make: Callable[[], Check]
    ) -> Check:
        """The check `make` builds for a regimen's enrolment tuple (ECOG 2, Child-Pugh B): the
        same for every patient with that label, so made once per rules and catalogue object."""
        key = (rule, label, id(enrolled))
        hit = self.by_enrolment.get(key)
        if hit is not None and hit[0] is enrolled:
            return hit[1]
        if len(self.by_enrolment) >= _MAX_ENROLMENT_CHECKS:
            self.by_enrolment.clear()
        made = make()
        self.by_enrolment[key] = (enrolled, made)
        return made

    def _made(
        self, rule: str, outcome: str, key: str, missing: tuple[str, ...], params: dict[str, Any]
    ) -> Check:
        if not params:
            found = self.constant.get((rule, outcome, key, missing))
            if found is not None:
                return found
        final = self.outcomes[rule] if outcome == "fired" else outcome
        made = Check(rule, final, Message(key, params), self.sources[rule], missing)
        if not params:
            self.constant[(rule, outcome, key, missing)] = made
        return made


_policy_cache: dict[int, tuple[Rules, Policy]] = {}


def check_policy(rules: Rules) -> Policy:
    """The check policy of a rules object; cached while that object lives."""
    hit = _policy_cache.get(id(rules))
    if hit is not None and hit[0] is rules:
        return hit[1]
    policy = _read_policy(rules)
    if len(_policy_cache) > 16:
        _policy_cache.clear()
    _policy_cache[id(rules)] = (rules, policy)
    return policy


def _read_policy(rules: Rules) -> Policy:
    outcomes, numbers, sources = {}, {}, {}
    for rule_id, allowed in CHECK_RULES.items():
        value = _entry(rules, rule_id).value
        if value not in allowed:
            raise RulesError(
                f"rules file {rules.version}: {rule_id} holds {value!r}; "
                f"allowed outcomes: {', '.join(allowed)}"
            )
        outcomes[rule_id] = value
        sources[rule_id] = rule_source(rules, rule_id)
    for rule_id in THRESHOLDS:
        value = _entry(rules, rule_id).value
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise RulesError(
                f"rules file {rules.version}: {rule_id} holds {value!r}; a number >= 0 is needed"
            )
        numbers[rule_id] = float(value)
    return Policy(rules.version, outcomes, numbers, sources)


def _entry(rules: Rules, rule_id: str) -> Any:
    if rule_id not in rules.rules:
        raise RulesError(f"rules file {rules.version}: rule {rule_id} is missing")
    return rules.rules[rule_id]


def rule_source(rules: Rules, rule_id: str) -> Message:
    """The rule's source in the reader's language, marked "local policy, confirm" when it is."""
    entry = rules.rules[rule_id]
    key = "checks.source_local" if entry.is_local_policy else "checks.source_published"
    return msg(key, source=entry.source_text)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day-of-month `months` calendar months earlier (clamped to the month's end)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def older_than_months(measured: dt.date, as_of: dt.date, months: float) -> bool:
    """More than `months` calendar months before `as_of` (exactly that many is still recent)."""
    return measured < months_before(as_of, int(months))


class Joined(Message):
    """Several clauses as one message parameter, separated by "; " (Chinese "；")."""

    def render(self, lang: str = "en") -> str:
        separator = "；" if lang == "zh_CN" else "; "
        return separator.join(
            part.render(lang) if hasattr(part, "render") else str(part)
            for part in self.params["parts"]
        )


def joined(parts: Iterable[Any]) -> Joined:
    return Joined("joined", {"parts": tuple(parts)})
