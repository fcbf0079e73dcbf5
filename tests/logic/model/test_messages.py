"""Clinical texts: every key in both languages, same placeholders, rendered with parameters."""

import copy
import pickle
import string

import pytest

from desktop.logic.model.messages import (
    LANGUAGES,
    Message,
    Term,
    Translated,
    msg,
    render_all,
    text_table,
)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_text_exists_in_every_language_with_the_same_placeholders():
    problems = []
    for key, texts in text_table().items():
        for lang in LANGUAGES:
            if not (texts.get(lang) or "").strip():
                problems.append(f"{key}: no {lang} text")
        if texts.get("zh_CN") and _placeholders(texts["en"]) != _placeholders(texts["zh_CN"]):
            problems.append(f"{key}: placeholders differ between en and zh_CN")
    assert not problems, problems


def test_no_text_has_keys_beyond_the_known_languages():
    extra = {key: set(texts) - set(LANGUAGES) for key, texts in text_table().items()}
    assert not {k: v for k, v in extra.items() if v}


def test_terms_and_numbers_render_in_the_readers_language():
    message = Message("evaluation.disclaimer")
    assert message.render("en").startswith("Decision support only")
    assert message.render("zh_CN").startswith("仅供决策支持")
    assert Term("term.ascites.mild").render("zh_CN") == "轻度"
    assert render_all([msg("evaluation.disclaimer")], "en") == [message.render("en")]


def test_unknown_key_is_an_error_not_a_blank():
    with pytest.raises(KeyError, match="no text for message key 'nope.nothing'"):
        Message("nope.nothing").render()


def test_a_message_or_term_given_as_a_parameter_reads_as_its_text_not_as_its_fields():
    # Messages, terms and translated texts are NamedTuples: the renderer must take them for
    # sentences before it takes tuples for lists.
    caution = Term("term.verdict.caution")
    shown = msg("checks.verdict", verdict=caution).render("en")
    assert caution.render("en") in shown
    assert "term.verdict" not in shown
    nested = msg("checks.verdict", verdict=Translated("own words", "自己的话"))
    assert "自己的话" in nested.render("zh_CN")
    assert "own words" in nested.render("en")


def test_messages_compare_by_value_copy_and_pickle():
    first = msg("checks.verdict", verdict=Term("term.verdict.caution"))
    assert first == msg("checks.verdict", verdict=Term("term.verdict.caution"))
    assert first != msg("checks.verdict", verdict=Term("term.verdict.suitable"))
    assert Message("evaluation.disclaimer").params == {}
    for copied in (copy.deepcopy(first), pickle.loads(pickle.dumps(first))):
        assert copied == first
        assert copied.render("zh_CN") == first.render("zh_CN")
