"""The case-list text filter through the trigram index finds exactly what a plain substring
search (SQL LIKE over name and MRN, or the exact case_id, and for 3 characters or more the
pinyin of Chinese names) finds, for any length of text."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.logic.store import cases as store_cases
from desktop.logic.store.database import Store, User
from tests.factories import make_case

USER = User("Li Ming", "hepatobiliary surgeon")
PEOPLE = [
    ("H-0001", "王伟"),
    ("H-0002", "王小明"),
    ("H-0003", "欧阳娜娜"),
    ("H-0004", "Zhang Min"),
    ("H-0005", "zhang ming"),
    ("H-0006", "ZHANG MINGYU"),
    ("H-0007", "Müller Ärzte"),
    ("H-0008", 'O\'Brien "Bo"'),
    ("X_10%", "Li Na"),
    ("X-100", "Li"),
    ("AB", "Wu"),
]
QUERIES = [
    "王", "王伟", "王小", "小明", "欧阳娜", "娜娜", "Z", "zh", "Zha", "zhang m", "ZHANG MIN",
    "ming", "mingy", "ü", "Mü", "MÜLLER", "müller", "ärzte", "O'B", '"Bo"', '"', "%", "_",
    "10%", "X_1", "X-1", "_10", "Li", "li n", "H-000", "h-0004", "0005", "AB", "ab", "b",
    "Wu", "nobody", "a b", " Li ",
]  # fmt: skip
REFERENCE = (
    "SELECT case_id FROM cases WHERE name LIKE :pattern ESCAPE '\\' OR mrn LIKE :pattern "
    "ESCAPE '\\' OR case_id = :exact "
    "OR (length(:exact) >= 3 AND search_text LIKE :pattern ESCAPE '\\') "
    "ORDER BY updated_at DESC, case_id"
)


@pytest.fixture(scope="module")
def people(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "cases.sqlite3"
    with Store.open(path, user=USER) as store:
        for mrn, name in PEOPLE:
            store.new_case(make_case(**{"patient.mrn": mrn, "patient.name": name}))
        assert store_cases.has_search_index(store._conn)
        yield store


def _reference(store, text):
    """The substring search as it was before the index: LIKE over every row."""
    escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    params = {"pattern": f"%{escaped}%", "exact": text.strip()}
    return [row[0] for row in store._conn.execute(REFERENCE, params)] if text.strip() else None


def _found(store, text, **options):
    return [row.case_id for row in store.list_cases(text, **options)]


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("dense", [1, 10**6], ids=["walk", "index"])
def test_the_filter_finds_what_a_substring_search_finds(people, monkeypatch, text, dense):
    monkeypatch.setattr(store_cases, "DENSE_MATCHES", dense)
    expected = _reference(people, text)
    assert _found(people, text) == expected
    assert _found(people, text, limit=3) == expected[:3]
    assert people.count_cases(text) == len(expected)


@pytest.mark.parametrize("text", ["王伟", "Zha", "Li", "X_1"])
def test_other_orders_find_the_same_cases(people, text):
    by_name = _found(people, text, order_by="name ASC")
    assert sorted(by_name) == sorted(_reference(people, text))


def test_the_exact_case_id_is_found(people):
    case_id = people.list_cases("Wu")[0].case_id
    assert _found(people, case_id) == [case_id]
    assert _found(people, case_id[:10]) == []  # a case_id is matched whole, not in part


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="王伟小明欧阳娜ZzhangMiLNa -_%'\"Hü0X1", min_size=1, max_size=6))
def test_any_text_finds_what_a_substring_search_finds(people, text):
    expected = _reference(people, text)
    assert _found(people, text) == (expected if expected is not None else _found(people, ""))


def test_the_index_follows_new_renamed_and_reimported_cases(tmp_path):
    with Store.open(tmp_path / "cases.sqlite3", user=USER) as store:
        stored = store.new_case(make_case(**{"patient.mrn": "R-1", "patient.name": "Chen Jing"}))
        assert _found(store, "chen") == [stored.case_id]
        case = store.get_case(stored.case_id).case
        case.patient.name = "陈静"
        store.save_case(stored.case_id, case, expected_revision=1)
        assert _found(store, "chen") == [stored.case_id]  # now through the name's pinyin
        assert _found(store, "陈静") == [stored.case_id]
        case.patient.name = "李静"
        store.save_case(stored.case_id, case, expected_revision=2)
        assert _found(store, "chen") == []  # the pinyin follows the name
        renamed = make_case(**{"patient.mrn": "R-1", "patient.name": "Chen Jingyi"})
        store.import_case(renamed)  # a known MRN: a new revision with the new name
        assert _found(store, "jingyi") == [stored.case_id]
        assert _found(store, "李静") == []
        assert store.check() == []


@pytest.mark.parametrize(
    ("text", "mrns"),
    [
        ("wang", ["H-0002", "H-0001"]),  # 王小明 and 王伟, newest first
        ("wangwei", ["H-0001"]),
        ("wang wei", ["H-0001"]),
        ("WANG", ["H-0002", "H-0001"]),  # case ignored
        ("ouyang", ["H-0003"]),
        ("wxm", ["H-0002"]),  # initials, three letters or more
        ("wa", []),  # two letters: the name and MRN only (the short walk stays cheap)
    ],
)
def test_pinyin_finds_chinese_names(people, text, mrns):
    assert [row.mrn for row in people.list_cases(text)] == mrns


@pytest.mark.smoke  # runs at the lowest pypinyin allowed too (.ci/lowest-constraints.txt)
def test_the_pinyin_keeps_every_reading_and_both_spellings_of_u():
    from desktop.logic.store.pinyin import searchable_text

    assert searchable_text("单田芳").split()[-2:] == ["chan", "shan"]  # 单 as a surname: shan
    assert {"lvbu", "lubu"} <= set(searchable_text("吕布").split())
    assert searchable_text("Maria Lopez") == ""


def test_changed_since_keeps_the_cases_changed_then_or_later(people):
    rows = people.list_cases(order_by="updated_at ASC")
    middle = rows[len(rows) // 2].updated_at
    later = people.list_cases(changed_since=middle)
    assert [row.case_id for row in later] == [
        r.case_id for r in reversed(rows) if r.updated_at >= middle
    ]
    assert people.count_cases(changed_since=middle) == len(later)
    assert people.count_cases("wang", changed_since="2999-01-01T00:00:00+00:00") == 0
