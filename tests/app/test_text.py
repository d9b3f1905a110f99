"""Name skeletons: Georgian, national romanisation and everyday Latin spellings meet."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.text import fold, has_georgian, romanise, skeleton

SAME_NAME = [
    ("გიგინეიშვილი", "Gigineishvili", "ᲒᲘᲒᲘᲜᲔᲘᲨᲕᲘᲚᲘ", "GIGINEISHVILI", "Გიგინეიშვილი"),
    ("ყვარაცხელია", "Kvaratskhelia", "Q'varatskhelia", "Qvaratskhelia", "Kvaratsxelia"),
    ("ლანჩხუთი", "Lanchxuti", "Lanchkhuti"),
    ("წერეთელი", "Tsereteli", "Ts'ereteli", "Cereteli", "Ts’ereteli", "Tseretheli"),
    ("ჯაფარიძე", "Japaridze", "Djaparidze", "Japaridze"),
    ("ჭავჭავაძე", "Chavchavadze", "Tchavtchavadze", "Ch'avch'avadze"),
    ("ჟღენტი", "Zhghenti", "Jghenti"),
    ("ფხაკაძე", "Pkhakadze", "Phkhakadze"),
    ("ბერიძე", "Beridze", "BERIDZE"),
    ("ხუციშვილი", "Khutsishvili", "Xucishvili"),
    ("მაყაშვილი", "Makashvili", "Maq'ashvili"),
    ("თბილისი", "Tbilisi", "T'bilisi"),
]


@pytest.mark.parametrize("group", SAME_NAME, ids=lambda g: g[1])
def test_spellings_of_one_name_share_a_skeleton(group: tuple[str, ...]) -> None:
    keys = {skeleton(name) for name in group}
    assert len(keys) == 1, dict(zip(group, (skeleton(n) for n in group), strict=True))


def test_skeletons_of_different_names_differ() -> None:
    keys = [skeleton(g[0]) for g in SAME_NAME]
    assert len(set(keys)) == len(keys)
    assert skeleton("ბერიძე") != skeleton("ბერაძე")


def test_expected_skeletons() -> None:
    assert skeleton("გიორგი გიგინეიშვილი") == "giorgi gigineishvili"
    assert skeleton("ყვარაცხელია") == "kvaratskhelia"
    assert skeleton("  ნინო   ბერიძე-ჯაფარიძე ") == "nino beridze japaridze"
    assert skeleton("") == ""


def test_romanise_follows_the_national_system() -> None:
    assert romanise("ყვარაცხელია") == "q'varatskhelia"
    assert romanise("წერეთელი") == "ts'ereteli"
    assert romanise("ჭავჭავაძე") == "ch'avch'avadze"
    assert romanise("ჟღენტი") == "zhghent'i"


def test_fold_turns_mtavruli_into_mkhedruli() -> None:
    assert fold("ᲒᲘᲒᲘᲜᲔᲘᲨᲕᲘᲚᲘ") == "გიგინეიშვილი"
    assert fold("Გიორგი  ᲑᲔᲠᲘᲫᲔ") == "გიორგი ბერიძე"
    assert fold("გიორგი") == "გიორგი"  # Mkhedruli stays
    assert fold(" Tbilisi\t") == "tbilisi"
    # every Mtavruli letter folds to the Mkhedruli letter 0x1C90 − 0x10D0 below it
    for cp in (*range(0x1C90, 0x1CBB), 0x1CBD, 0x1CBE, 0x1CBF):
        assert fold(chr(cp)) == chr(cp - 0x1C90 + 0x10D0)


def test_has_georgian() -> None:
    assert has_georgian("ᲒᲘᲒᲘ")
    assert has_georgian("abc გ")
    assert not has_georgian("Gigineishvili")


# --- properties ----------------------------------------------------------------------------

_GEORGIAN = st.characters(min_codepoint=0x10D0, max_codepoint=0x10FF)
# Mtavruli capitals; U+1CBB and U+1CBC are unassigned
_MTAVRULI = st.sampled_from([chr(c) for c in (*range(0x1C90, 0x1CBB), 0x1CBD, 0x1CBE, 0x1CBF)])
_LATIN = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCHJKPQTXZ'’ -"))
name_like = st.text(st.one_of(_GEORGIAN, _MTAVRULI, _LATIN), max_size=30)


@given(st.one_of(st.text(), name_like))
@example("pphh")  # the coarsening must reach a fixed point in one call
@example("tthh")
@example("tttchh")
@example("ddjj")
@example("ttch")
@example("ძჰ")
@example("ℌ𝔢𝔩𝔩𝔬 ﬁ ǰ ŉ")
@example("ჼ")
def test_skeleton_is_idempotent_and_total(text: str) -> None:
    key = skeleton(text)
    assert skeleton(key) == key
    assert key == key.strip()
    assert "  " not in key
    assert all(ch.isascii() and (ch.isalnum() or ch == " ") for ch in key)
    assert key == key.lower()


@given(name_like)
def test_mtavruli_and_mkhedruli_share_a_skeleton(text: str) -> None:
    lowered = "".join(
        chr(ord(ch) - 0x1C90 + 0x10D0) if "\u1c90" <= ch <= "\u1cbf" else ch for ch in text
    )
    assert skeleton(text) == skeleton(lowered)
    assert skeleton(text) == skeleton(fold(text))


@given(st.text())
def test_fold_never_raises_and_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
