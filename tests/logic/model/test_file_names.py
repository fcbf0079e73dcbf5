"""File names from MRNs: kept where safe, percent-encoded elsewhere, never shared."""

from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.logic.model import FileStems, file_stem


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("EX-0001", "EX-0001"),
        ("EX/1", "EX%2F1"),
        ("EX_1", "EX%5F1"),
        ("EX%2F1", "EX%252F1"),
        ("a.b", "a%2Eb"),
        ("..", "%2E%2E"),
        ("王伟", "%E7%8E%8B%E4%BC%9F"),
        ("", "_"),
        ("_", "%5F"),
        ("con", "%63on"),
        ("LPT1", "%4CPT1"),
        ("CONSOLE", "CONSOLE"),
        ("~2", "%7E2"),
    ],
)
def test_file_stem(text, stem):
    assert file_stem(text) == stem


@given(st.text())
def test_file_stem_decodes_back_so_no_two_texts_share_it(text):
    stem = file_stem(text)
    assert set(stem) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-%_")
    assert (unquote(stem, errors="strict") if stem != "_" else "") == text


@given(st.text(), st.text())
def test_distinct_texts_have_distinct_stems(first, second):
    assert (file_stem(first) == file_stem(second)) == (first == second)


def test_stems_taken_in_one_folder_differ_also_without_case():
    stems = FileStems()
    taken = [stems.take(t) for t in ["EX-1", "ex-1", "EX-1", "EX/1", "Ex-1"]]
    assert taken == ["EX-1", "ex-1~2", "EX-1~3", "EX%2F1", "Ex-1~4"]
    assert len({t.casefold() for t in taken}) == len(taken)
