"""Realistic demo correspondence of a Georgian mayoralty (after Lanchkhuti), in bulk.

``kantselaria-cli demo --count N --seed S`` (and ``make run``, ``make bench``) fill an
empty database — never one with real documents — with three years of registry up to the
clock's today: citizens from Lanchkhuti and its villages who write several times,
ministries, agencies, schools, companies and neighbouring municipalities;
public-information requests, applications, complaints, letters and internal memos;
answers sent, documents closed, some still open, a few overdue, under control or
confidential, most assigned to the demo departments' executors.

The data obeys the real rules, so the program can be tried and benchmarked on it:

* registration numbers are rendered from the number templates exactly as
  :mod:`app.numbering` issues them — one gap-free sequence per counter scope and year of
  the registration date, in registration order — and the counters are advanced by the
  numbers issued (one atomic ``UPDATE … + k`` per scope and year and chunk, holding the
  counter row's lock like a registration does), so ``register()`` continues after them;
* due dates are the document type's deadline rule over the office calendar
  (:func:`app.deadlines.compute_due`), as :mod:`app.registration` computes them;
* correspondents carry the name skeleton registration stores.

Speed: everything is precomputed in Python and written with Core ``INSERT``
executemany, one transaction per chunk of documents (counters, correspondents,
documents together), so memory stays bounded and an interrupted run (``should_stop``,
or an exception from ``progress``) leaves whole chunks with consistent counters.
The same seed and clock give the same registry.
"""

from __future__ import annotations

import datetime as dt
import random
import string
import zlib
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, Update, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import numbering, search
from app.audit import Change, record
from app.calendar_sync import due_counted, ensure_years
from app.clock import TBILISI, Clock, SystemClock
from app.deadlines import DeadlineRule, add_months, compute_due
from app.errors import UserError, ValidationError
from app.text import skeleton
from app.users import DEMO_SETTING, demo_password_hash, is_demo_database
from app.workdays import WorkCalendar, load_calendar
from models.db import Database
from models.tables import (
    Assignment,
    Correspondent,
    Department,
    Document,
    DocumentType,
    NumberCounter,
    NumberTemplate,
    Setting,
    User,
)

CHUNK = 10_000  # documents per transaction
YEARS = 3  # how far back the registry reaches
NAME_MAX = 300

Progress = Callable[[int, int], None]
# What each inserted chunk hands to :func:`_after_chunk`, one tuple per document.
ChunkRow = tuple[int, str, str, str, int | None]  # id, reg_number, subject, summary, corr id

_DOCS = cast(Table, Document.__table__)
_CORRS = cast(Table, Correspondent.__table__)
_USERS = cast(Table, User.__table__)
_ASSIGNMENTS = cast(Table, Assignment.__table__)
# An open document's executor has an open part in it: his "My tasks" list is not empty.
_PART_STATE = {"assigned": "open", "in_progress": "in_progress",
               "awaiting_clarification": "in_progress"}  # fmt: skip
_COUNTERS = cast(Table, NumberCounter.__table__)
_TBILISI_OFFSET = TBILISI.utcoffset(None)  # the clerk's day from a UTC instant


def _after_chunk(conn_or_session: Session | Connection, rows: Sequence[ChunkRow]) -> None:
    """Called once per inserted chunk, inside its transaction, with the chunk's documents
    as ``(document_id, reg_number, subject, summary, correspondent_id)``.

    The place to keep derived tables in step: the search word index.
    """
    search.index_documents(conn_or_session, [(r[0], r[2], r[3]) for r in rows])


def _after_correspondents(
    conn_or_session: Session | Connection, rows: Sequence[tuple[int, str]]
) -> None:
    """Called inside the transaction that inserted new correspondents, with
    ``(correspondent_id, name)`` each: indexes the names' words for search."""
    search.index_correspondents(conn_or_session, rows)


# --- Names, places, organisations -------------------------------------------------------

MALE = (
    "გიორგი", "დავით", "ნიკოლოზ", "ლევან", "ზურაბ", "ირაკლი", "გოჩა", "თემურ", "ვახტანგ",
    "მამუკა", "ზაზა", "გელა", "ბესიკ", "რევაზ", "ალექსანდრე", "ლუკა", "ბექა", "თორნიკე",
    "გია", "ომარ", "ჯემალ", "ნოდარ", "მერაბ", "შოთა", "ტარიელ", "ავთანდილ", "კახა",
    "მალხაზ", "ნუგზარ", "ამირან", "ვლადიმერ", "ილია", "სანდრო", "ოთარ", "როლანდ", "ბადრი",
    "ჯონი", "მიხეილ", "პაატა", "არჩილ",
)  # fmt: skip
FEMALE = (
    "ნინო", "თამარ", "მარიამ", "ეკატერინე", "ნათია", "ქეთევან", "ლალი", "მანანა", "ნანა",
    "ციცინო", "ეთერ", "ლია", "ირმა", "მაია", "ხათუნა", "ნესტან", "სოფიო", "ანა", "ელენე",
    "თეონა", "ლიკა", "დარეჯან", "ციალა", "ნაზი", "ლამარა", "ნონა", "მზია", "ინგა", "ნატო",
    "თინათინ", "ლეილა", "გულნარა", "ნუნუ", "რუსუდან", "მედეა",
)  # fmt: skip
SURNAMES = (
    "ჩხაიძე", "ბერიძე", "ღლონტი", "ხომერიკი", "ნიჟარაძე", "ტალახაძე", "ჩიქოვანი",
    "კვაჭაძე", "გოგიტიძე", "ურუშაძე", "ქამადაძე", "ჯიქია", "ბოლქვაძე", "შარაშიძე",
    "ლორთქიფანიძე", "მგელაძე", "ნინიძე", "თავართქილაძე", "კეჟერაძე", "მამალაძე",
    "ხუნდაძე", "ჭყონია", "მესხი", "ტაბიძე", "ანთაძე", "ერქომაიშვილი", "ზოიძე",
    "გუგუშვილი", "სურმავა", "ნაკაშიძე", "ჯორბენაძე", "მიქაბერიძე", "კიკნაძე",
    "ნიკოლაიშვილი", "კაპანაძე", "გელაშვილი", "მაისურაძე", "ლომიძე", "ჯაფარიძე",
    "გიგინეიშვილი", "გოგიჩაიშვილი", "მოსეშვილი", "ჭანუყვაძე", "ღურწკაია", "ცინცაძე",
    "ჩავლეიშვილი", "დარჩია", "ბაკურაძე", "ხარაბაძე", "კილაძე", "ქავთარაძე", "ჯინჭარაძე",
    "სიხარულიძე", "გორგილაძე", "მჟავანაძე", "ჩაჩუა", "ცეცხლაძე", "ხინთიბიძე",
    "კალანდაძე", "ფაღავა", "ჩიჩუა", "ლომთათიძე", "გვარიშვილი", "ძნელაძე", "შენგელია",
)  # fmt: skip
# Villages of the municipality: (nominative, locative "…ში", genitive "…ის").
VILLAGES = (
    ("სუფსა", "სუფსაში", "სუფსის"), ("ნიგოითი", "ნიგოითში", "ნიგოითის"),
    ("ჩიბათი", "ჩიბათში", "ჩიბათის"), ("ღრმაღელე", "ღრმაღელეში", "ღრმაღელის"),
    ("აცანა", "აცანაში", "აცანის"), ("ლესა", "ლესაში", "ლესის"),
    ("ჯუმათი", "ჯუმათში", "ჯუმათის"), ("ნინოშვილი", "ნინოშვილში", "ნინოშვილის"),
    ("გვიმბალაური", "გვიმბალაურში", "გვიმბალაურის"), ("ამაღლება", "ამაღლებაში", "ამაღლების"),
    ("შუხუთი", "შუხუთში", "შუხუთის"), ("მამათი", "მამათში", "მამათის"),
    ("ჯურუყვეთი", "ჯურუყვეთში", "ჯურუყვეთის"), ("ნიგვზიანი", "ნიგვზიანში", "ნიგვზიანის"),
    ("ჩოჩხათი", "ჩოჩხათში", "ჩოჩხათის"), ("აკეთი", "აკეთში", "აკეთის"),
    ("ჩანჩეთი", "ჩანჩეთში", "ჩანჩეთის"),
)  # fmt: skip
# Streets of Lanchkhuti, in the genitive ("… ქუჩა").
STREETS = (
    "ჟორდანიას", "ნინოშვილის", "რუსთაველის", "ჭავჭავაძის", "თამარ მეფის", "აღმაშენებლის",
    "გურიის", "ერისთავის", "წერეთლის", "კოსტავას", "9 აპრილის", "ლომთათიძის",
    "გამსახურდიას", "მშვიდობის", "სტადიონის",
)  # fmt: skip

_GOVERNMENT = {
    "ministry": (
        "საქართველოს ფინანსთა სამინისტრო",
        "საქართველოს რეგიონული განვითარებისა და ინფრასტრუქტურის სამინისტრო",
        "საქართველოს ოკუპირებული ტერიტორიებიდან დევნილთა, შრომის, ჯანმრთელობისა და "
        "სოციალური დაცვის სამინისტრო",
        "საქართველოს განათლების, მეცნიერებისა და ახალგაზრდობის სამინისტრო",
        "საქართველოს გარემოს დაცვისა და სოფლის მეურნეობის სამინისტრო",
        "საქართველოს შინაგან საქმეთა სამინისტრო",
        "საქართველოს იუსტიციის სამინისტრო",
        "საქართველოს კულტურისა და სპორტის სამინისტრო",
        "საქართველოს ეკონომიკისა და მდგრადი განვითარების სამინისტრო",
    ),
    "agency": (
        "გურიის მხარეში სახელმწიფო რწმუნებულის ადმინისტრაცია",
        "სახელმწიფო აუდიტის სამსახური",
        "საქართველოს ცენტრალური საარჩევნო კომისია",
        "სსიპ საჯარო რეესტრის ეროვნული სააგენტო",
        "სსიპ სოციალური მომსახურების სააგენტო",
        "სსიპ საგანგებო სიტუაციების მართვის სამსახური",
        "სსიპ მუნიციპალური განვითარების ფონდი",
        "საავტომობილო გზების დეპარტამენტი",
        "საქართველოს სახალხო დამცველის აპარატი",
        "პერსონალურ მონაცემთა დაცვის სამსახური",
        "სსიპ ლანჩხუთის საგანმანათლებლო რესურსცენტრი",
        "შემოსავლების სამსახური",
    ),
    "court": (
        "ოზურგეთის რაიონული სასამართლო",
        "ქუთაისის სააპელაციო სასამართლო",
        "საქართველოს პროკურატურა",
        "შსს გურიის პოლიციის დეპარტამენტის ლანჩხუთის რაიონული სამმართველო",
    ),
    "municipality": (
        "ოზურგეთის მუნიციპალიტეტის მერია",
        "ჩოხატაურის მუნიციპალიტეტის მერია",
        "აბაშის მუნიციპალიტეტის მერია",
        "სამტრედიის მუნიციპალიტეტის მერია",
        "ხობის მუნიციპალიტეტის მერია",
        "ქ. ფოთის მუნიციპალიტეტის მერია",
        "ქ. ბათუმის მუნიციპალიტეტის მერია",
        "ქ. თბილისის მუნიციპალიტეტის მერია",
    ),
    "council": ("ლანჩხუთის მუნიციპალიტეტის საკრებულო",),
    "utility": (
        "სს „ენერგო-პრო ჯორჯია“",
        "შპს „საქართველოს გაერთიანებული წყალმომარაგების კომპანია“",
        "სს „საქართველოს გაზის ტრანსპორტირების კომპანია“",
        "სს „საქართველოს რკინიგზა“",
        "სს „საქართველოს ფოსტა“",
        "სს „სილქნეტი“",
    ),
    "school": (
        "სსიპ ლანჩხუთის №1 საჯარო სკოლა",
        "სსიპ ლანჩხუთის №2 საჯარო სკოლა",
        "სსიპ ლანჩხუთის №3 საჯარო სკოლა",
        *(f"სსიპ სოფელ {gen} საჯარო სკოლა" for _nom, _loc, gen in VILLAGES),
        "ა(ა)იპ ლანჩხუთის მუნიციპალიტეტის სკოლამდელი აღზრდის დაწესებულებათა გაერთიანება",
        "ა(ა)იპ ლანჩხუთის სპორტული სკოლა",
        "ა(ა)იპ ლანჩხუთის კულტურის ცენტრი",
        "ა(ა)იპ ლანჩხუთის მუნიციპალიტეტის დასუფთავების სამსახური",
    ),
    "ngo": (
        "ა(ა)იპ „საქართველოს სასოფლო დარბაზი“",
        "ა(ა)იპ „ლანჩხუთის საინფორმაციო ცენტრი“",
        "ა(ა)იპ „რუდუნი“",
        "იმერეთის მხარის მეცნიერთა კავშირი „სპექტრი“",
        "„საერთაშორისო გამჭვირვალობა — საქართველო“",
        "ინფორმაციის თავისუფლების განვითარების ინსტიტუტი (IDFI)",
        "საქართველოს ახალგაზრდა იურისტთა ასოციაცია",
    ),
    "media": (
        "გაზეთი „ჰო და არა“",
        "ინტერნეტგამოცემა „გურია ნიუსი“",
        "ტელეკომპანია „გურჯაანი-გურია“",
    ),
}
_LLC_FIRST = (
    "გურია", "ლანჩხუთი", "სუფსა", "კოლხეთი", "ნაბადა", "შავი ზღვა", "სუპსა", "რიონი",
    "ოქროს საწმისი", "ახალი გზა", "ჯუმათი", "მერცხალი",
)  # fmt: skip
_LLC_SECOND = (
    "მშენებელი", "გზები", "ინვესტი", "აგრო", "სერვისი", "ენერჯი", "დეველოპმენტი",
    "ტრანსი", "პლუსი", "ბილდინგი", "კონსალტინგი", "ჯგუფი", "ტექნიკა", "ლაითი",
)  # fmt: skip

# Demo staff per department code: how many executors (besides the head).
_STAFF = {"ADM": 3, "FIN": 2, "INF": 4, "SOC": 4, "LEG": 2, "ARC": 3, "EDU": 2}
_REGISTRARS = 2


# --- What people write about ------------------------------------------------------------


@dataclass(frozen=True)
class _Topic:
    kind: str
    doc_type: str
    dept: str
    sender: str  # person | foi | reply | <organisation category> | "" (none: internal)
    subject: str
    summaries: tuple[str, ...]
    weight: float
    confidential: float
    control: float


def _group(
    kind: str,
    doc_type: str,
    sender: str,
    weight: float,
    summaries: tuple[str, ...],
    items: tuple[tuple[str, str], ...],
    confidential: float = 0.004,
    control: float = 0.04,
) -> list[_Topic]:
    each = weight / len(items)
    return [
        _Topic(kind, doc_type, dept, sender, subject, summaries, each, confidential, control)
        for dept, subject in items
    ]


_FOI_SUMMARIES = (
    "სზაკ-ის მე-40 მუხლის შესაბამისად გთხოვთ მომაწოდოთ საჯარო ინფორმაცია: {s}. "
    "ინფორმაცია სასურველია ელექტრონული ფორმით.",
    "განმცხადებელი ითხოვს საჯარო ინფორმაციას — {s}. ასლები გადაეგზავნოს ელექტრონული ფოსტით.",
    "{s}. გთხოვთ, ინფორმაცია მოგვაწოდოთ კანონით დადგენილ ვადაში, დამოწმებული ასლების სახით.",
)
_SOC_SUMMARIES = (
    "განმცხადებელი მძიმე სოციალურ-ეკონომიკურ მდგომარეობაშია და ითხოვს: {s}. თან ერთვის "
    "პირადობის მოწმობის ასლი და ცნობა ოჯახის შემადგენლობის შესახებ.",
    "ოჯახი რეგისტრირებულია სოციალურად დაუცველთა ერთიან ბაზაში (სარეიტინგო ქულა {score}). "
    "ითხოვს: {s}.",
    "{s}. დანართი: სამედიცინო ცნობა (ფორმა IV-100), ხარჯთაღრიცხვა, საბანკო რეკვიზიტები.",
)
_ARC_SUMMARIES = (
    "განმცხადებელი ითხოვს: {s}. ნაკვეთის საკადასტრო კოდი {cad}. თან ერთვის ამონაწერი "
    "საჯარო რეესტრიდან და პროექტი.",
    "{s}. მიწის ნაკვეთის ფართობი {area} კვ.მ, საკადასტრო კოდი {cad}.",
    "{s}. წარმოდგენილია აზომვითი ნახაზი და ტოპოგრაფიული გეგმა ({k} ფურცელი).",
)
_INF_SUMMARIES = (
    "{s}. მოსახლეობის სახელით განცხადებას ხელს აწერს {k} ოჯახი.",
    "{s}. პრობლემა წლებია არ გვარდება, წვიმების დროს გზა თითქმის გაუვალია.",
    "გთხოვთ, გაითვალისწინოთ {next_year} წლის ბიუჯეტში: {s}.",
)
_GENERAL_SUMMARIES = (
    "განმცხადებელი ითხოვს: {s}.",
    "{s}. თან ერთვის პირადობის მოწმობის ასლი.",
    "{s}. პასუხი გთხოვთ გამომიგზავნოთ მითითებულ მისამართზე.",
)
_COMPLAINT_SUMMARIES = (
    "{s}. მიუხედავად არაერთი მიმართვისა, პრობლემა არ მოგვარებულა. ვითხოვ დროულ რეაგირებას.",
    "მომჩივანი აღნიშნავს: {s}. ითხოვს ადგილზე შემოწმებას და შედეგის შესახებ ინფორმირებას.",
    "{s}. თან ერთვის ფოტომასალა ({k} ფოტო).",
)
_LETTER_SUMMARIES = (
    "{s}. გთხოვთ, მოთხოვნილი ინფორმაცია წარმოადგინოთ {days} სამუშაო დღის ვადაში.",
    "{s}. წერილს თან ერთვის {k} ფურცლიანი დანართი.",
    "გაცნობებთ: {s}. დამატებითი ინფორმაციისთვის დაუკავშირდით საკონტაქტო პირს.",
)
_REPLY_SUMMARIES = (
    "{s}. განცხადება განხილულია და მიღებულია გადაწყვეტილება; ადმინისტრაციული აქტი "
    "შეიძლება გასაჩივრდეს ერთი თვის ვადაში.",
    "{s}. გაცნობებთ, რომ საკითხი შესწავლილია სამსახურის მიერ.",
    "{s}. მოთხოვნილი დოკუმენტები თან ერთვის ({k} ფურცელი).",
)
_MEMO_SUMMARIES = (
    "{s}. გთხოვთ, განიხილოთ და მიიღოთ შესაბამისი გადაწყვეტილება.",
    "მოგახსენებთ: {s}.",
    "{s}. დანართი: {k} ფურცელი.",
)

# fmt: off
_TOPICS: tuple[_Topic, ...] = (
    # --- incoming -----------------------------------------------------------------------
    *_group("incoming", "foi", "foi", 11, _FOI_SUMMARIES, (
        ("FIN", "{prev_year} წლის ბიუჯეტის შესრულების შესახებ ინფორმაციის გამოთხოვა"),
        ("FIN", "მერიის თანამშრომლებზე {prev_year} წელს გაცემული პრემიებისა და "
                "დანამატების შესახებ ინფორმაცია"),
        ("FIN", "{prev_year} წელს ჩატარებული სახელმწიფო შესყიდვების ნუსხის გამოთხოვა"),
        ("ADM", "მერიის ბალანსზე არსებული სამსახურებრივი ავტომობილების ნუსხა"),
        ("ARC", "{prev_year} წელს გაცემული მშენებლობის ნებართვების სია"),
        ("SOC", "სოციალური პროგრამების ბენეფიციართა რაოდენობის შესახებ ინფორმაცია"),
        ("INF", "{at} განხორციელებული ინფრასტრუქტურული პროექტების შესახებ ინფორმაცია"),
        ("FIN", "სარეზერვო ფონდიდან გამოყოფილი თანხების შესახებ ინფორმაცია"),
        ("ADM", "მერიის საშტატო ნუსხისა და ვაკანსიების შესახებ ინფორმაცია"),
        ("FIN", "მუნიციპალური ქონების პრივატიზების შესახებ ინფორმაცია ({prev_year})"),
        ("EDU", "სკოლამდელი აღზრდის დაწესებულებების დაფინანსების შესახებ ინფორმაცია"),
        ("LEG", "მერის ბრძანებების ასლების გამოთხოვა ({year} წლის I კვარტალი)"),
    )),
    *_group("incoming", "application", "person", 18, _SOC_SUMMARIES, (
        ("SOC", "სოციალური დახმარების გაცემის თხოვნა"),
        ("SOC", "მკურნალობის ხარჯების ნაწილობრივი დაფინანსების თხოვნა"),
        ("SOC", "ერთჯერადი მატერიალური დახმარების გაცემის თხოვნა"),
        ("SOC", "მრავალშვილიანი ოჯახისთვის ყოველთვიური დახმარების დანიშვნა"),
        ("SOC", "ახალშობილის შეძენასთან დაკავშირებით ერთჯერადი დახმარება"),
        ("SOC", "დაკრძალვის ხარჯების ანაზღაურების თხოვნა"),
        ("SOC", "სტიქიით დაზიანებული საცხოვრებელი სახლის სახურავის შეკეთებაში დახმარება"),
        ("SOC", "ზამთრის პერიოდისთვის შეშის შეძენაში დახმარება"),
        ("SOC", "უფასო სასადილოს მომსახურებაში ჩართვა"),
        ("SOC", "შშმ პირის ტრანსპორტირების ხარჯების ანაზღაურება"),
    ), confidential=0.06, control=0.02),
    *_group("incoming", "application", "person", 11, _ARC_SUMMARIES, (
        ("ARC", "მშენებლობის ნებართვის გაცემა — ინდივიდუალური საცხოვრებელი სახლი, {where}"),
        ("ARC", "მიწის ნაკვეთზე საკუთრების უფლების აღიარება, {where}"),
        ("ARC", "მიწის ნაკვეთის აზომვითი ნახაზის შეთანხმება"),
        ("ARC", "შენობის ფასადის რეკონსტრუქციის პროექტის შეთანხმება"),
        ("ARC", "უნებართვოდ აშენებული მიშენების დაკანონება"),
        ("ARC", "ღობის მოწყობის შეთანხმება {street} ქუჩაზე"),
        ("ARC", "მიწის ნაკვეთის ფუნქციური ზონის ცვლილება"),
        ("FIN", "მუნიციპალური მიწის ნაკვეთის იჯარით გადაცემის თხოვნა"),
    )),
    *_group("incoming", "application", "person", 12, _INF_SUMMARIES, (
        ("INF", "{at} შიდა სასოფლო გზის მოხრეშვის თხოვნა"),
        ("INF", "{at} გარე განათების მოწყობა"),
        ("INF", "{at} სასმელი წყლის სისტემის შეკეთება"),
        ("INF", "{at} სანიაღვრე არხის გაწმენდა"),
        ("INF", "{at} ბოგირის მოწყობა"),
        ("INF", "{at} ავარიული ხის მოჭრა"),
        ("INF", "{at} ნარჩენების ურნების დამატება"),
        ("INF", "{at} სიჩქარის შემზღუდველი ბარიერის მოწყობა"),
    ), control=0.03),
    *_group("incoming", "application", "person", 8, _GENERAL_SUMMARIES, (
        ("EDU", "სტუდენტის სწავლის საფასურის თანადაფინანსება"),
        ("EDU", "საბავშვო ბაღში ბავშვის ჩარიცხვა"),
        ("EDU", "სპორტული ტურნირის ჩატარების ხელშეწყობა"),
        ("EDU", "ფოლკლორული ანსამბლის საგასტროლო მოგზაურობის დაფინანსება"),
        ("ADM", "ცნობის გაცემა საცხოვრებელი ადგილის შესახებ"),
        ("ADM", "არქივიდან დოკუმენტის ასლის გაცემა"),
        ("ADM", "ვაკანტურ თანამდებობაზე კონკურსში მონაწილეობა"),
        ("ADM", "მერთან პირადი მიღების თხოვნა"),
        ("FIN", "იჯარის ქირის გადახდის განწილვადება"),
    )),
    *_group("incoming", "complaint", "person", 10, _COMPLAINT_SUMMARIES, (
        ("INF", "საჩივარი: {at} გარე განათება არ მუშაობს"),
        ("INF", "საჩივარი გზის საფარის დაზიანების თაობაზე, {where}"),
        ("INF", "საჩივარი სასმელი წყლის მიწოდების შეფერხებაზე, {where}"),
        ("INF", "საჩივარი ნარჩენების გაუტანლობის თაობაზე, {where}"),
        ("INF", "საჩივარი მაწანწალა ძაღლების შესახებ, {where}"),
        ("ARC", "საჩივარი მეზობლის მიერ უნებართვო მშენებლობის თაობაზე, {where}"),
        ("ARC", "საჩივარი ავარიული შენობის შესახებ, {where}"),
        ("SOC", "სოციალური დახმარების გაცემაზე უარის გასაჩივრება"),
        ("LEG", "ადმინისტრაციული სამართალდარღვევის ოქმის გასაჩივრება (პარკირება)"),
        ("LEG", "მერიის თანამშრომლის ქმედების გასაჩივრება"),
        ("ADM", "საჩივარი განცხადებაზე პასუხის დაგვიანების თაობაზე"),
    ), confidential=0.03, control=0.12),
    *_group("incoming", "letter", "ministry", 7, _LETTER_SUMMARIES, (
        ("FIN", "{next_year} წლის მუნიციპალური ბიუჯეტის პროექტის წარდგენის თაობაზე"),
        ("FIN", "ადგილობრივი თვითმმართველობებისთვის გამოყოფილი ტრანსფერების შესახებ"),
        ("INF", "რეგიონული პროექტების ფონდიდან დაფინანსების შესახებ"),
        ("INF", "სოფლის მხარდაჭერის პროგრამის ფარგლებში {year} წლის პროექტების წარდგენა"),
        ("INF", "ზამთრის პერიოდისთვის მზადყოფნის შესახებ ინფორმაციის მოთხოვნა"),
        ("SOC", "სოციალური პროგრამების შესრულების შესახებ ანგარიშის წარდგენა"),
        ("EDU", "საჯარო სკოლების სარემონტო სამუშაოების შესახებ"),
        ("ADM", "საჯარო ინფორმაციის წლიური ანგარიშის წარდგენის თაობაზე"),
    ), control=0.25),
    *_group("incoming", "letter", "agency", 6, _LETTER_SUMMARIES, (
        ("FIN", "შესაბამისობის აუდიტის ჩატარების შესახებ"),
        ("ADM", "საარჩევნო უბნების განთავსების შესახებ"),
        ("ADM", "სათათბიროს სხდომის ჩატარების შესახებ"),
        ("ARC", "მიწის ნაკვეთების რეგისტრაციის საკითხებზე"),
        ("SOC", "სოციალურად დაუცველი ოჯახების მონაცემთა განახლების შესახებ"),
        ("INF", "საავტომობილო გზის მოვლა-შენახვის სამუშაოების კოორდინაციის შესახებ"),
        ("LEG", "პერსონალურ მონაცემთა დამუშავების შემოწმების შესახებ"),
    ), control=0.2),
    *_group("incoming", "letter", "court", 2, _LETTER_SUMMARIES, (
        ("LEG", "სასამართლო სხდომაზე გამოძახების შესახებ"),
        ("LEG", "საქმის მასალების წარდგენის მოთხოვნა"),
        ("LEG", "ინფორმაციის მოთხოვნა მოქალაქის მიმართვასთან დაკავშირებით"),
    ), confidential=0.3, control=0.4),
    *_group("incoming", "letter", "school", 4, _LETTER_SUMMARIES, (
        ("EDU", "სკოლის სპორტული დარბაზის სახურავის შეკეთების თხოვნა"),
        ("EDU", "სკოლის ეზოს კეთილმოწყობის თხოვნა"),
        ("EDU", "მოსწავლეთა ტრანსპორტირების ორგანიზების თხოვნა"),
        ("INF", "შენობის გათბობის სისტემის შეკეთების თხოვნა"),
        ("EDU", "კულტურული ღონისძიების ჩატარების ხელშეწყობა"),
    )),
    *_group("incoming", "letter", "llc", 4, _LETTER_SUMMARIES, (
        ("INF", "შესრულებული სამუშაოების მიღება-ჩაბარების აქტის წარდგენა"),
        ("FIN", "ხელშეკრულების ვადის გაგრძელების თხოვნა"),
        ("FIN", "საავანსო ანგარიშსწორების თაობაზე"),
        ("INF", "გარე განათების ქსელის მოვლის ყოველთვიური ანგარიში"),
        ("ARC", "კომერციული ობიექტის მშენებლობის ნებართვის მოთხოვნა, {where}"),
        ("ARC", "სავაჭრო ობიექტის განთავსების შეთანხმება {street} ქუჩაზე"),
    )),
    *_group("incoming", "letter", "municipality", 2, _LETTER_SUMMARIES, (
        ("EDU", "ერთობლივი კულტურული ღონისძიების ორგანიზების თაობაზე"),
        ("INF", "მუნიციპალიტეტთაშორისი გზის მოვლა-შენახვის შესახებ"),
        ("ADM", "გამოცდილების გაზიარების შეხვედრაზე მოწვევა"),
    )),
    *_group("incoming", "letter", "utility", 2, _LETTER_SUMMARIES, (
        ("INF", "{at} ელექტროენერგიის გეგმიური შეწყვეტის შესახებ"),
        ("INF", "წყალმომარაგების სისტემის სარეაბილიტაციო სამუშაოების შესახებ"),
        ("INF", "გაზიფიცირების პროექტის შეთანხმების თაობაზე, {where}"),
    )),
    *_group("incoming", "letter", "council", 2, _LETTER_SUMMARIES, (
        ("ADM", "საკრებულოს სხდომაზე მერის ანგარიშის მოსმენის შესახებ"),
        ("LEG", "საკრებულოს დადგენილების პროექტის შესახებ"),
        ("INF", "საკრებულოს წევრის მიმართვა: {at} გზის შეკეთება"),
    ), control=0.3),
    *_group("incoming", "letter", "ngo", 1, _LETTER_SUMMARIES, (
        ("ADM", "მრგვალი მაგიდის ორგანიზების შესახებ"),
        ("ADM", "ელექტრონული სერვისების ხელმისაწვდომობის კვლევის შედეგები"),
        ("LEG", "ანტიკორუფციული სტრატეგიის შემუშავებაში მონაწილეობის თაობაზე"),
    )),
    # --- outgoing -----------------------------------------------------------------------
    *_group("outgoing", "letter", "reply", 16, _REPLY_SUMMARIES, (
        ("SOC", "პასუხი განცხადებაზე: სოციალური დახმარების გაცემის შესახებ"),
        ("SOC", "პასუხი განცხადებაზე: მკურნალობის ხარჯების დაფინანსების შესახებ"),
        ("ARC", "პასუხი განცხადებაზე: მშენებლობის ნებართვის შესახებ"),
        ("ARC", "პასუხი განცხადებაზე: მიწის ნაკვეთზე საკუთრების უფლების აღიარების შესახებ"),
        ("INF", "პასუხი განცხადებაზე: {at} გზის შეკეთების შესახებ"),
        ("INF", "პასუხი საჩივარზე: {at} გარე განათების აღდგენის შესახებ"),
        ("ADM", "საჯარო ინფორმაციის მიწოდება"),
        ("FIN", "საჯარო ინფორმაციის მიწოდება: {prev_year} წლის ბიუჯეტის შესრულება"),
        ("ADM", "ადმინისტრაციული წარმოების ვადის გაგრძელების შესახებ"),
        ("LEG", "განცხადების ხარვეზის გამოსწორების შესახებ"),
        ("EDU", "პასუხი განცხადებაზე: სწავლის საფასურის თანადაფინანსების შესახებ"),
    )),
    *_group("outgoing", "letter", "ministry", 5, _LETTER_SUMMARIES, (
        ("FIN", "{next_year} წლის ბიუჯეტის პროექტის წარდგენა"),
        ("INF", "პროექტის დაფინანსების მოთხოვნა — {at} გზის რეაბილიტაცია"),
        ("SOC", "სოციალური პროგრამების შესრულების ანგარიში"),
        ("ADM", "მოთხოვნილი ინფორმაციის წარდგენის შესახებ"),
    )),
    *_group("outgoing", "letter", "agency", 3, _LETTER_SUMMARIES, (
        ("ADM", "საჯარო ინფორმაციის წლიური ანგარიში"),
        ("ARC", "მიწის ნაკვეთის რეგისტრაციის მოთხოვნა"),
        ("FIN", "აუდიტის რეკომენდაციების შესრულების შესახებ"),
    )),
    *_group("outgoing", "letter", "llc", 3, _LETTER_SUMMARIES, (
        ("INF", "ხელშეკრულების პირობების შესრულების მოთხოვნა"),
        ("INF", "სამუშაოების დაწყების შესახებ შეტყობინება, {where}"),
        ("FIN", "ანგარიშსწორების შესახებ"),
    )),
    *_group("outgoing", "letter", "school", 1, _LETTER_SUMMARIES, (
        ("EDU", "სამუშაო შეხვედრაზე მოწვევა"),
        ("EDU", "სკოლამდელი დაწესებულებების სარემონტო სამუშაოების გეგმა"),
    )),
    # --- internal -----------------------------------------------------------------------
    *_group("internal", "memo", "", 13, _MEMO_SUMMARIES, (
        ("ADM", "მოხსენებითი ბარათი ანაზღაურებადი შვებულების თაობაზე"),
        ("ADM", "მივლინების თაობაზე — ქ. თბილისი"),
        ("ADM", "სამსახურებრივი ავტომობილის საწვავის ლიმიტის გაზრდა"),
        ("ADM", "კომპიუტერული ტექნიკის შეძენის საჭიროების შესახებ"),
        ("FIN", "{prev_year} წლის ინვენტარიზაციის შედეგები"),
        ("ADM", "ზეგანაკვეთური სამუშაოს ანაზღაურების თაობაზე"),
        ("ADM", "თანამშრომლის ტრენინგში მონაწილეობის შესახებ"),
        ("INF", "{at} ჩატარებული მონიტორინგის შედეგები"),
        ("INF", "სტიქიის შედეგად დაზიანებული ობიექტების შესახებ ინფორმაცია"),
        ("FIN", "ბიუჯეტის ცვლილების პროექტზე მოსაზრებები"),
        ("LEG", "ხელშეკრულების პროექტის სამართლებრივი ექსპერტიზა"),
        ("SOC", "სოციალური პროგრამის ბენეფიციართა სიის განახლება"),
        ("EDU", "სპორტული ღონისძიებების {year} წლის გეგმა"),
    ), confidential=0.01, control=0.02),
)
# fmt: on

_KIND_SHARE = (("incoming", 0.60), ("outgoing", 0.27), ("internal", 0.13))
_PERSON_CHANNELS = (("in_person", 45), ("portal", 25), ("email", 15), ("post", 15))
_ORG_CHANNELS = (("email", 50), ("post", 25), ("courier", 10), ("portal", 10), ("fax", 5))
_OUT_CHANNELS = (("post", 40), ("email", 40), ("in_person", 15), ("courier", 5))
_FOI_SENDERS = (("person", 65), ("ngo", 20), ("media", 15))


def _fields(template: str) -> tuple[str, ...]:
    return tuple(name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name)


_TEMPLATE_FIELDS: dict[str, tuple[str, ...]] = {
    t: _fields(t) for topic in _TOPICS for t in (topic.subject, *topic.summaries)
}


# --- Reference data read once -----------------------------------------------------------


@dataclass(frozen=True)
class _TypeInfo:
    id: int
    rule: DeadlineRule


@dataclass
class _Refs:
    calendar: WorkCalendar
    departments: dict[str, int]  # code -> id
    dept_codes: dict[int, str]  # id -> code
    types: dict[str, _TypeInfo]
    templates: dict[tuple[str, int | None], tuple[str, str]]  # (kind, dept) -> pattern, scope
    heads: dict[int, int]  # department id -> head user id
    executors: dict[int, list[int]]  # department id -> executor user ids
    all_executors: list[int]
    registrars: list[int]
    orgs: dict[str, list[int]]  # category -> correspondent ids (most active first)

    def template(self, kind: str, dept_id: int | None) -> tuple[str, str]:
        found = self.templates.get((kind, dept_id)) or self.templates.get((kind, None))
        if found is None:
            raise ValidationError("number.template_missing", field="kind", kind=kind)
        return found


def _org_code(name: str, taken: set[str]) -> str:
    """A stable 9-digit code per organisation name (the same in every run)."""
    n = 200_000_000 + zlib.crc32(name.encode("utf-8")) % 700_000_000
    while str(n) in taken:
        n += 1
    taken.add(str(n))
    return str(n)


def _ensure_users(
    s: Session, refs_departments: dict[str, int], now: dt.datetime, password_hash: str
) -> None:
    """Heads, executors and registrars for the demo; existing logins are kept as they are.

    Every demo user gets *password_hash* (the demo password, hashed once), which logs in
    only while the database is marked as a demo database (app.users.DEMO_SETTING). An
    administrator without a password is left without one: the first start asks him.
    """
    names = random.Random(20_240_301)  # the same staff whatever the seed
    wanted: list[dict[str, Any]] = []
    for i in range(1, _REGISTRARS + 1):
        first = names.choice(FEMALE)
        wanted.append(
            {
                "login": f"demo.registrar.{i}",
                "full_name": f"{first} {names.choice(SURNAMES)}",
                "role": "registrar",
                "department_id": refs_departments.get("ADM"),
            }
        )
    for code, n in _STAFF.items():
        dept_id = refs_departments.get(code)
        if dept_id is None:
            continue
        for i in range(n + 1):
            first = names.choice(MALE if names.random() < 0.5 else FEMALE)
            wanted.append(
                {
                    "login": f"demo.{code.lower()}.{'head' if i == 0 else i}",
                    "full_name": f"{first} {names.choice(SURNAMES)}",
                    "role": "head" if i == 0 else "executor",
                    "department_id": dept_id,
                }
            )
    known = set(s.scalars(select(User.login).where(User.login.like("demo.%"))))
    fresh = [
        {**w, "password_hash": password_hash, "email": "", "active": True, "created_at": now}
        for w in wanted
        if w["login"] not in known
    ]
    if fresh:
        s.execute(insert(_USERS), fresh)
    s.execute(
        update(_USERS)
        .where(_USERS.c.login.like("demo.%"), _USERS.c.password_hash == "")
        .values(password_hash=password_hash)
    )


def _load_refs(
    s: Session, rng: random.Random, count: int, now: dt.datetime, password_hash: str
) -> _Refs:
    departments = {
        code: int(i)
        for code, i in s.execute(select(Department.code, Department.id).where(Department.active))
    }
    _ensure_users(s, departments, now, password_hash)
    heads: dict[int, int] = {}
    executors: dict[int, list[int]] = {}
    registrars: list[int] = []
    for uid, role, dept_id in s.execute(
        select(User.id, User.role, User.department_id)
        .where(User.login.like("demo.%"), User.active)
        .order_by(User.id)
    ):
        if role == "registrar":
            registrars.append(int(uid))
        elif role == "head" and dept_id is not None:
            heads[int(dept_id)] = int(uid)
        elif role == "executor" and dept_id is not None:
            executors.setdefault(int(dept_id), []).append(int(uid))
    if not registrars:  # the demo registrars were deactivated: the administrator registers
        admin = s.scalar(select(User.id).where(User.role == "admin").order_by(User.id).limit(1))
        registrars = [int(admin)] if admin is not None else []
    types = {
        code: _TypeInfo(int(i), DeadlineRule(n, unit, shift, ref))
        for code, i, n, unit, shift, ref in s.execute(
            select(
                DocumentType.code,
                DocumentType.id,
                DocumentType.deadline_count,
                DocumentType.deadline_unit,
                DocumentType.nonworking_shift,
                DocumentType.legal_ref,
            ).where(DocumentType.active)
        )
    }
    templates = {
        (kind, None if dept is None else int(dept)): (pattern, scope)
        for kind, dept, pattern, scope in s.execute(
            select(
                NumberTemplate.kind,
                NumberTemplate.department_id,
                NumberTemplate.pattern,
                NumberTemplate.counter_scope,
            )
        )
    }
    return _Refs(
        calendar=load_calendar(s),
        departments=departments,
        dept_codes={i: c for c, i in departments.items()},
        types=types,
        templates=templates,
        heads=heads,
        executors=executors,
        all_executors=[u for ids in executors.values() for u in ids],
        registrars=registrars,
        orgs=_ensure_organisations(s, rng, count, now),
    )


def _ensure_organisations(
    s: Session, rng: random.Random, count: int, now: dt.datetime
) -> dict[str, list[int]]:
    """The organisations that write to the office, found by code or created once."""
    taken: set[str] = set()
    wanted: list[tuple[str, str, str]] = []  # category, name, code
    for category, names in _GOVERNMENT.items():
        for name in names:
            wanted.append((category, name, _org_code(name, taken)))
    n_llc = min(len(_LLC_FIRST) * len(_LLC_SECOND), 12 + count // 800)
    pairs = [(a, b) for a in _LLC_FIRST for b in _LLC_SECOND]
    for a, b in rng.sample(pairs, n_llc):
        name = f"შპს „{a} {b}“"
        wanted.append(("llc", name, _org_code(name, taken)))
    codes = [code for _c, _n, code in wanted]
    found: dict[str, int] = {}
    for i in range(0, len(codes), 500):
        for cid, code in s.execute(
            select(Correspondent.id, Correspondent.org_code)
            .where(Correspondent.org_code.in_(codes[i : i + 500]))
            .order_by(Correspondent.id)
        ):
            found.setdefault(str(code), int(cid))
    fresh = [(c, n, code) for c, n, code in wanted if code not in found]
    if fresh:
        rows: list[dict[str, Any]] = []
        for category, name, code in fresh:
            local = category in ("school", "council", "llc", "ngo", "media")
            rows.append(
                {
                    "kind": "organisation",
                    "name": name,
                    "name_skeleton": skeleton(name)[:NAME_MAX],
                    "personal_id": None,
                    "org_code": code,
                    "address": "ქ. ლანჩხუთი" if local else "ქ. თბილისი",
                    "phone": "",
                    "email": "",
                    "created_at": now,
                    "updated_at": now,
                    "version": 1,
                }
            )
        ids = _insert_returning_ids(s, _CORRS, rows)
        found.update({code: cid for (_c, _n, code), cid in zip(fresh, ids, strict=True)})
        _after_correspondents(s, [(cid, str(r["name"])) for cid, r in zip(ids, rows, strict=True)])
    orgs: dict[str, list[int]] = {}
    for category, _name, code in wanted:
        orgs.setdefault(category, []).append(found[code])
    return orgs


def _insert_returning_ids(s: Session, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """INSERT many rows; their new ids in the order of *rows*.

    Batched multi-row INSERT … RETURNING. On SQLite the ids of one statement are
    consecutive rowids in VALUES order under the write lock this transaction holds, so
    sorting them restores the order (asking SQLAlchemy to sort would send one row per
    statement there); elsewhere the dialect correlates them.
    """
    conn = s.connection()
    if conn.dialect.name == "sqlite":
        result = conn.execute(insert(table).returning(table.c.id), rows)
        return sorted(int(r[0]) for r in result)
    result = conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
    return [int(r[0]) for r in result]


# --- The generator ----------------------------------------------------------------------


@dataclass(slots=True)
class _Doc:
    kind: str
    topic: _Topic
    type_id: int
    dept_id: int | None
    reg_date: dt.date
    created_at: dt.datetime
    corr: int  # index into the correspondent pool; -1 for none
    subject: str
    summary: str
    sender_number: str
    sender_date: dt.date | None
    channel: str
    sheets: int
    confidential: bool
    status: str
    due: dt.date | None
    closed: dt.date | None
    executor_id: int | None
    under_control: bool
    created_by: int | None
    updated_by: int | None
    updated_at: dt.datetime


def _weighted(pairs: tuple[tuple[str, int], ...]) -> tuple[list[str], list[int]]:
    values = [v for v, _w in pairs]
    cum: list[int] = []
    total = 0
    for _v, w in pairs:
        total += w
        cum.append(total)
    return values, cum


class _Generator:
    def __init__(
        self, refs: _Refs, rng: random.Random, today: dt.date, now: dt.datetime, count: int
    ) -> None:
        self.refs = refs
        self.rng = rng
        self.today = today
        self.now = now
        self.count = count
        self.due_cache: dict[tuple[int, dt.date], dt.date | None] = {}
        self.skeletons: dict[str, str] = {}
        # The correspondent pool: ids (0 until the person's row is inserted).
        self.pool = array("q")
        self.persons = array("q")  # pool indices of citizens, in order of first letter
        self.org_pool: dict[str, tuple[list[int], list[float]]] = {}
        for category, ids in refs.orgs.items():
            indices: list[int] = []
            cum: list[float] = []
            total = 0.0
            for rank, cid in enumerate(ids):
                indices.append(len(self.pool))
                self.pool.append(cid)
                total += 1.0 / (rank + 1) ** 0.7  # a few write much more than the rest
                cum.append(total)
            self.org_pool[category] = (indices, cum)
        self.new_people: list[tuple[int, dict[str, Any]]] = []  # awaiting insertion
        self.person_serial = 0
        self.pid_offset = rng.randrange(1_000_000_000)  # where the personal numbers start
        available = [t for t in _TOPICS if t.doc_type in refs.types]
        self.topics: dict[str, tuple[list[_Topic], list[float]]] = {}
        for kind, _share in _KIND_SHARE:
            of_kind = [t for t in available if t.kind == kind]
            if not of_kind:
                continue
            cum_w: list[float] = []
            acc = 0.0
            for t in of_kind:
                acc += t.weight
                cum_w.append(acc)
            self.topics[kind] = (of_kind, cum_w)
        if not self.topics:
            raise ValidationError(
                "doc_type.unknown", field="doc_type", got="foi", allowed=", ".join(refs.types)
            )
        kinds = [(k, share) for k, share in _KIND_SHARE if k in self.topics]
        self.kinds = [k for k, _s in kinds]
        self.kind_cum: list[float] = []
        acc = 0.0
        for _k, share in kinds:
            acc += share
            self.kind_cum.append(acc)
        self.person_channels = _weighted(_PERSON_CHANNELS)
        self.org_channels = _weighted(_ORG_CHANNELS)
        self.out_channels = _weighted(_OUT_CHANNELS)
        self.foi_senders = _weighted(_FOI_SENDERS)

    # -- the calendar of the registry --------------------------------------------------

    def day_plan(self) -> list[tuple[dt.date, int]]:
        """How many documents each working day gets: seasons, weekdays, a slow rise."""
        start = add_months(self.today, -12 * YEARS) + dt.timedelta(days=1)
        cal = self.refs.calendar
        local_now = self.now + _TBILISI_OFFSET
        days: list[dt.date] = []
        d = start
        while d <= self.today:
            if cal.is_working(d):
                days.append(d)
            d += dt.timedelta(days=1)
        if not days:  # a calendar without working days: spread over every day
            days = [start + dt.timedelta(days=i) for i in range((self.today - start).days + 1)]
        season = (0.8, 0.95, 1.05, 1.0, 1.0, 1.0, 0.9, 0.7, 1.05, 1.1, 1.1, 1.15)
        weekday = (1.2, 1.05, 1.0, 1.0, 0.85, 0.4, 0.3)
        span = max(1, (self.today - start).days)
        weights: list[float] = []
        for day in days:
            w = season[day.month - 1] * weekday[day.weekday()]
            w *= 0.85 + 0.3 * (day - start).days / span
            w *= self.rng.uniform(0.8, 1.2)
            if day == self.today:  # only the hours of today already past
                w *= max(0.0, min(1.0, (local_now.hour - 9) / 9)) if local_now.date() == day else 0
            weights.append(w)
        total = sum(weights) or 1.0
        plan: list[tuple[dt.date, int]] = []
        acc = 0.0
        given = 0
        for day, w in zip(days, weights, strict=True):
            acc += w
            upto = round(self.count * acc / total)
            if upto > given:
                plan.append((day, upto - given))
                given = upto
        if given < self.count:  # rounding (or today weighing 0): the rest on the last day
            plan.append((days[-1], self.count - given))
        return plan

    # -- people ------------------------------------------------------------------------

    def _new_person(self, at: dt.datetime) -> int:
        rng = self.rng
        female = rng.random() < 0.52
        first = rng.choice(FEMALE if female else MALE)
        name = f"{first} {rng.choice(SURNAMES)}"
        serial = self.person_serial
        self.person_serial += 1
        personal_id = None
        if rng.random() < 0.65:
            # Unique without a lookup: an affine bijection of the serial modulo 10**9.
            tail = (serial * 387_420_489 + self.pid_offset) % 1_000_000_000
            personal_id = f"{rng.choice(('33', '33', '33', '01', '60', '35'))}{tail:09d}"
        if rng.random() < 0.35:
            street = rng.choice(STREETS)
            address = f"ქ. ლანჩხუთი, {street} ქ. N {rng.randint(1, 140)}"
        else:
            address = f"ლანჩხუთის მუნიციპალიტეტი, სოფ. {rng.choice(VILLAGES)[0]}"
        phone = ""
        if rng.random() < 0.8:
            phone = (
                f"+995 5{rng.choice('5789')}{rng.randint(0, 9)} {rng.randint(0, 999):03d} "
                f"{rng.randint(0, 999):03d}"
            )
        skel = self.skeletons.get(name)
        if skel is None:
            skel = self.skeletons[name] = skeleton(name)[:NAME_MAX]
        email = ""
        if rng.random() < 0.25:
            email = f"{skel.replace(' ', '.')}{rng.randint(1, 99)}@gmail.com"
        index = len(self.pool)
        self.pool.append(0)
        self.persons.append(index)
        self.new_people.append(
            (
                index,
                {
                    "kind": "person",
                    "name": name,
                    "name_skeleton": skel,
                    "personal_id": personal_id,
                    "org_code": None,
                    "address": address,
                    "phone": phone,
                    "email": email,
                    "created_at": at,
                    "updated_at": at,
                    "version": 1,
                },
            )
        )
        return index

    def _person(self, at: dt.datetime, repeat: float) -> int:
        """A citizen: one who wrote before (often recently) or a new one."""
        rng = self.rng
        n = len(self.persons)
        if n and rng.random() < repeat:
            if rng.random() < 0.5:
                return self.persons[rng.randrange(n)]
            return self.persons[n - 1 - rng.randrange(min(n, 3000))]
        return self._new_person(at)

    def _org(self, category: str) -> int:
        indices, cum = self.org_pool.get(category) or self.org_pool["ministry"]
        return self.rng.choices(indices, cum_weights=cum)[0]

    # -- one document ------------------------------------------------------------------

    def _fill(self, template: str, year: int, subject: str, place: list[str]) -> str:
        fields = _TEMPLATE_FIELDS[template]
        if not fields:
            return template
        rng = self.rng
        values: dict[str, object] = {}
        for f in fields:
            if f in ("at", "where"):
                if not place:
                    if rng.random() < 0.6:
                        nom, loc, _gen = rng.choice(VILLAGES)
                        place.extend((f"სოფ. {loc}", f"სოფ. {nom}"))
                    else:
                        street = rng.choice(STREETS)
                        place.extend((f"ლანჩხუთში, {street} ქუჩაზე", f"ქ. ლანჩხუთი, {street} ქ."))
                values[f] = place[0] if f == "at" else place[1]
            elif f == "street":
                values[f] = rng.choice(STREETS)
            elif f == "year":
                values[f] = year
            elif f == "prev_year":
                values[f] = year - 1
            elif f == "next_year":
                values[f] = year + 1
            elif f == "s":
                values[f] = subject
            elif f == "k":
                values[f] = rng.randint(2, 40)
            elif f == "score":
                values[f] = rng.randint(30_000, 99_000)
            elif f == "cad":
                values[f] = (
                    f"27.{rng.randint(1, 30):02d}.{rng.randint(1, 99):02d}."
                    f"{rng.randint(1, 999):03d}"
                )
            elif f == "area":
                values[f] = rng.randint(120, 2500)
            elif f == "days":
                values[f] = rng.choice((3, 5, 10))
        return template.format_map(values)

    def _due(self, type_code: str, day: dt.date) -> dt.date | None:
        info = self.refs.types[type_code]
        key = (info.id, day)
        if key not in self.due_cache:
            self.due_cache[key] = compute_due(day, info.rule, self.refs.calendar).due
        return self.due_cache[key]

    def _executor(self, dept_id: int | None) -> int | None:
        """Mostly one of the department's executors, sometimes its head."""
        rng = self.rng
        if dept_id is not None and dept_id in self.refs.heads and rng.random() < 0.15:
            return self.refs.heads[dept_id]
        pool = (self.refs.executors.get(dept_id) if dept_id is not None else None) or (
            self.refs.all_executors
        )
        return rng.choice(pool) if pool else None

    def _stamp(self, day: dt.date, hour: float) -> dt.datetime:
        """*day* at local *hour* (Tbilisi) as naive UTC, never after now."""
        at = dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=hour) - _TBILISI_OFFSET
        return min(at, self.now)

    def day(self, day: dt.date, n: int) -> list[_Doc]:
        """The day's *n* documents in the order they were registered (office hours)."""
        rng = self.rng
        last = 18.0
        if day == self.today:  # only the hours already past
            local_now = self.now + _TBILISI_OFFSET
            last = max(9.0, min(last, local_now.hour + local_now.minute / 60))
        hours = sorted(rng.uniform(9.0, last) for _ in range(n))
        return [self._document(day, h) for h in hours]

    def _document(self, day: dt.date, hour: float) -> _Doc:
        rng = self.rng
        refs = self.refs
        kind = self.kinds[_pick(self.kind_cum, rng.random() * self.kind_cum[-1])]
        topics, cum = self.topics[kind]
        topic = topics[_pick(cum, rng.random() * cum[-1])]
        created = self._stamp(day, hour)  # to the microsecond, in registration order
        dept_id = refs.departments.get(topic.dept)
        place: list[str] = []
        subject = self._fill(topic.subject, day.year, "", place)
        summary = self._fill(rng.choice(topic.summaries), day.year, subject, place)

        # the correspondent and the channel
        corr = -1
        sender_number = ""
        sender_date: dt.date | None = None
        sender = topic.sender
        if sender == "foi":
            values, cw = self.foi_senders
            sender = rng.choices(values, cum_weights=cw)[0]
        if kind == "incoming":
            if sender == "person":
                corr = self._person(created, repeat=0.4)
                values, cw = self.person_channels
            else:
                corr = self._org(sender)
                values, cw = self.org_channels
                sender_number = f"{rng.randint(1, 99):02d}/{rng.randint(100, 99_999)}"
                sender_date = day - dt.timedelta(days=rng.choice((0, 1, 1, 2, 3, 5, 7)))
            channel = rng.choices(values, cum_weights=cw)[0]
        elif kind == "outgoing":
            corr = self._person(created, repeat=0.97) if sender == "reply" else self._org(sender)
            values, cw = self.out_channels
            channel = rng.choices(values, cum_weights=cw)[0]
        else:
            channel = "internal"

        due = self._due(topic.doc_type, day)
        registrar = rng.choice(refs.registrars) if refs.registrars else None
        status, closed, executor = self._fate(kind, topic, day, due, dept_id)
        if status == "registered" and kind == "incoming" and rng.random() < 0.5:
            dept_id = None  # not routed yet
        updated_at = created
        updated_by = registrar
        if closed is not None:
            updated_at = max(created, self._stamp(closed, rng.uniform(10.0, 18.0)))
            updated_by = executor or registrar
        elif executor is not None:
            updated_by = refs.heads.get(dept_id or -1, registrar)
        return _Doc(
            kind=kind,
            topic=topic,
            type_id=refs.types[topic.doc_type].id,
            dept_id=dept_id,
            reg_date=day,
            created_at=created,
            corr=corr,
            subject=subject,
            summary=summary,
            sender_number=sender_number,
            sender_date=sender_date,
            channel=channel,
            sheets=min(60, 1 + int(rng.expovariate(0.6))),
            confidential=rng.random() < topic.confidential,
            status=status,
            due=due,
            closed=closed,
            executor_id=executor,
            under_control=kind != "outgoing" and rng.random() < topic.control,
            created_by=registrar,
            updated_by=updated_by,
            updated_at=updated_at,
        )

    def _fate(
        self, kind: str, topic: _Topic, day: dt.date, due: dt.date | None, dept_id: int | None
    ) -> tuple[str, dt.date | None, int | None]:
        """Status, closing day and executor, consistent with the dates and today."""
        rng = self.rng
        today = self.today
        age = (today - day).days
        executor = self._executor(dept_id)
        if kind == "outgoing":  # sent the day it was registered
            return "closed", day, executor
        if kind == "incoming" and rng.random() < 0.004:
            return "cancelled", None, None
        forgotten = rng.random() < (0.08 if age <= 365 else 0.01)
        if forgotten and age > 2:  # left open: overdue once its due date has passed
            return ("in_progress" if rng.random() < 0.7 else "assigned"), None, executor
        if due is None:
            answer = day + dt.timedelta(days=rng.randint(1, 25))
        elif rng.random() < 0.91:  # on time, mostly in the second half of the term
            span = max(0, (due - day).days)
            answer = day + dt.timedelta(days=round(rng.triangular(0, span, span * 0.75)))
        else:
            answer = due + dt.timedelta(days=rng.randint(1, 30))
        answer = self.refs.calendar.nearest_working(answer, 1) or answer
        if answer <= today:
            forwardable = kind == "incoming" and topic.doc_type in ("foi", "application")
            if forwardable and rng.random() < 0.04:  # sent on to the competent body
                return "forwarded", answer, executor
            closed_share = 0.7 if (today - answer).days > 60 else 0.2
            return ("closed" if rng.random() < closed_share else "answered"), answer, executor
        if age <= 1 and rng.random() < 0.7:
            return "registered", None, None
        if age <= 5:
            return "assigned", None, executor
        return ("in_progress" if rng.random() < 0.7 else "assigned"), None, executor


def _pick(cum: list[float], x: float) -> int:
    lo, hi = 0, len(cum) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


# --- Writing ----------------------------------------------------------------------------


def counter_advance(scope: str, year: int, k: int) -> Update:
    """``UPDATE number_counters SET last_value = last_value + k … RETURNING last_value``
    (``OUTPUT inserted.last_value`` on MS SQL): :func:`app.numbering.counter_update` by *k*."""
    return (
        update(_COUNTERS)
        .where(_COUNTERS.c.scope == scope, _COUNTERS.c.year == year)
        .values(last_value=_COUNTERS.c.last_value + k)
        .returning(_COUNTERS.c.last_value)
    )


def _reserve(s: Session, scope: str, year: int, k: int) -> int:
    """Take *k* numbers of (*scope*, *year*) at once; returns the first.

    One atomic statement, as :func:`app.numbering.next_seq` takes one number: it holds
    the counter row's lock until commit, so a concurrent registration waits and
    continues after this chunk, and a rollback gives the numbers back.
    """
    stmt = counter_advance(scope, year, k)
    last = s.execute(stmt).scalar_one_or_none()
    if last is None:
        try:
            with s.begin_nested():
                s.execute(insert(_COUNTERS).values(scope=scope, year=year, last_value=k))
            return 1
        except IntegrityError:  # a registration created the row meanwhile
            last = s.execute(stmt).scalar_one()
    return int(last) - k + 1


def _write_chunk(s: Session, gen: _Generator, docs: list[_Doc]) -> None:
    refs = gen.refs
    if gen.new_people:
        people = [r for _i, r in gen.new_people]
        new_ids = _insert_returning_ids(s, _CORRS, people)
        for (index, _r), cid in zip(gen.new_people, new_ids, strict=True):
            gen.pool[index] = cid
        _after_correspondents(
            s, [(cid, str(r["name"])) for cid, r in zip(new_ids, people, strict=True)]
        )
        gen.new_people = []

    # numbers: one reservation per counter scope and year, then in registration order
    plans: list[tuple[str, str, int]] = []  # pattern, scope, year per document
    wanted: dict[tuple[str, int], int] = {}
    for d in docs:
        pattern, scope = refs.template(d.kind, d.dept_id)
        key = (scope, d.reg_date.year)
        wanted[key] = wanted.get(key, 0) + 1
        plans.append((pattern, scope, d.reg_date.year))
    nxt = {key: _reserve(s, key[0], key[1], k) for key, k in sorted(wanted.items())}

    rows: list[dict[str, Any]] = []
    numbers: list[str] = []
    for d, (pattern, scope, year) in zip(docs, plans, strict=True):
        seq = nxt[(scope, year)]
        nxt[(scope, year)] = seq + 1
        dept_code = refs.dept_codes.get(d.dept_id, "") if d.dept_id is not None else ""
        number = numbering.render(pattern, numbering.NumberParts(seq, year, dept_code, d.kind))
        numbers.append(number)
        rows.append(
            {
                "kind": d.kind,
                "reg_number": number,
                "seq": seq,
                "seq_year": year,
                "counter_scope": scope,
                "reg_date": d.reg_date,
                "sender_number": d.sender_number,
                "sender_date": d.sender_date,
                "correspondent_id": gen.pool[d.corr] if d.corr >= 0 else None,
                "doc_type_id": d.type_id,
                "channel": d.channel,
                "subject": d.subject,
                "summary": d.summary,
                "sheets": d.sheets,
                "confidential": d.confidential,
                "status": d.status,
                "due_date": d.due,
                "statutory_due_date": d.due,
                "department_id": d.dept_id,
                "executor_id": d.executor_id,
                "under_control": d.under_control,
                "closed_date": d.closed,
                "created_by": d.created_by,
                "created_at": d.created_at,
                "updated_by": d.updated_by,
                "updated_at": d.updated_at,
                "version": 1,
            }
        )
    ids = _insert_returning_ids(s, _DOCS, rows)
    parts = [
        {
            "document_id": doc_id,
            "user_id": d.executor_id,
            "role": "main",
            "instruction": "",
            "due_date": d.due,
            "assigned_by": refs.heads.get(d.dept_id or -1, d.created_by),
            "assigned_at": d.created_at,
            "state": _PART_STATE[d.status],
            "note": "",
        }
        for doc_id, d in zip(ids, docs, strict=True)
        if d.executor_id is not None and d.status in _PART_STATE
    ]
    if parts:
        s.execute(insert(_ASSIGNMENTS), parts)
    _after_chunk(
        s,
        [
            (doc_id, number, r["subject"], r["summary"], r["correspondent_id"])
            for doc_id, number, r in zip(ids, numbers, rows, strict=True)
        ],
    )


def _claim_for_demo(s: Session) -> None:
    """Mark the database as a demo database — only one without documents, or one the demo
    filled before: demo data never mixes into a real registry, and the demo accounts'
    known password logs in only where there is nothing real to see."""
    if is_demo_database(s):
        return
    if s.scalar(select(Document.id).limit(1)) is not None:
        raise UserError("demo.not_empty")
    found = s.scalar(select(Setting).where(Setting.name == DEMO_SETTING))
    if found is None:
        s.add(Setting(name=DEMO_SETTING, content="yes"))
    else:
        found.content = "yes"
    s.flush()


def generate(
    db: Database,
    count: int,
    seed: int = 1,
    *,
    clock: Clock | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    chunk: int = CHUNK,
) -> int:
    """Add *count* demo documents registered over the last three years up to today.

    Only into a database without documents, which it marks as a demo database, or one it
    marked before (else ``UserError("demo.not_empty")``). Deterministic for a given *seed*
    and clock. *progress* gets (documents written,
    count) after each chunk; *should_stop* is asked before each chunk, and an early stop
    (or an exception from *progress*) keeps the chunks already written, with their
    counters. Returns the number of documents written.
    """
    if count <= 0:
        return 0
    clock = clock or SystemClock()
    today = clock.today()
    now = clock.now_utc()
    rng = random.Random(seed)
    password_hash = demo_password_hash()  # argon2 is slow: once, before the transaction
    with db.write() as s:
        _claim_for_demo(s)
        # the office calendar for every registration day (YEARS back) and every due date
        # the types' rules reach from today, as registration ensures it
        ensure_years(s, today.year - YEARS - 1, today.year, now=now)
        refs = _load_refs(s, rng, count, now, password_hash)
        for info in refs.types.values():
            due_counted(s, today, info.rule, now=now, user_id=None)
        refs.calendar = load_calendar(s)
    gen = _Generator(refs, rng, today, now, count)
    done = 0
    buffer: list[_Doc] = []

    def flush() -> bool:
        nonlocal done, buffer
        if should_stop is not None and should_stop():
            return False
        with db.write() as s:
            _write_chunk(s, gen, buffer)
        done += len(buffer)
        buffer = []
        if progress is not None:
            progress(done, count)
        return True

    stopped = False
    for day, n in gen.day_plan():
        buffer.extend(gen.day(day, n))
        if len(buffer) >= chunk and not flush():
            stopped = True
            break
    if buffer and not stopped:
        flush()
    if done:
        with db.write() as s:
            record(
                s,
                at=clock.now_utc(),
                user_id=None,
                action="demo",
                entity="document",
                entity_id=None,
                changes=[Change("documents", "", f"{done} (seed {seed})")],
            )
    return done
