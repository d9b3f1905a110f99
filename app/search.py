"""Search over registration numbers, correspondents, personal numbers, subjects, summaries.

Words are stored as *skeletons* (see :mod:`app.text`) in two word tables —
``correspondent_words`` and ``document_words`` — whose primary key (word, id) is the
index, so Mtavruli, Mkhedruli and every Latin spelling of a name meet, and each typed
word is an index range scan (``word >= 'berid' AND word < 'beridf'``), never a scan of
the registry. Numbers go straight to their own indexes (``seq``, ``reg_number``,
``personal_id``, ``org_code``).

The word tables are kept in step inside the transaction that changes the text:
registration (:func:`index_document`, :func:`index_correspondent`), the correspondents
directory (rename, merge), the demo generator (:func:`index_documents`), and
:func:`reindex_all` rebuilds them (``kantselaria-cli db reindex``; run by
``app.setup.prepare`` when it upgrades an older database).
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    union,
)
from sqlalchemy.orm import Session

from app.access import sees_personal_data, visible_condition
from app.auth import Actor, require
from app.registry import RegistryRow, row_statement, to_row
from app.text import fold, skeleton
from models.db import Database
from models.tables import (
    SEARCH_WORD_MAX,
    Correspondent,
    CorrespondentWord,
    Document,
    DocumentWord,
)

WORD_MIN = 2  # shorter words are neither stored nor sought
PREFIX_MIN = 3  # a typed word this long or longer matches as a prefix; shorter: whole
STEM_MIN = 5  # a typed word this long ending in "i" is sought without it (see stem())
SUMMARY_WORDS = 40  # distinct words of a summary that are indexed (after the subject's)
DEFAULT_LIMIT = 200
LIMIT_MAX = 1000
QUERY_MAX = 200  # characters of typed text considered
# A word on fewer documents than this drives the search (its documents are sorted by
# date); when every word is on more, the registry is walked newest first instead. At 1 M
# documents both cost about the same here (~80 ms on SQLite, see `make bench`).
NARROW_MAX = 15_000
SET_MAX = 20_000  # another typed word on fewer documents and names is checked as a set
ID_PREFIX_MIN = 8  # digits: a personal number / organisation code prefix from this long
CHUNK = 500  # rows per DELETE ... IN / INSERT batch (MS SQL caps parameters at 2100)

# "number", "123/2026", "შ-123/26": an optional short prefix, the sequence, a year.
_NUMBER = re.compile(r"^([^\d\s]{1,6}[-/.]?)?(\d{1,7})(?:/(\d{2}|\d{4}))?$", re.ASCII)
# Skeletons of words too common to be worth an index entry (and so never sought).
STOP_WORDS = frozenset(
    {"da", "an", "ar", "tu", "rom", "mis", "ze", "shi", "shesakheb", "the", "of", "and"}
)

DocText = tuple[int, str, str] | Mapping[str, Any]
NameText = tuple[int, str] | Mapping[str, Any]


# --- words --------------------------------------------------------------------------------


@lru_cache(maxsize=65_536)
def _token_words(token: str) -> tuple[str, ...]:
    """The search words of one whitespace-separated token ("N12/3" gives two)."""
    return tuple(
        w[:SEARCH_WORD_MAX]
        for w in skeleton(token).split()
        if len(w) >= WORD_MIN and w not in STOP_WORDS
    )


def words(text: str) -> tuple[str, ...]:
    """Distinct skeleton words of *text*, in order, each at most SEARCH_WORD_MAX long.

    Skeletons never reach across whitespace, so the text is skeletonised a token at a
    time, and tokens (which repeat a great deal across documents) are remembered.
    """
    seen: dict[str, None] = {}
    for token in text[:50_000].split():
        for w in _token_words(token):
            seen.setdefault(w, None)
    return tuple(seen)


def document_words(subject: str, summary: str) -> list[str]:
    """What a document is found by: its subject's words, then its summary's first ones."""
    out = dict.fromkeys(words(subject))
    extra = 0
    for w in words(summary):
        if extra >= SUMMARY_WORDS:
            break
        if w not in out:
            out[w] = None
            extra += 1
    return list(out)


# --- indexing -----------------------------------------------------------------------------

Executor = Session | Connection
_DOC_WORDS = cast(Table, DocumentWord.__table__)
_CORR_WORDS = cast(Table, CorrespondentWord.__table__)


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _insert_words(conn: Executor, table: Table, pairs: list[tuple[str, int]]) -> None:
    """Insert (word, id) rows. On SQLite straight through the driver's executemany (the
    demo generator writes millions; SQLAlchemy's per-row work would be a third of it);
    elsewhere as a Core INSERT, in chunks.
    """
    if not pairs:
        return
    word, owner = (c.name for c in table.primary_key.columns)
    c = conn.connection() if isinstance(conn, Session) else conn
    if c.dialect.name == "sqlite":
        sql = f"INSERT INTO {table.name} ({word}, {owner}) VALUES (?, ?)"
        c.exec_driver_sql(sql, pairs)
        return
    for part in _chunks(pairs, 20 * CHUNK):
        c.execute(insert(table), [{word: w, owner: i} for w, i in part])


def _doc_text(row: DocText) -> tuple[int, str, str]:
    if isinstance(row, Mapping):
        return int(row["id"]), str(row.get("subject") or ""), str(row.get("summary") or "")
    return int(row[0]), row[1] or "", row[2] or ""


def _name_text(row: NameText) -> tuple[int, str]:
    if isinstance(row, Mapping):
        return int(row["id"]), str(row.get("name") or "")
    return int(row[0]), row[1] or ""


def index_documents(conn: Executor, rows: Iterable[DocText], *, replace: bool = False) -> int:
    """Index many documents at once: rows of ``(id, subject, summary)`` or mappings with
    those keys. With *replace*, their old words are removed first (otherwise they must
    be new documents). Runs in the caller's transaction; returns the words written.
    """
    docs = [_doc_text(r) for r in rows]
    if replace:
        for part in _chunks([d[0] for d in docs]):
            conn.execute(delete(DocumentWord).where(DocumentWord.document_id.in_(part)))
    pairs = sorted(
        (w, doc_id) for doc_id, subject, summary in docs for w in document_words(subject, summary)
    )  # in key order: the index pages fill in sequence, not at random
    _insert_words(conn, _DOC_WORDS, pairs)
    return len(pairs)


def index_correspondents(conn: Executor, rows: Iterable[NameText], *, replace: bool = False) -> int:
    """Index many correspondents: rows of ``(id, name)`` or mappings with those keys."""
    people = [_name_text(r) for r in rows]
    if replace:
        for part in _chunks([p[0] for p in people]):
            conn.execute(
                delete(CorrespondentWord).where(CorrespondentWord.correspondent_id.in_(part))
            )
    pairs = sorted((w, cid) for cid, name in people for w in words(name))
    _insert_words(conn, _CORR_WORDS, pairs)
    return len(pairs)


def index_document(s: Executor, doc_id: int, subject: str, summary: str) -> None:
    """(Re)build the words of one document inside the caller's transaction."""
    index_documents(s, [(doc_id, subject, summary)], replace=True)


def index_correspondent(s: Executor, corr_id: int, name: str) -> None:
    """(Re)build the words of one correspondent inside the caller's transaction."""
    index_correspondents(s, [(corr_id, name)], replace=True)


def forget_correspondent(s: Executor, corr_id: int) -> None:
    """Drop the words of a correspondent about to be deleted (merged away)."""
    s.execute(delete(CorrespondentWord).where(CorrespondentWord.correspondent_id == corr_id))


@dataclass(frozen=True)
class ReindexResult:
    documents: int
    correspondents: int
    words: int


def reindex_all(db: Database, batch: int = 5000) -> ReindexResult:
    """Rebuild both word tables from the registry (after an upgrade or an import).

    The correspondents go in one transaction, the documents in batches of *batch*; a
    search meanwhile may miss the documents not yet reached, never find wrong ones.
    """
    words_written = 0
    with db.write() as s:
        s.execute(delete(DocumentWord))
        s.execute(delete(CorrespondentWord))
        corrs = [(r[0], r[1]) for r in s.execute(select(Correspondent.id, Correspondent.name))]
        words_written += index_correspondents(s, corrs)
    last = 0
    done = 0
    while True:
        with db.write() as s:
            chunk = [
                (r[0], r[1], r[2])
                for r in s.execute(
                    select(Document.id, Document.subject, Document.summary)
                    .where(Document.id > last)
                    .order_by(Document.id)
                    .limit(batch)
                )
            ]
            if not chunk:
                return ReindexResult(done, len(corrs), words_written)
            # replace: a document registered meanwhile has been indexed by its own save
            words_written += index_documents(s, chunk, replace=True)
        last = chunk[-1][0]
        done += len(chunk)


def count_words(db: Database) -> tuple[int, int]:
    """(document words, correspondent words) stored."""
    with db.read() as s:
        d = s.scalar(select(func.count()).select_from(DocumentWord))
        c = s.scalar(select(func.count()).select_from(CorrespondentWord))
    return int(d or 0), int(c or 0)


# --- searching ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # as typed, whitespace collapsed
    number: tuple[int, int | None] | None  # (seq, year) of a registration number
    number_prefix: str  # what was typed before the sequence ("შ-"), if anything
    digits: str | None  # a personal number / organisation code (or its first digits)
    exact: str | None  # one token with digits: compared with whole registration numbers
    words: tuple[str, ...]  # otherwise: words, each sought as a prefix

    @property
    def empty(self) -> bool:
        return self.number is None and self.digits is None and not self.exact and not self.words


@dataclass(frozen=True)
class SearchResult:
    text: str
    rows: tuple[RegistryRow, ...]  # newest first
    more: bool  # True when rows were cut at the limit


def parse(text: str) -> ParsedQuery:
    """What *text* asks for: a number (one token with digits) or words."""
    raw = " ".join(unicodedata.normalize("NFC", text[:QUERY_MAX]).split())
    compact = raw.replace(" ", "")
    number: tuple[int, int | None] | None = None
    prefix = ""
    digits = None
    exact = None
    if compact.isascii() and compact.isdigit() and len(compact) >= ID_PREFIX_MIN:
        digits = compact[:11]
    else:
        m = _NUMBER.match(compact)
        if m:
            prefix = fold(m.group(1) or "")
            year = m.group(3)
            y = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
            number = (int(m.group(2)), y)
        if " " not in raw and len(raw) <= 60 and any(ch in string.digits for ch in raw):
            exact = raw  # "01-ADM/123": a template the pattern above cannot read
    numeric = number is not None or digits is not None or exact is not None
    return ParsedQuery(
        text=raw,
        number=number,
        number_prefix=prefix,
        digits=digits,
        exact=exact,
        words=() if numeric else words(raw),
    )


_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def successor(prefix: str) -> str | None:
    """The smallest string over 0-9a-z greater than every string starting with *prefix*
    (None if there is none: "zz"). Digits sort before letters and each group in its
    usual order in every collation we meet (C, ICU, glibc, Windows), so unlike
    ``chr(ord(c) + 1)`` this never steps outside the alphabet.
    """
    p = prefix
    while p and p[-1] == "z":
        p = p[:-1]
    if not p:
        return None
    return p[:-1] + _ALPHABET[_ALPHABET.index(p[-1]) + 1]


def _prefix(column: Any, prefix: str) -> ColumnElement[bool]:
    """``column >= prefix AND column < successor``: an index range scan. Skeleton words,
    personal numbers and codes are lower-case ASCII letters and digits only.
    """
    upper = successor(prefix)
    if upper is None:
        return column >= prefix  # type: ignore[no-any-return]
    return and_(column >= prefix, column < upper)


def stem(word: str) -> str:
    """The prefix a typed word is sought by. Georgian nouns drop the nominative -ი before
    case endings (ჩოხატაური → ჩოხატაურში, ჩოხატაურის), so a long word ending in "i" is
    sought without it; everything else as typed.
    """
    return word[:-1] if len(word) >= STEM_MIN and word.endswith("i") else word


def _word_match(column: Any, word: str) -> ColumnElement[bool]:
    word = stem(word)
    return _prefix(column, word) if len(word) >= PREFIX_MIN else column == word


# Three shapes of query, chosen by what was typed and how many documents a word matches:
#   numbers -> the union of a few index lookups (seq, reg_number, personal_id, org_code);
#   words, one of them selective ("narrow") -> that word's documents (a union of two
#     word-index ranges), the other words checked on them, sorted, cut;
#   words, all common ("broad") -> walk the registry newest first and keep the documents
#     that have every word, stopping at the limit.
# The registry is never read whole either way.


def _doc_ids_by_word(word: str) -> Select[*tuple[Any, ...]]:
    return select(DocumentWord.document_id.label("id")).where(_word_match(DocumentWord.word, word))


def _doc_ids_by_name(word: str) -> Select[*tuple[Any, ...]]:
    return (
        select(Document.id.label("id"))
        .join(CorrespondentWord, CorrespondentWord.correspondent_id == Document.correspondent_id)
        .where(_word_match(CorrespondentWord.word, word))
    )


def _has_word(word: str) -> ColumnElement[bool]:
    """The current document (or its correspondent) has a word starting with *word*."""
    in_doc = (
        select(DocumentWord.document_id)
        .where(DocumentWord.document_id == Document.id, _word_match(DocumentWord.word, word))
        .exists()
    )
    in_name = (
        select(CorrespondentWord.correspondent_id)
        .where(
            CorrespondentWord.correspondent_id == Document.correspondent_id,
            _word_match(CorrespondentWord.word, word),
        )
        .exists()
    )
    return or_(in_doc, in_name)


def _number_ids(q: ParsedQuery, personal: bool) -> list[Select[*tuple[Any, ...]]]:
    parts: list[Select[*tuple[Any, ...]]] = []
    if q.number is not None:
        seq, year = q.number
        cond = Document.seq == seq
        if year is not None:
            cond = and_(cond, Document.seq_year == year)
        if q.number_prefix:  # "გ-12" is not "შ-12": checked on the few rows seq finds
            cond = and_(
                cond,
                func.lower(Document.reg_number).startswith(q.number_prefix, autoescape=True),
            )
        parts.append(select(Document.id.label("id")).where(cond))
    if q.exact is not None:
        parts.append(select(Document.id.label("id")).where(Document.reg_number == q.exact))
    if q.digits is not None:
        ids = [Correspondent.org_code == q.digits[:9]] if len(q.digits) <= 9 else []
        if personal:
            ids.append(_prefix(Correspondent.personal_id, q.digits))
        if len(q.digits) < 9:
            ids.append(_prefix(Correspondent.org_code, q.digits))
        if ids:
            parts.append(
                select(Document.id.label("id"))
                .join(Correspondent, Correspondent.id == Document.correspondent_id)
                .where(or_(*ids))
            )
    return parts


def _in_word_sets(word: str) -> ColumnElement[bool]:
    """Like :func:`_has_word`, as two sets built once (for a word on few documents)."""
    in_names = select(CorrespondentWord.correspondent_id).where(
        _word_match(CorrespondentWord.word, word)
    )
    return or_(Document.id.in_(_doc_ids_by_word(word)), Document.correspondent_id.in_(in_names))


def _rows_of(
    ids: Select[*tuple[Any, ...]], limit: int, viewer: Actor, kind: str | None
) -> Select[*tuple[Any, ...]]:
    """Cut *ids* (a select of Document.id, filtered) to the newest *limit* the viewer may
    see, then join the columns of those rows only.
    """
    visible = visible_condition(viewer)
    if visible is not None:
        ids = ids.where(visible)
    if kind is not None:
        ids = ids.where(Document.kind == kind)
    order = (Document.reg_date.desc(), Document.id.desc())
    page = ids.order_by(*order).limit(limit).subquery("page")
    return row_statement().join(page, page.c.id == Document.id).order_by(*order)


def _hits(parts: list[Select[*tuple[Any, ...]]]) -> Select[*tuple[Any, ...]]:
    hits = (parts[0] if len(parts) == 1 else union(*parts)).subquery("hits")
    return select(Document.id).join(hits, hits.c.id == Document.id)


def number_statement(
    q: ParsedQuery, limit: int, *, viewer: Actor, kind: str | None = None
) -> Select[*tuple[Any, ...]] | None:
    """Documents by registration number, personal number or organisation code."""
    personal = sees_personal_data(viewer)
    parts = _number_ids(q, personal)
    return _rows_of(_hits(parts), limit, viewer, kind) if parts else None


def narrow_statement(
    q: ParsedQuery,
    driver: str,
    limit: int,
    *,
    viewer: Actor,
    kind: str | None = None,
    few: frozenset[str] = frozenset(),
) -> Select[*tuple[Any, ...]]:
    """The documents of the selective word *driver*, checked for the other words: as
    two sets built once for the words in *few*, else one index probe per candidate.
    """
    ids = _hits([_doc_ids_by_word(driver), _doc_ids_by_name(driver)])
    for w in q.words:
        if w != driver:
            ids = ids.where(_in_word_sets(w) if w in few else _has_word(w))
    return _rows_of(ids, limit, viewer, kind)


def broad_statement(
    q: ParsedQuery, limit: int, *, viewer: Actor, kind: str | None = None
) -> Select[*tuple[Any, ...]]:
    """The registry newest first, filtered by every word (for words on many documents)."""
    ids = select(Document.id).where(*(_has_word(w) for w in q.words))
    return _rows_of(ids, limit, viewer, kind)


@dataclass(frozen=True)
class WordStats:
    """How common a typed word is, counted on the word indexes up to SET_MAX."""

    doc_words: int  # documents whose subject or summary has it
    names: int  # correspondents whose name has it
    documents: float  # documents it leads to: doc_words + names × documents per name

    @property
    def few(self) -> bool:
        """Small enough to be matched as two sets built once."""
        return self.doc_words < SET_MAX and self.names < SET_MAX


def _capped_count(s: Session, stmt: Select[*tuple[Any, ...]]) -> int:
    sub = stmt.limit(SET_MAX).subquery()
    return int(s.scalar(select(func.count()).select_from(sub)) or 0)


def documents_per_name(s: Session) -> float:
    """Documents per correspondent, from the largest ids (two index lookups, no count)."""
    docs = s.scalar(select(func.max(Document.id))) or 0
    names = s.scalar(select(func.max(Correspondent.id))) or 0
    return max(1.0, docs / names) if names else 1.0


def word_stats(s: Session, word: str, per_name: float) -> WordStats:
    doc_words = _capped_count(s, _doc_ids_by_word(word))
    names = _capped_count(
        s,
        select(CorrespondentWord.correspondent_id).where(_word_match(CorrespondentWord.word, word)),
    )
    return WordStats(doc_words, names, doc_words + names * per_name)


def search_statement(
    s: Session,
    q: ParsedQuery,
    limit: int = DEFAULT_LIMIT,
    *,
    viewer: Actor,
    kind: str | None = None,
) -> Select[*tuple[Any, ...]] | None:
    """The query for *q* (see the shapes above); None when there is nothing to seek.
    Personal numbers are sought only for viewers allowed to see them.
    """
    if not q.words:
        return number_statement(q, limit, viewer=viewer, kind=kind)
    per_name = documents_per_name(s)
    stats = {w: word_stats(s, w, per_name) for w in q.words}
    driver = min(q.words, key=lambda w: stats[w].documents)
    if stats[driver].documents >= NARROW_MAX:
        return broad_statement(q, limit, viewer=viewer, kind=kind)
    few = frozenset(w for w in q.words if stats[w].few)
    return narrow_statement(q, driver, limit, viewer=viewer, kind=kind, few=few)


def search(
    db: Database,
    actor: Actor,
    text: str,
    limit: int = DEFAULT_LIMIT,
    kind: str | None = None,
) -> SearchResult:
    """Documents matching *text* that *actor* may see, newest first.

    *text* is a registration number ("123", "123/2026", "შ-123/2026"), a personal number
    or organisation code (8–11 digits: a prefix), or words: every word must start a
    word of the subject, the summary or the correspondent's name, in any spelling
    (Mtavruli, Mkhedruli, Latin).
    """
    require(actor, "view_registry")
    limit = max(1, min(int(limit), LIMIT_MAX))
    q = parse(text)
    with db.read() as s:
        stmt = search_statement(s, q, limit + 1, viewer=actor, kind=kind)
        rows = [] if stmt is None else s.execute(stmt).all()
    return SearchResult(q.text, tuple(to_row(r) for r in rows[:limit]), len(rows) > limit)
