"""Every closed vocabulary speaks both languages."""

from __future__ import annotations

import inspect

import pytest

from model.format import vocab

VOCABS = [
    cls
    for _, cls in inspect.getmembers(vocab, inspect.isclass)
    if issubclass(cls, vocab.Vocab) and cls is not vocab.Vocab
]


@pytest.mark.parametrize("cls", VOCABS, ids=lambda c: c.__name__)
def test_every_value_has_japanese_and_english_labels(cls):
    assert len(cls) >= 2
    for member in cls:
        assert member.label("ja").strip() and member.label("en").strip(), member
        assert bool(member.description("ja")) == bool(member.description("en")), member
        assert member.value == member.value.lower() and " " not in member.value


def test_ordered_scales_rank_in_declaration_order():
    assert (
        vocab.DisclosureLevel.OVERVIEW.rank
        < vocab.DisclosureLevel.FULL_DRAWINGS.rank
        < vocab.DisclosureLevel.RECIPE_SOURCE.rank
    )
    assert vocab.RiskRating.LOW.rank < vocab.RiskRating.VERY_HIGH.rank
