"""Search: numbers, personal numbers, names in any script, subject and summary words,
visibility of confidential documents, and the word index kept in step with edits.
"""

from __future__ import annotations

import datetime as dt
import json
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import insert, select
from sqlalchemy.dialects import mssql

from app import search as search_module
from app.access import SYSTEM
from app.auth import Actor
from app.cli import EXIT_OK, EXIT_USER, run
from app.clock import FixedClock
from app.people import CorrespondentInput, create_correspondent, merge, update_correspondent
from app.registration import RegisteredDocument, RegistrationInput, register
from app.search import (
    STOP_WORDS,
    broad_statement,
    count_words,
    document_words,
    narrow_statement,
    number_statement,
    parse,
    reindex_all,
    search,
    successor,
    words,
)
from app.setup import prepare
from app.text import skeleton
from models import migrate
from models.db import Database, open_database
from models.tables import (
    Correspondent,
    CorrespondentWord,
    Document,
    DocumentType,
    DocumentWord,
)
from tests.app._cli_login import login, with_admin
from tests.app._rules_helpers import admin, user

DAY = dt.date(2026, 11, 2)


def _reg(
    db: Database,
    clock: FixedClock,
    name: str = "",
    subject: str = "საჯარო ინფორმაცია",
    *,
    day: dt.date = DAY,
    actor: Actor | None = None,
    **kw: object,
) -> RegisteredDocument:
    return register(
        db,
        actor or admin(db),
        RegistrationInput(
            kind=str(kw.pop("kind", "incoming")),
            doc_type=str(kw.pop("doc_type", "letter")),
            subject=subject,
            from_name=name,
            reg_date=day,
            **kw,  # type: ignore[arg-type]
        ),
        clock,
    )


def _ids(db: Database, text: str, actor: Actor | None = None, **kw: object) -> list[int]:
    return [r.id for r in search(db, actor or admin(db), text, **kw).rows]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("ნინო ბერიძე", "Beridze"),
        ("Nino Beridze", "ბერიძე"),
        ("ილია ჭავჭავაძე", "Chavchavadze"),
        ("Ilia Chavchavadze", "ჭავჭავაძე"),
        ("ხვიჩა კვარაცხელია", "Kvaratskhelia"),
        ("ნინო ბერიძე", "ᲑᲔᲠᲘᲫᲔ"),  # Mtavruli
        ("ᲗᲐᲛᲐᲠ ᲦᲚᲝᲜᲢᲘ", "ღლონტი"),
        ("გიორგი გიგინეიშვილი", "Gigineishvili"),
        ("გიორგი გიგინეიშვილი", "gigin"),  # a prefix, as typed so far
        ("გიორგი გიგინეიშვილი", "გიორგი გიგ"),
    ],
)
def test_a_name_is_found_in_any_script_and_spelling(
    db: Database, clock: FixedClock, stored: str, typed: str
) -> None:
    doc = _reg(db, clock, stored)
    _reg(db, clock, "ლევან ხუციშვილი")
    assert _ids(db, typed) == [doc.id]


def test_registration_number_full_or_partial(db: Database, clock: FixedClock) -> None:
    docs = [_reg(db, clock, f"პირი {i}", day=dt.date(2025, 3, 3)) for i in range(3)]
    this_year = [_reg(db, clock, f"პირი {i}") for i in range(3)]
    out = _reg(db, clock, "შპს ალფა", kind="outgoing")
    assert docs[1].number == "შ-2/2025" and this_year[1].number == "შ-2/2026"
    # "2": every document with sequence 2, newest first
    assert _ids(db, "2") == [this_year[1].id, docs[1].id]
    assert _ids(db, "2/2025") == [docs[1].id]
    assert _ids(db, "2/26") == [this_year[1].id]
    assert _ids(db, "შ-2/2026") == [this_year[1].id]
    assert _ids(db, " შ-2/2026 ") == [this_year[1].id]
    assert _ids(db, out.number) == [out.id]
    assert _ids(db, "1", kind="outgoing") == [out.id]
    assert _ids(db, "99") == []


def test_personal_number_and_organisation_code(db: Database, clock: FixedClock) -> None:
    person = _reg(db, clock, "თამარ ღლონტი", personal_id="01001012345")
    org = _reg(db, clock, "შპს ალფა", org_code="204567891")
    _reg(db, clock, "სხვა პირი", personal_id="01001012999")
    assert _ids(db, "01001012345") == [person.id]
    assert _ids(db, "010 010 123") == [person.id]  # the first digits, spaces ignored
    assert sorted(_ids(db, "01001012")) == [person.id, person.id + 2]
    assert _ids(db, "204567891") == [org.id]
    assert _ids(db, "20456789") == [org.id]
    # a role that may not see personal numbers cannot find people by them either
    clerk = user(db, "executor")
    assert _ids(db, "01001012345", clerk) == []
    assert _ids(db, "204567891", clerk) == [org.id]


def test_subject_and_summary_words(db: Database, clock: FixedClock) -> None:
    a = _reg(db, clock, "ა ბ", "მიწის ნაკვეთის რეგისტრაცია", summary="სოფელ ჩოხატაურში")
    b = _reg(db, clock, "ა ბ", "ქუჩის განათება", summary="ნაკვეთის მიმდებარედ, ღამით")
    c = _reg(db, clock, "ნინო ბერიძე", "ქუჩის განათება")
    assert _ids(db, "ნაკვეთ") == [b.id, a.id]  # a prefix of a subject or summary word
    assert _ids(db, "nakvetis") == [b.id, a.id]  # any script
    assert _ids(db, "ჩოხატაური") == [a.id]  # a suffixed form found by its stem
    assert _ids(db, "განათება ბერიძე") == [c.id]  # all words: subject and name
    assert _ids(db, "განათება ნაკვეთ") == [b.id]
    assert _ids(db, "ღამ") == [b.id]
    assert _ids(db, "შესახებ") == []  # a stop word: nothing to seek
    assert _ids(db, "   ") == []


def test_short_words_match_whole_words_only(db: Database, clock: FixedClock) -> None:
    a = _reg(db, clock, "ა ბ", "იჯარა ქ. ოზურგეთი, ოზ-ის ტერიტორია")
    _reg(db, clock, "ა ბ", "ოზურგეთის მუნიციპალიტეტი")
    assert _ids(db, "ოზ") == [a.id]
    assert len(_ids(db, "ოზუ")) == 2


@pytest.mark.parametrize("typed", ["ნინო", "ბერიძე ნინო", "განათ", "ნინო განათება", "nakv"])
def test_walking_by_date_and_driving_by_a_rare_word_find_the_same(
    db: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    names = ["ნინო ბერიძე", "ნინო კაპანაძე", "Nino Beridze", "ლევან ბერიძე"]
    subjects = ["ქუჩის განათება", "მიწის ნაკვეთი", "განათების ბოძი"]
    for i in range(12):
        _reg(db, clock, names[i % 4], subjects[i % 3], day=DAY - dt.timedelta(days=i % 5))
    narrow = _ids(db, typed)
    monkeypatch.setattr(search_module, "NARROW_MAX", 1)  # every word counts as common
    assert _ids(db, typed) == narrow
    assert narrow


def test_results_are_newest_first_and_limited(db: Database, clock: FixedClock) -> None:
    docs = [
        _reg(db, clock, "ნინო ბერიძე", day=dt.date(2026, 1, 1) + dt.timedelta(days=i % 4))
        for i in range(6)
    ]
    result = search(db, admin(db), "beridze", limit=4)
    assert result.more and len(result.rows) == 4
    assert [(r.reg_date, r.id) for r in result.rows] == sorted(
        ((d.reg_date, d.id) for d in docs), reverse=True
    )[:4]
    full = search(db, admin(db), "beridze")
    assert not full.more and len(full.rows) == 6
    assert full.rows[0].correspondent == "ნინო ბერიძე" and full.rows[0].kind == "incoming"


def test_confidential_documents_are_hidden_from_a_viewer(db: Database, clock: FixedClock) -> None:
    registrar = user(db, "registrar", "reg1")
    other_registrar = user(db, "registrar", "reg2")
    viewer = user(db, "viewer")
    secret = _reg(db, clock, "ნინო ბერიძე", confidential=True, actor=registrar)
    public = _reg(db, clock, "ნინო ბერიძე", actor=registrar)
    assert _ids(db, "beridze", viewer) == [public.id]
    assert _ids(db, "beridze", other_registrar) == [public.id]
    assert _ids(db, secret.number, viewer) == []
    assert _ids(db, "beridze", registrar) == [public.id, secret.id]  # registered it
    assert _ids(db, "beridze") == [public.id, secret.id]  # administrator


def test_renaming_a_correspondent_reindexes_its_documents(db: Database, clock: FixedClock) -> None:
    me = admin(db)
    corr = create_correspondent(db, me, CorrespondentInput(name="ნინო ბერიძე"), clock)
    doc = _reg(db, clock, correspondent_id=corr.id)
    assert _ids(db, "Beridze") == [doc.id]
    update_correspondent(
        db, me, corr.id, corr.version, CorrespondentInput(name="ნინო ჭავჭავაძე"), clock
    )
    assert _ids(db, "Beridze") == []
    assert _ids(db, "Chavchavadze") == [doc.id]


def test_merging_correspondents_keeps_their_documents_findable(
    db: Database, clock: FixedClock
) -> None:
    me = admin(db)
    keep = _reg(db, clock, "ნინო ბერიძე")
    gone = _reg(db, clock, "Nina Beridze-Tsereteli")
    assert _ids(db, "tsereteli") == [gone.id]
    assert gone.correspondent_id is not None and keep.correspondent_id is not None
    merge(db, me, keep.correspondent_id, [gone.correspondent_id], clock)
    assert _ids(db, "tsereteli") == []  # the merged record's words are gone with it
    assert _ids(db, "ბერიძე") == [gone.id, keep.id]  # both documents, under the kept name
    with db.read() as s:
        left = s.scalars(
            select(CorrespondentWord.word).where(
                CorrespondentWord.correspondent_id == gone.correspondent_id
            )
        ).all()
    assert left == []


def test_reindex_all_rebuilds_the_same_words(db: Database, clock: FixedClock) -> None:
    for i in range(7):
        _reg(db, clock, f"ნინო ბერიძე {i}", f"განცხადება ნაკვეთის შესახებ {i}", summary="ტექსტი")

    def snapshot() -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
        with db.read() as s:
            d = {(w, i) for w, i in s.execute(select(DocumentWord.word, DocumentWord.document_id))}
            c = {
                (w, i)
                for w, i in s.execute(
                    select(CorrespondentWord.word, CorrespondentWord.correspondent_id)
                )
            }
        return d, c

    before = snapshot()
    result = reindex_all(db, batch=3)
    assert snapshot() == before
    assert (result.documents, result.correspondents) == (7, 7)
    assert count_words(db) == (len(before[0]), len(before[1]))
    assert result.words == len(before[0]) + len(before[1])


def test_cli_search_json(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cheap_hashing: None,
) -> None:
    with_admin(db_url)
    rc = run(
        ["--db", db_url, "register", "--type", "foi", "--subject", "საჯარო ინფორმაცია",
         "--from-name", "ილია ჭავჭავაძე", "--date", "2026-04-02", *login(monkeypatch)]
    )  # fmt: skip
    assert rc == EXIT_OK
    capsys.readouterr()
    assert run(["--db", db_url, "search", "Chavchavadze", "--json", *login(monkeypatch)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["count"] == 1 and not out["more"]
    assert out["rows"][0]["number"] == "შ-1/2026"
    assert out["rows"][0]["correspondent"] == "ილია ჭავჭავაძე"
    assert run(["--db", db_url, "search", "1/2026", *login(monkeypatch)]) == EXIT_OK
    assert capsys.readouterr().out.startswith("შ-1/2026\t2026-04-02\tილია ჭავჭავაძე")
    assert run(["--db", db_url, "db", "reindex", *login(monkeypatch)]) == EXIT_OK
    assert "1 documents, 1 correspondents" in capsys.readouterr().out


def test_cli_search_refuses_a_database_without_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    assert run(["--db", url, "search", "x"]) == EXIT_USER
    assert "შეცდომა" in capsys.readouterr().err


# --- pure properties -----------------------------------------------------------------------

_ALNUM = string.digits + string.ascii_lowercase


@given(st.text(_ALNUM, min_size=1, max_size=8), st.text(_ALNUM, max_size=8))
def test_successor_bounds_exactly_the_strings_with_the_prefix(prefix: str, other: str) -> None:
    upper = successor(prefix)
    # every string that starts with the prefix lies in [prefix, upper)
    assert prefix <= prefix + other
    if upper is not None:
        assert prefix + other < upper
        # and every string in that range starts with the prefix
        if prefix <= other < upper:
            assert other.startswith(prefix)
    else:
        assert set(prefix) == {"z"}


_GEORGIAN = st.text(st.sampled_from("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ"), min_size=3, max_size=12)


@given(_GEORGIAN)
def test_a_georgian_word_and_its_romanisations_have_the_same_search_word(word: str) -> None:
    mtavruli = "".join(chr(ord(c) - 0x10D0 + 0x1C90) for c in word)
    roman = skeleton(word)
    assert words(word) == words(mtavruli) == words(roman.title()) == (roman[:40],) or (
        roman in {"da", "an", "ar", "tu", "rom", "mis", "ze", "shi", "shesakheb"}
    )


@given(st.text(max_size=80))
def test_any_typed_text_parses_and_compiles_for_mssql(text: str) -> None:
    q = parse(text)
    assert all(len(w) >= 2 for w in q.words)
    assert not (q.words and (q.number or q.digits or q.exact))  # a number or words
    shapes = [number_statement(q, 10, viewer=SYSTEM)]
    if q.words:
        shapes += [narrow_statement(q, q.words[0], 10, viewer=SYSTEM),
                   broad_statement(q, 10, viewer=SYSTEM)]  # fmt: skip
    assert (shapes[0] is None) == (not q.number and not q.digits and not q.exact)
    for stmt in shapes:
        if stmt is not None:
            assert "TOP __[POSTCOMPILE_param_1]" in str(stmt.compile(dialect=mssql.dialect()))
    assert all(len(w) <= 40 for w in document_words(text, text))  # they fit the column


def test_upgrading_an_older_database_indexes_its_documents(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    try:
        migrate.upgrade(db.engine, "0002_rules")
        now = dt.datetime(2026, 1, 5, 9)
        with db.engine.begin() as c:
            c.execute(
                insert(DocumentType).values(
                    id=1, code="letter", name="წერილი", deadline_unit="none"
                )
            )
            c.execute(
                insert(Correspondent).values(
                    id=1, kind="person", name="ილია ჭავჭავაძე", name_skeleton="", created_at=now,
                    updated_at=now, version=1,
                )
            )  # fmt: skip
            c.execute(
                insert(Document).values(
                    id=1, kind="incoming", reg_number="შ-7/2026", seq=7, seq_year=2026,
                    counter_scope="incoming", reg_date=now.date(), correspondent_id=1,
                    doc_type_id=1, channel="post", subject="ქუჩის განათება", status="registered",
                    created_at=now, updated_at=now, version=1,
                )
            )  # fmt: skip
        prepare(db, FixedClock(now))
        assert _ids(db, "Chavchavadze") == [1]
        assert _ids(db, "განათება") == [1]
    finally:
        db.dispose()


@given(st.text(max_size=60))
def test_words_a_token_at_a_time_are_the_words_of_the_whole_text(text: str) -> None:
    whole: dict[str, None] = {}
    for w in skeleton(text).split():
        if len(w) >= 2 and w not in STOP_WORDS:
            whole.setdefault(w[:40], None)
    assert words(text) == tuple(whole)


def test_an_interrupted_reindex_is_finished_by_the_next_start(sqlite_db, clock) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import delete

    from app.auth import default_actor
    from app.registration import RegistrationInput, register
    from app.search import search
    from app.setup import prepare
    from models.tables import CorrespondentWord, DocumentWord

    with sqlite_db.read() as s:
        actor = default_actor(s)
    register(
        sqlite_db, actor,
        RegistrationInput(kind="incoming", doc_type="letter", subject="წყალი", from_name="ნინო ბერიძე"),
        clock,
    )  # fmt: skip
    with sqlite_db.write() as s:  # as if the program was killed after the migration
        s.execute(delete(DocumentWord))
        s.execute(delete(CorrespondentWord))
    assert search(sqlite_db, actor, "Beridze").rows == ()
    prepare(sqlite_db, clock)
    assert [r.correspondent for r in search(sqlite_db, actor, "Beridze").rows] == ["ნინო ბერიძე"]
