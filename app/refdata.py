"""Reference data every office starts with (an administrator edits it later)."""

from __future__ import annotations

from dataclasses import dataclass

DEPARTMENTS: tuple[tuple[str, str, str], ...] = (
    ("ADM", "ადმინისტრაციული სამსახური", "Administrative Service"),
    ("FIN", "საფინანსო-საბიუჯეტო სამსახური", "Finance and Budget Service"),
    ("INF", "ინფრასტრუქტურის სამსახური", "Infrastructure Service"),
    ("SOC", "სოციალური სამსახური", "Social Service"),
    ("LEG", "იურიდიული სამსახური", "Legal Service"),
    ("ARC", "არქიტექტურისა და ზედამხედველობის სამსახური", "Architecture and Supervision"),
    ("EDU", "განათლების, კულტურისა და სპორტის სამსახური", "Education, Culture and Sport"),
)


@dataclass(frozen=True)
class TypeDefault:
    code: str
    name: str
    name_en: str
    count: int
    unit: str
    shift: str
    legal_ref: str
    max_extension_days: int


DOCUMENT_TYPES: tuple[TypeDefault, ...] = (
    TypeDefault("foi", "საჯარო ინფორმაციის გამოთხოვა", "Public-information request",
                10, "calendar_days", "next", "სზაკ, მუხ. 40", 10),
    TypeDefault("application", "განცხადება", "Application",
                1, "months", "next", "სზაკ", 30),
    TypeDefault("complaint", "ადმინისტრაციული საჩივარი", "Administrative complaint",
                1, "months", "next", "სზაკ", 30),
    TypeDefault("letter", "წერილი", "Letter",
                1, "months", "next", "სზაკ", 30),
    TypeDefault("memo", "მოხსენებითი ბარათი", "Internal memo",
                0, "none", "next", "", 0),
)  # fmt: skip

# {kind} renders as შ / გ / შდ (incoming / outgoing / internal).
NUMBER_TEMPLATES: dict[str, str] = {
    "incoming": "{kind}-{seq}/{yyyy}",
    "outgoing": "{kind}-{seq}/{yyyy}",
    "internal": "{kind}-{seq}/{yyyy}",
}

OFFICE_SETTINGS: dict[str, str] = {
    "office.name": "ლანჩხუთის მუნიციპალიტეტის მერია",
    "office.address": "ლანჩხუთი, ჟორდანიას ქ. N 72",
    "office.phone": "+995 494 22 22 22",
    "office.email": "info@lanchkhuti.gov.ge",
    # Attachments and the office's outgoing mail server (app.attachments, app.mail).
    "attachments.max_mb": "20",
    "smtp.host": "",
    "smtp.port": "25",
    "smtp.user": "",
    "smtp.starttls": "no",
    "smtp.from": "",
    "office.signer_title": "მერი",
    "office.signer_name": "",
}

KIND_NAMES: dict[str, tuple[str, str]] = {
    "incoming": ("შემოსული", "Incoming"),
    "outgoing": ("გასული", "Outgoing"),
    "internal": ("შიდა", "Internal"),
}

CHANNEL_NAMES: dict[str, tuple[str, str]] = {
    "post": ("ფოსტა", "Post"),
    "in_person": ("პირადად", "In person"),
    "email": ("ელ. ფოსტა", "E-mail"),
    "portal": ("ვებ-პორტალი", "Web portal"),
    "fax": ("ფაქსი", "Fax"),
    "courier": ("კურიერი", "Courier"),
    "internal": ("შიდა", "Internal"),
}

STATUS_NAMES: dict[str, tuple[str, str]] = {
    "registered": ("რეგისტრირებული", "Registered"),
    "assigned": ("განაწილებული", "Assigned"),
    "in_progress": ("შესრულების პროცესში", "In progress"),
    "awaiting_clarification": ("ელოდება დაზუსტებას", "Awaiting clarification"),
    "answered": ("პასუხგაცემული", "Answered"),
    "forwarded": ("გადაგზავნილი", "Forwarded"),
    "closed": ("დახურული", "Closed"),
    "cancelled": ("გაუქმებული", "Cancelled"),
}

OUTCOME_NAMES: dict[str, tuple[str, str]] = {
    "granted": ("დაკმაყოფილდა", "Granted"),
    "partly_granted": ("დაკმაყოფილდა ნაწილობრივ", "Partly granted"),
    "refused": ("უარი ეთქვა", "Refused"),
    "forwarded": ("გადაეგზავნა სხვა ორგანოს", "Forwarded to another body"),
    "clarification_requested": ("მოთხოვნილია დაზუსტება", "Clarification requested"),
    "left_without_consideration": ("დარჩა განუხილველი", "Left without consideration"),
}

# What each audited action is called on the History tab.
ACTION_LABELS: dict[str, tuple[str, str]] = {
    "register": ("რეგისტრაცია", "Registered"),
    "assign": ("რეზოლუცია", "Resolution"),
    "reassign": ("შემსრულებლის შეცვლა", "Executor changed"),
    "claim": ("აიღო შესასრულებლად", "Taken from the queue"),
    "start": ("შესრულების დაწყება", "Work started"),
    "answer": ("პასუხი", "Answered"),
    "close": ("დასრულება", "Closed"),
    "cancel": ("ანულირება", "Cancelled"),
    "extend": ("ვადის გაგრძელება", "Deadline extended"),
    "stop_clock": ("ვადის შეჩერება", "Clock stopped"),
    "resume_clock": ("ვადის განახლება", "Clock resumed"),
    "recompute_due": ("ვადის გადათვლა", "Due date recomputed"),
    "link": ("დაკავშირება", "Linked"),
    "unlink": ("კავშირის მოხსნა", "Unlinked"),
    "attach": ("დანართი დაემატა", "File attached"),
    "detach": ("დანართი წაიშალა", "File removed"),
    "email_sent": ("გაიგზავნა ელფოსტით", "Sent by e-mail"),
    "open_confidential": ("კონფიდენციალურის გახსნა", "Confidential document opened"),
    "edit": ("რედაქტირება", "Edited"),
    "merge_correspondent": ("კორესპონდენტების გაერთიანება", "Correspondents merged"),
    "import": ("იმპორტი", "Imported"),
    "demo": ("სადემონსტრაციო მონაცემები", "Demo data"),
}

# The unit of the days left when a document's clock is stopped (app.extensions).
COUNT_UNIT_NAMES: dict[str, tuple[str, str]] = {
    "working_days": ("სამუშაო დღე", "working days"),
    "calendar_days": ("კალენდარული დღე", "calendar days"),
}

ROLE_NAMES: dict[str, tuple[str, str]] = {
    "admin": ("ადმინისტრატორი", "Administrator"),
    "registrar": ("რეგისტრატორი", "Registrar"),
    "head": ("სამსახურის უფროსი", "Head of department"),
    "executor": ("შემსრულებელი", "Executor"),
    "viewer": ("დამთვალიერებელი", "Viewer"),
}


def label(names: dict[str, tuple[str, str]], code: str, lang: str = "ka") -> str:
    pair = names.get(code)
    if pair is None:
        return code
    return pair[0] if lang == "ka" else pair[1]
