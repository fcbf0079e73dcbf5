"""Laboratory values of a case: the value and unit as entered, the canonical unit as properties."""

from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from desktop.logic.model.fields import Strict, refusal

# Conversion factors: case-format.md "Allowed values" (1 mg/dL bilirubin = 17.1 umol/L, ...).
BILIRUBIN_UMOL_PER_MG_DL = 17.1
ALBUMIN_G_L_PER_G_DL = 10.0
CREATININE_UMOL_PER_MG_DL = 88.4
AFP_NG_ML_PER_IU_ML = 1.21


class Bilirubin(Strict):
    value: Annotated[float, Field(strict=True, gt=0, le=1000)]
    unit: Literal["umol/L", "mg/dL"]

    @property
    def umol_l(self) -> float:
        return self.value if self.unit == "umol/L" else self.value * BILIRUBIN_UMOL_PER_MG_DL

    @property
    def mg_dl(self) -> float:
        return self.umol_l / BILIRUBIN_UMOL_PER_MG_DL

    @model_validator(mode="after")
    def _plausible(self) -> Self:
        # Impossible, not merely abnormal: above 1000 umol/L (58.5 mg/dL) is a unit mix-up.
        if self.umol_l > 1000:
            raise refusal(
                "bilirubin_range",
                "{value} {unit} is above 1000 umol/L (58.5 mg/dL)",
                value=self.value,
                unit=self.unit,
            )
        return self


class Albumin(Strict):
    value: Annotated[float, Field(strict=True, gt=0, le=100)]
    unit: Literal["g/L", "g/dL"]

    @property
    def g_l(self) -> float:
        return self.value if self.unit == "g/L" else self.value * ALBUMIN_G_L_PER_G_DL

    @property
    def g_dl(self) -> float:
        return self.g_l / ALBUMIN_G_L_PER_G_DL

    @model_validator(mode="after")
    def _plausible(self) -> Self:
        if not 5 <= self.g_l <= 70:
            raise refusal(
                "albumin_range",
                "{value} {unit} is outside 5-70 g/L (0.5-7 g/dL)",
                value=self.value,
                unit=self.unit,
            )
        return self


class Creatinine(Strict):
    value: Annotated[float, Field(strict=True, gt=0, le=3000)]
    unit: Literal["umol/L", "mg/dL"]

    @property
    def umol_l(self) -> float:
        return self.value if self.unit == "umol/L" else self.value * CREATININE_UMOL_PER_MG_DL

    @property
    def mg_dl(self) -> float:
        return self.umol_l / CREATININE_UMOL_PER_MG_DL

    @model_validator(mode="after")
    def _plausible(self) -> Self:
        if self.umol_l > 3000:
            raise refusal(
                "creatinine_range",
                "{value} {unit} is above 3000 umol/L (33.9 mg/dL)",
                value=self.value,
                unit=self.unit,
            )
        return self


class Sodium(Strict):
    value: Annotated[float, Field(strict=True, ge=90, le=200)]
    unit: Literal["mmol/L"]


class Platelets(Strict):
    value: Annotated[float, Field(strict=True, ge=0, le=3000)]
    unit: Literal["10^9/L"]


class Enzyme(Strict):
    value: Annotated[float, Field(strict=True, ge=0, le=50000)]
    unit: Literal["U/L"]


class Afp(Strict):
    value: Annotated[float, Field(strict=True, ge=0, le=10_000_000)]
    unit: Literal["ng/mL", "IU/mL"]

    @property
    def ng_ml(self) -> float:
        return self.value if self.unit == "ng/mL" else self.value * AFP_NG_ML_PER_IU_ML


class PivkaII(Strict):
    value: Annotated[float, Field(strict=True, ge=0, le=10_000_000)]
    unit: Literal["mAU/mL"]


class Labs(Strict):
    bilirubin: Bilirubin
    albumin: Albumin
    inr: Annotated[float, Field(strict=True, ge=0.5, le=15)]
    creatinine: Creatinine | None = None
    sodium: Sodium | None = None
    platelets: Platelets | None = None
    alt: Enzyme | None = None
    ast: Enzyme | None = None
    afp: Afp | None = None
    pivka_ii: PivkaII | None = None
