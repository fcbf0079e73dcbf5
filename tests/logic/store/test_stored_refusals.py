"""A stored revision that no longer passes the case rules (saved before a rule existed) is
refused in words when read back, never a traceback; one saved on a later clock still opens."""

import json
import sqlite3

import pytest

from desktop.cli import main
from desktop.logic.model.case import Case
from desktop.logic.store import Store, StoreError, User
from tests.conftest import example_data


@pytest.fixture
def stored(tmp_path):
    path = tmp_path / "cases.sqlite3"
    with Store.open(path, user=User("Li Ming", "surgeon")) as store:
        case = Case.model_validate(example_data("intermediate-multinodular"))
        case_id = store.import_case(case)[0].case_id
    return path, case_id


def _rewrite_body(path, change) -> None:
    """What a database written before the date rules holds (the app never rewrites a revision)."""
    with sqlite3.connect(path) as conn:
        body = json.loads(conn.execute("SELECT body FROM revisions").fetchone()[0])
        change(body)
        conn.execute("DROP TRIGGER IF EXISTS revisions_no_update")
        conn.execute("UPDATE revisions SET body = ?", [json.dumps(body)])


def test_a_stored_date_out_of_range_is_refused_in_words(stored, tmp_path, capsys):
    path, case_id = stored
    _rewrite_body(path, lambda body: body.update(planned_surgery_date="9999-12-31"))
    with Store.open(path) as store, pytest.raises(StoreError) as caught:
        store.get_case(case_id)
    assert str(caught.value) == (
        f"case {case_id}: planned_surgery_date: 9999-12-31 is outside the allowed dates "
        "1900-01-01 to 2100-12-31"
    )
    assert main(["--db", str(path), "export", case_id, "--pdf", str(tmp_path / "o.pdf")]) == 2
    assert "planned_surgery_date: 9999-12-31 is outside" in capsys.readouterr().err
    assert not (tmp_path / "o.pdf").exists()


def test_a_revision_saved_on_a_later_clock_still_opens(stored):
    path, case_id = stored
    _rewrite_body(path, lambda body: body.update(assessed_on="2100-01-01"))
    with Store.open(path) as store:
        assert store.get_case(case_id).case.assessed_on.year == 2100
        assert store.get_revision(case_id, 1).assessed_on.year == 2100


def test_check_names_a_stored_date_out_of_range_but_not_one_after_this_clock(stored):
    path, case_id = stored
    _rewrite_body(path, lambda body: body.update(assessed_on="2100-01-01"))
    with Store.open(path) as store:
        assert not [p for p in store.check() if "assessed_on" in p]
    _rewrite_body(path, lambda body: body.update(assessed_on="2101-01-01"))
    with Store.open(path) as store:
        assert any(f"case {case_id} revision 1: assessed_on: 2101-01-01 is outside" in p
                   for p in store.check())
