"""The regimen catalogue (resources/regimens.json): conversion and adjuvant options with evidence.

Evidence `ref` numbers are those of the 2024 review in shared/reference (Wang et al., Cancer Sci
2024;115:2159-2169); findings are paraphrased and every figure is printed as the review prints it
(tests/logic/test_regimens.py proves it against the review text). Derived facts a safety check
needs per regimen (component classes, names, triple, Child-Pugh A-only evidence) are computed
once at load, so the per-case loop stays lean.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from desktop.logic.model import Message, Term, Translated, adverse_event_term, msg, resource

ComponentClass = Literal[
    "tace", "haic", "radiotherapy", "sirt", "tki", "ici", "anti_vegf", "chemotherapy"
]
LOCOREGIONAL: frozenset[str] = frozenset({"tace", "haic", "radiotherapy", "sirt"})
Design = Literal[
    "phase_3_rct",
    "phase_2_3_rct",
    "rct",
    "phase_2_single_arm",
    "prospective",
    "retrospective",
    "retrospective_single_arm",
    "real_world",
    "proof_of_concept",
    "systematic_review",
    "meta_analysis",
    "review_article",
    "range_across_studies",
    "not_stated",
]
StopRule = Literal["recurrence", "intolerable_toxicity"]
# Class names, not agents: an adverse event on any agent of the class counts against them.
GENERIC_COMPONENTS: frozenset[str] = frozenset({"pd-1 inhibitor", "pd-l1 inhibitor", "tki", "haic"})
REVIEW_REFS = range(1, 92)  # the review's reference list runs 1-91
_KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Ref = Annotated[int, Field(ge=REVIEW_REFS.start, lt=REVIEW_REFS.stop)]


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built on first use


class Bilingual(Frozen):
    en: Annotated[str, Field(min_length=1)]
    zh_CN: Annotated[str, Field(min_length=1)]

    def render(self, lang: str = "en") -> str:
        return self.zh_CN if lang == "zh_CN" else self.en


class Component(Frozen):
    """One agent or procedure; `agents` lists the drugs a named procedure delivers (FOLFOX)."""

    name: Annotated[str, Field(min_length=1)]
    class_: ComponentClass = Field(alias="class")
    agents: tuple[str, ...] = ()

    def to_output(self) -> dict[str, str]:
        return {"name": self.name, "class": self.class_}


class Evidence(Frozen):
    ref: Ref
    cited_with: tuple[Ref, ...] = ()
    design: Design
    size: Annotated[int, Field(gt=0)] | None
    trial: str | None
    finding: Bilingual
    figures: tuple[str, ...] = ()

    def design_name(self, lang: str = "en") -> str:
        """The study design in the reader's language ("randomised phase 3")."""
        return Term(f"regimens.design.{self.design}").render(lang)

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        return {
            "ref": self.ref,
            "cited_with": list(self.cited_with),
            "design": self.design_name(lang),
            "size": self.size,
            "trial": self.trial,
            "finding": self.finding.render(lang),
            "figures": list(self.figures),
        }


class Population(Frozen):
    """What the cited study was done in. `child_pugh_enrolled` and `ecog_enrolled` are filled only
    from the trial's own publication, named in `enrolled_source` (clinical-rules.md, catalogue
    corrections); otherwise null, shown as "not stated in the review"."""

    ref: Ref
    studied_in: Bilingual
    child_pugh_enrolled: tuple[Literal["A", "B", "C"], ...] | None = None
    ecog_enrolled: tuple[Annotated[int, Field(ge=0, le=4)], ...] | None = None
    enrolled_source: Bilingual | None = None

    @model_validator(mode="after")
    def _enrolment_has_its_source(self) -> Population:
        stated = self.child_pugh_enrolled is not None or self.ecog_enrolled is not None
        if stated != (self.enrolled_source is not None):
            raise ValueError(
                f"population of ref {self.ref}: enrolled Child-Pugh/ECOG and enrolled_source "
                "go together (filled only from the trial's own publication)"
            )
        return self

    def enrolment(self) -> Message:
        """The enrolled Child-Pugh class and ECOG PS with their source, or "not stated"."""
        if self.enrolled_source is None:
            return msg("regimens.enrolled_not_stated", ref=self.ref)
        parts: list[Message] = []
        if self.child_pugh_enrolled is not None:
            parts.append(
                msg("regimens.enrolled_child_pugh", classes="/".join(self.child_pugh_enrolled))
            )
        if self.ecog_enrolled is not None:
            parts.append(msg("regimens.enrolled_ecog", ecog=_span(self.ecog_enrolled)))
        source = Translated(self.enrolled_source.en, self.enrolled_source.zh_CN)
        return msg("regimens.enrolled", ref=self.ref, parts=parts, source=source)

    def to_output(self, lang: str = "en") -> dict[str, Any]:
        child_pugh, ecog = self.child_pugh_enrolled, self.ecog_enrolled
        return {
            "ref": self.ref,
            "studied_in": self.studied_in.render(lang),
            "child_pugh_enrolled": list(child_pugh) if child_pugh is not None else None,
            "ecog_enrolled": list(ecog) if ecog is not None else None,
            "enrolled_source": (
                self.enrolled_source.render(lang)
                if self.enrolled_source
                else Message("regimens.not_stated_in_review").render(lang)
            ),
        }


def _span(values: tuple[int, ...]) -> str:
    """ECOG 0-1 as written in trial papers: a run of whole numbers as "low-high"."""
    ordered = sorted(values)
    if len(ordered) > 1 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}-{ordered[-1]}"
    return ", ".join(str(v) for v in ordered)


class AdverseEventSpec(Frozen):
    term: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    source: Annotated[str, Field(min_length=1)]

    def to_output(self, lang: str = "en") -> dict[str, str]:
        name = ae_term(self.term)
        rendered = name.render(lang) if isinstance(name, Term) else name
        return {"term": self.term, "name": rendered, "source": self.source}


class Regimen(Frozen):
    id: Annotated[str, Field(pattern=_KEBAB)]
    name: Bilingual
    components: Annotated[tuple[Component, ...], Field(min_length=1)]
    setting: Literal["conversion"]
    triple: bool
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1)]
    population: tuple[Population, ...] = ()
    adverse_events: tuple[AdverseEventSpec, ...] = ()

    _classes: tuple[str, ...] = PrivateAttr(default=())

    @model_validator(mode="after")
    def _triple_matches_components(self) -> Regimen:
        classes = frozenset(c.class_ for c in self.components)
        computed = bool(classes & LOCOREGIONAL) and {"tki", "ici"} <= classes
        if self.triple != computed:
            raise ValueError(f"{self.id}: triple must be {computed} for its components")
        return self

    def model_post_init(self, context: Any, /) -> None:
        self._classes = tuple(dict.fromkeys(c.class_ for c in self.components))

    @property
    def classes(self) -> tuple[str, ...]:
        """Component classes in component order, each once (keeps reasons in a stable order)."""
        return self._classes

    def component_for(self, agent: str, agent_class: str | None) -> str | None:
        """The component an agent given to the patient stands for in this regimen, if any."""
        for component in self.components:
            if agent == component.name or agent in component.agents:
                return component.name
        if agent_class is None:
            return None
        generic_agent = agent in GENERIC_COMPONENTS
        for component in self.components:
            if component.class_ == agent_class and (
                generic_agent or component.name in GENERIC_COMPONENTS
            ):
                return component.name
        return None

    def has_agent(self, agent: str) -> bool:
        """A component is this agent, or a procedure that delivers it."""
        return any(agent == c.name or agent in c.agents for c in self.components)


class AdjuvantOptionSpec(Frozen):
    id: Annotated[str, Field(pattern=_KEBAB)]
    name: Bilingual
    components: tuple[Component, ...] = ()
    agents: tuple[str, ...] = ()
    setting: Literal["adjuvant"]
    duration_months: Annotated[int, Field(gt=0)] | None
    stop_rules: tuple[StopRule, ...] = ()
    # No "recommended" flag without a source that recommends (or advises against): null when the
    # review reports the evidence without recommending (clinical-rules.md, catalogue corrections).
    recommended: bool | None = None
    recommendation_source: Bilingual | None = None
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _recommendation_has_its_source(self) -> AdjuvantOptionSpec:
        if (self.recommended is None) != (self.recommendation_source is None):
            raise ValueError(
                f"{self.id}: recommended true/false needs recommendation_source, and null none"
            )
        return self


class Catalogue(Frozen):
    format: Literal["hcc-mdt-regimens/1"]
    version: Annotated[str, Field(min_length=1)]
    source: str
    note: str = ""
    regimens: Annotated[tuple[Regimen, ...], Field(min_length=1)]
    adjuvant: tuple[AdjuvantOptionSpec, ...] = ()

    _index: dict[str, Regimen | AdjuvantOptionSpec] = PrivateAttr(default_factory=dict)
    _component_names: frozenset[str] = PrivateAttr(default=frozenset())
    _profiles: tuple[RegimenProfile, ...] = PrivateAttr(default=())

    @model_validator(mode="after")
    def _ids_unique(self) -> Catalogue:
        ids = [r.id for r in self.regimens] + [a.id for a in self.adjuvant]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"regimen id {duplicates[0]!r} appears twice in the catalogue")
        return self

    def model_post_init(self, context: Any, /) -> None:
        self._index = {r.id: r for r in self.regimens} | {a.id: a for a in self.adjuvant}
        self._profiles = tuple(RegimenProfile.of(r) for r in self.regimens)
        self._component_names = frozenset(
            name for r in self.regimens for c in r.components for name in (c.name, *c.agents)
        )

    @property
    def profiles(self) -> tuple[RegimenProfile, ...]:
        """One precomputed profile per conversion regimen, in catalogue order."""
        return self._profiles

    @property
    def component_names(self) -> frozenset[str]:
        """Every component name and delivered drug the conversion regimens mention."""
        return self._component_names

    def by_id(self, regimen_id: str) -> Regimen | AdjuvantOptionSpec | None:
        """A conversion regimen or adjuvant option by id; None when the catalogue lacks it."""
        return self._index.get(regimen_id)


# Systemic agents: a TACE regimen with one of these is exempt from the up-to-seven caution.
SYSTEMIC = frozenset({"tki", "ici", "anti_vegf", "chemotherapy"})


RegimenKind = tuple[frozenset[str], bool, bool]  # component classes, lenvatinib, TACE alone


class RegimenProfile(NamedTuple):
    """Plain per-regimen facts for the per-case safety loop (no pydantic attribute lookups).

    `kind` is what decides which component checks apply: regimens of one kind share them."""

    regimen: Regimen
    classes: frozenset[str]
    lenvatinib: bool
    tace_alone: bool
    enrolment: tuple[Message, ...]
    kind: RegimenKind

    @classmethod
    def of(cls, regimen: Regimen) -> RegimenProfile:
        classes = frozenset(regimen.classes)
        lenvatinib = regimen.has_agent("lenvatinib")
        tace_alone = "tace" in classes and not classes & SYSTEMIC
        return cls(
            regimen=regimen,
            classes=classes,
            lenvatinib=lenvatinib,
            tace_alone=tace_alone,
            enrolment=tuple(p.enrolment() for p in regimen.population),
            kind=(classes, lenvatinib, tace_alone),
        )


class CatalogueError(ValueError):
    """A regimen catalogue that cannot be used, with the reason in words."""


def ae_term(term: str) -> Term | str:
    """The adverse-event word in the reader's language; a term without a text reads as typed."""
    return adverse_event_term(term)


def regimen_text(regimen_id: str, catalogue: Catalogue | None = None) -> Translated | str:
    """A regimen or adjuvant option id as the catalogue names it, in the reader's language."""
    found = (catalogue or load_catalogue()).by_id(regimen_id)
    return Translated(found.name.en, found.name.zh_CN) if found is not None else regimen_id


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """The shipped catalogue (parsed once), or the one at `path`."""
    if path is None:
        return _default_catalogue()
    return _parse(Path(path))


@cache
def _default_catalogue() -> Catalogue:
    return _parse(resource("regimens.json"))


def _parse(path: Path) -> Catalogue:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Catalogue.model_validate(data)
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot read the catalogue: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: not valid JSON: {exc}") from None
    except ValueError as exc:  # pydantic ValidationError is a ValueError
        raise CatalogueError(f"{path}: not a usable regimen catalogue:\n{exc}") from None
