"""The permission matrix, generated from one table: every document use case × every kind of
user × a public and a confidential document, each allowed or refused as the table says.

The office (tests/app/_routing_helpers.py): a request of the SOC department registered by
``reg`` and resolved by SOC's ``head`` to ``exec``. The others: ``reg2`` (a registrar who
did not register it), ``fin.head`` (another department's head), ``co`` (a SOC executor it
is not assigned to), ``viewer``, ``admin``. Who *sees* a confidential document: the
administrator, the registrar who registered it, its department's head, its executors. Who *acts* on a document:
those who handle it (app/access.py) and whose role allows the action.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from app import attachments, documents, extensions, history, links, people, routing
from app.access import SYSTEM, visible_condition
from app.auth import Actor
from app.clock import FixedClock
from app.errors import NotFound, PermissionDenied
from app.registry import RegistryQuery, count
from app.routing import ResolutionInput
from app.users import UserInput, create_user
from models.db import Database
from models.tables import Department, Document
from tests.app._routing_helpers import counts, make_office, new_request

EVERYONE = frozenset({"admin", "reg", "reg2", "head", "fin.head", "exec", "co", "viewer"})
SEE_CONFIDENTIAL = frozenset({"admin", "reg", "head", "exec"})

Call = Callable[[Database, Actor, int, FixedClock, dict[str, Actor]], object]


def _in_my_tasks(
    db: Database, who: Actor, doc: int, clock: FixedClock, o: dict[str, Actor]
) -> None:
    if doc not in {t.id for t in routing.my_tasks(db, who, clock=clock)}:
        raise PermissionDenied("document.confidential", number="")


def _in_the_registry(
    db: Database, who: Actor, doc: int, clock: FixedClock, o: dict[str, Actor]
) -> None:
    if not count(db, RegistryQuery(ids=(doc,), viewer=who)):
        raise PermissionDenied("document.confidential", number="")


# use case: (state of the document, the call, allowed on the public one, on the confidential)
MATRIX: dict[str, tuple[str, Call, frozenset[str], frozenset[str]]] = {
    "card": ("assigned", lambda db, w, d, c, o: documents.get_card(db, w, d, c),
             EVERYONE, SEE_CONFIDENTIAL),
    "history": ("assigned", lambda db, w, d, c, o: history.history(db, w, d),
                EVERYONE, SEE_CONFIDENTIAL),
    "links": ("assigned", lambda db, w, d, c, o: links.links_of(db, w, d), EVERYONE, SEE_CONFIDENTIAL),
    "extensions": ("assigned", lambda db, w, d, c, o: extensions.list_extensions(db, w, d),
                   EVERYONE, SEE_CONFIDENTIAL),
    "extension terms": ("assigned", lambda db, w, d, c, o: extensions.extension_terms(db, w, d),
                        EVERYONE, SEE_CONFIDENTIAL),
    "clock history": ("assigned", lambda db, w, d, c, o: extensions.clock_history(db, w, d),
                      EVERYONE, SEE_CONFIDENTIAL),
    "files": ("assigned", lambda db, w, d, c, o: attachments.list_attachments(db, w, d),
              EVERYONE, SEE_CONFIDENTIAL),
    "registry list": ("assigned", _in_the_registry, EVERYONE, SEE_CONFIDENTIAL),
    # My tasks: an executor's parts, a head's department, the routed documents for others
    "my tasks": ("assigned", _in_my_tasks, EVERYONE - {"fin.head", "co"}, SEE_CONFIDENTIAL),
    "stop the clock": ("assigned", lambda db, w, d, c, o: extensions.stop_clock(
        db, w, d, None, "დაზუსტება", c), frozenset({"admin", "reg", "head", "exec"}),
        SEE_CONFIDENTIAL),
    "extend": ("assigned", lambda db, w, d, c, o: extensions.extend(
        db, w, d, dt.date(2026, 12, 14), "მოცულობითი", c), frozenset({"admin", "reg", "head"}),
        frozenset({"admin", "reg", "head"})),
    "link": ("assigned", lambda db, w, d, c, o: links.link(
        db, w, d, o["_other"].user_id, "related", c), frozenset({"admin", "reg", "head", "exec"}),
        SEE_CONFIDENTIAL),
    "close": ("registered", lambda db, w, d, c, o: routing.close(
        db, w, d, "ინფორმაციისთვის", c), frozenset({"admin", "reg", "head"}),
        frozenset({"admin", "reg", "head"})),
    "cancel": ("assigned", lambda db, w, d, c, o: routing.cancel(db, w, d, "შეცდომით", c),
               frozenset({"admin", "reg"}), frozenset({"admin", "reg"})),
}  # fmt: skip


@pytest.fixture
def office(sqlite_db: Database, clock: FixedClock, cheap_hashing: None) -> dict[str, Actor]:
    o = make_office(sqlite_db, clock)
    with sqlite_db.read() as s:
        soc = s.scalar(select(Department.id).where(Department.code == "SOC"))
    for login, role, dept in (("reg2", "registrar", None), ("co2", "executor", soc)):
        row = create_user(sqlite_db, o["admin"], UserInput(login, login, role, dept),
                          "პაროლი-12345", clock=clock)  # fmt: skip
        o[login] = Actor(row.id, row.login, row.full_name, row.role, row.department_id)
    return o


def _document(
    db: Database, o: dict[str, Actor], clock: FixedClock, state: str, secret: bool
) -> int:
    doc = new_request(db, o["reg"], clock, confidential=secret)
    if state == "assigned":
        routing.assign(db, o["head"], doc, ResolutionInput(o["exec"].user_id), clock)
    return doc


@pytest.mark.parametrize("confidential", [False, True], ids=["public", "confidential"])
@pytest.mark.parametrize("use_case", list(MATRIX))
def test_the_permission_matrix(
    sqlite_db: Database, clock: FixedClock, office: dict[str, Actor], use_case: str,
    confidential: bool,
) -> None:  # fmt: skip
    state, call, public, secret = MATRIX[use_case]
    allowed = secret if confidential else public
    assert allowed <= EVERYONE
    other = new_request(sqlite_db, office["reg"], clock)  # a public document to link to
    wrong: list[str] = []
    for name in sorted(EVERYONE):
        who = office[name]
        doc = _document(sqlite_db, office, clock, state, confidential)
        before = counts(sqlite_db)
        try:
            call(sqlite_db, who, doc, clock, {**office, "_other": Actor(other, "", "", "")})
        except PermissionDenied as exc:
            assert "{" not in exc.message("ka") and "{" not in exc.message("en")
            if counts(sqlite_db) != before:
                wrong.append(f"{name}: refused but wrote something")
            if name in allowed:
                wrong.append(f"{name}: refused ({exc.key}) but the table allows it")
        else:
            if name not in allowed:
                wrong.append(f"{name}: allowed but the table refuses it")
    assert wrong == []


def test_the_matrix_size() -> None:
    """What the closing note quotes: use cases × users × (public, confidential)."""
    assert len(MATRIX) * len(EVERYONE) * 2 == 14 * 8 * 2


# -- the other findings -------------------------------------------------------------------


def test_a_forgotten_viewer_is_an_error_not_everything(sqlite_db: Database) -> None:
    with pytest.raises(TypeError):
        visible_condition(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        count(sqlite_db, RegistryQuery())
    assert visible_condition(SYSTEM) is None


def test_a_masked_personal_number_cannot_be_rebuilt_digit_by_digit(
    sqlite_db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    """A viewer searching the directory with growing prefixes learnt the whole number in
    28 queries; now a personal number is found by someone who may not see it only when
    typed whole (and shown masked)."""
    from app.registration import RegistrationInput, register

    register(sqlite_db, office["reg"], RegistrationInput(
        kind="incoming", doc_type="letter", subject="წერილი", from_name="ნინო ბერიძე",
        personal_id="01001012345"), clock)  # fmt: skip
    viewer = office["viewer"]
    for prefix in ("0", "01", "0100", "010010123"):
        assert people.search_correspondents(sqlite_db, viewer, prefix).rows == ()
    [whole] = people.search_correspondents(sqlite_db, viewer, "01001012345").rows
    assert whole.personal_id != "01001012345" and "*" in whole.personal_id
    [seen] = people.search_correspondents(sqlite_db, office["reg"], "0100").rows
    assert seen.personal_id == "01001012345"


def test_closing_without_an_answer_needs_a_reason_whatever_the_clock(
    sqlite_db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    """Stop the clock, then close: a public-information request was filed with no answer.
    Closing a document that has none now needs the reason in the note."""
    from app.errors import ValidationError

    doc = new_request(sqlite_db, office["reg"], clock)
    extensions.stop_clock(sqlite_db, office["reg"], doc, None, "დაზუსტება", clock)
    before = counts(sqlite_db)
    with pytest.raises(ValidationError) as err:
        routing.close(sqlite_db, office["reg"], doc, "", clock)
    assert err.value.key == "close.reason_needed" and counts(sqlite_db) == before
    assert (
        routing.close(sqlite_db, office["reg"], doc, "მომთხოვნმა უარი თქვა", clock).status
        == "closed"
    )


def test_a_confidential_link_is_not_shown_to_whom_may_not_see_it(
    sqlite_db: Database, clock: FixedClock, office: dict[str, Actor]
) -> None:
    public = new_request(sqlite_db, office["reg"], clock)
    secret = new_request(sqlite_db, office["reg"], clock, confidential=True)
    links.link(sqlite_db, office["reg"], public, secret, "related", clock)
    assert [x.other_id for x in links.links_of(sqlite_db, office["reg"], public)] == [secret]
    assert links.links_of(sqlite_db, office["viewer"], public) == []
    with sqlite_db.read() as s:
        assert s.get(Document, secret) is not None
    with pytest.raises((PermissionDenied, NotFound)):
        links.links_of(sqlite_db, office["viewer"], secret)
