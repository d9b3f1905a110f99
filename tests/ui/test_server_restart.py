"""Connection loss mid-work in the GUI: the PostgreSQL server stops while a clerk fills
the registration form, and starts again (issue 8, item 4).

The shared test server is never stopped: this module runs its own throw-away server in a
temporary folder (``scripts/pg-test-server``; a restart keeps the port, so the window's
URL stays valid as a real server's would). Only the server binaries are needed, not
``KANTSELARIA_TEST_PG``; without them the tests are skipped, which ``CI=true`` fails.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import func, select

from app.audit import verify
from app.auth import default_actor
from app.clock import FixedClock
from app.registration import RegistrationInput, register
from app.setup import prepare
from models.db import Database, open_database
from models.tables import AuditEntry, Correspondent, Document
from tests._pg_server import Server, fresh_database, own_server
from ui.context import AppContext
from ui.keys import type_text

pytestmark = pytest.mark.pg

SUBJECT = "ქუჩის განათების აღდგენა სოფელ ჩიბათში"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with own_server("kpg-ui-restart-") as srv:
        yield srv


@pytest.fixture
def ctx(server: Server, clock: FixedClock) -> Iterator[AppContext]:
    """The window's context on a fresh, prepared database of the module's own server
    (overrides the SQLite ``ctx`` of ``tests/ui/conftest.py``, so ``window`` uses it)."""
    from PySide6.QtWidgets import QApplication

    from ui.tasks import TaskRunner

    with fresh_database(server) as url:
        db = open_database(url)
        prepare(db, clock)
        with db.read() as s:
            actor = default_actor(s)
        assert actor is not None
        yield AppContext(db=db, actor=actor, clock=clock, url=url)
        TaskRunner.wait_all()
        QApplication.sendPostedEvents()
        db.dispose()


@pytest.fixture
def probe(ctx: AppContext) -> Iterator[Database]:
    """A second connection to the same database, for checking what was written — so the
    window's own engine is not the one that reconnects first."""
    db = open_database(ctx.url)
    yield db
    db.dispose()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes the window shows (recorded instead of blocking the test)."""
    shown: list[str] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _parent, _title, msg, *_a, **_k: shown.append(msg)
        )
    return shown


def _counts(db: Database) -> tuple[int, int, int]:
    """(documents with the test's subject, audit rows, correspondents)."""
    with db.read() as s:
        docs = s.scalar(select(func.count(Document.id)).where(Document.subject == SUBJECT))
        audit = s.scalar(select(func.count(AuditEntry.id)))
        people = s.scalar(select(func.count(Correspondent.id)))
    return int(docs or 0), int(audit or 0), int(people or 0)


def _idle(window, dlg) -> bool:  # type: ignore[no-untyped-def]
    """The form's look-ups (suggestions, repeat check) have run and nothing is pending."""
    timers = (dlg._suggest_timer, dlg._repeat_timer)
    return not any(t.isActive() for t in timers) and not window.runner.busy()


def test_a_save_during_an_outage_keeps_the_form_and_succeeds_after_the_restart(
    qtbot, window, ctx, server, probe, boxes
) -> None:  # type: ignore[no-untyped-def]
    dlg = window.open_registration()
    dlg.doc_type.setCurrentIndex(dlg.doc_type.findData("application"))
    type_text(dlg.from_name, "თამარ ჩხეიძე")
    type_text(dlg.personal_id, "01024056789")
    type_text(dlg.address, "ლანჩხუთი, ჟორდანიას ქ. 12")
    type_text(dlg.phone, "+995 599 12 34 56")
    type_text(dlg.email, "tamar.chkheidze@example.ge")
    type_text(dlg.sender_number, "გ-17/11")
    type_text(dlg.sender_date, "20.11.2026")
    type_text(dlg.subject, SUBJECT)
    type_text(dlg.summary, "ორი თვეა, რაც ქუჩაზე სინათლე არ არის; გთხოვთ, აღადგინოთ.")
    dlg.sheets.setValue(3)
    dlg.department.setCurrentIndex(2)
    qtbot.waitUntil(lambda: _idle(window, dlg), timeout=10_000)
    typed = dlg.draft_fields()
    assert typed["subject"] == SUBJECT and typed["department"]
    before = _counts(probe)
    assert before[0] == 0

    server.stop()
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.general_error.isVisible(), timeout=15_000)
    assert dlg.save_button.isEnabled()  # the clerk may press it again
    assert dlg.isVisible() and dlg.result_doc is None
    assert dlg.draft_fields() == typed  # every field keeps what was typed
    message = dlg.general_error.text()
    assert "შენახვა ვერ მოხერხდა" in message and "ფორმაში" in message
    assert "სერვერი" in message  # says why: the server does not answer
    assert boxes == []  # shown on the form, no box over it
    assert window.notice is None

    server.start()
    assert _counts(probe) == before  # nothing half-written: no document, audit row, sender
    with qtbot.waitSignal(dlg.registered, timeout=15_000) as sig:
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    doc = sig.args[0]  # the same window, the same engine: it reconnected by itself
    assert doc.number == "შ-1/2026"
    assert not dlg.isVisible()
    assert window.notice is not None and window.notice.isVisible()
    assert window.notice.findChild(QLabel, "number").text() == "შ-1/2026"
    assert _counts(probe)[0] == 1
    with probe.read() as s:
        stored = s.scalars(select(Document).where(Document.subject == SUBJECT)).one()
        assert (stored.reg_number, stored.sheets) == ("შ-1/2026", 3)
        assert stored.summary.startswith("ორი თვეა")
        result = verify(s)
    assert result.ok, result
    assert result.checked > before[1]
    assert boxes == []


def test_the_registry_works_again_on_the_next_action_after_a_restart(
    qtbot, window, ctx, server, boxes
) -> None:  # type: ignore[no-untyped-def]
    doc = register(
        ctx.db, ctx.actor,
        RegistrationInput(kind="incoming", doc_type="letter", subject=SUBJECT,
                          from_name="გიორგი ლომიძე"),
        ctx.clock,
    )  # fmt: skip
    window.model.refresh()
    qtbot.waitUntil(lambda: window.model.ready and window.model.rowCount() == 1, timeout=10_000)

    server.stop()  # while the server is away, a refresh says so and the window lives on
    with qtbot.waitSignal(window.model.failed, timeout=15_000):
        window.act_refresh.trigger()
    assert len(boxes) == 1 and "სერვერი" in boxes[0]

    server.start()  # every pooled connection is now dead; the next action replaces it
    with qtbot.waitSignal(window.model.loaded, timeout=15_000):
        window.act_refresh.trigger()
    assert window.model.rowCount() == 1 and window.model.row(0).id == doc.id

    server.stop()
    server.start()  # a restart nobody noticed: the search is the next action
    type_text(window.search, "ლომიძე")
    qtbot.waitUntil(lambda: window.search_result is not None and window.model.ready, timeout=15_000)
    assert [r.id for r in window.search_result.rows] == [doc.id]
    assert window.model.row(0).id == doc.id
    assert window.status_count.text().endswith("1")
    assert len(boxes) == 1  # no error after the restart
