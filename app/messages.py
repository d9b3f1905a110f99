"""The message catalogue for errors and notices raised in app/.

Georgian is the reference text, English the translation. Keys are stable identifiers;
parameters are filled with ``str.format``.
"""

from __future__ import annotations

CATALOGUE: dict[str, dict[str, str]] = {
    "field.required": {
        "ka": "ველი „{field}“ სავალდებულოა.",
        "en": "The field “{field}” is required.",
    },
    "field.too_long": {
        "ka": "ველი „{field}“ ძალიან გრძელია (მაქსიმუმ {max} სიმბოლო).",
        "en": "The field “{field}” is too long (at most {max} characters).",
    },
    "field.bad_chars": {
        "ka": "ველი „{field}“ შეიცავს დაუშვებელ სიმბოლოს.",
        "en": "The field “{field}” contains a character that is not allowed.",
    },
    "personal_id.invalid": {
        "ka": "პირადი ნომერი უნდა შედგებოდეს ზუსტად 11 ციფრისგან (შეყვანილია: {got}).",
        "en": "A personal number must be exactly 11 digits (entered: {got}).",
    },
    "org_code.invalid": {
        "ka": "საიდენტიფიკაციო კოდი უნდა შედგებოდეს ზუსტად 9 ციფრისგან (შეყვანილია: {got}).",
        "en": "An identification code must be exactly 9 digits (entered: {got}).",
    },
    "email.invalid": {
        "ka": "ელ. ფოსტის მისამართი არასწორია: {got}.",
        "en": "The e-mail address is not valid: {got}.",
    },
    "date.invalid": {
        "ka": "ველი „{field}“: „{got}“ არ არის თარიღი (სწორი ფორმატი: დდ.თთ.წწწწ ან წწწწ-თთ-დდ).",
        "en": "Field “{field}”: “{got}” is not a date (expected DD.MM.YYYY or YYYY-MM-DD).",
    },
    "date.out_of_range": {
        "ka": "ველი „{field}“: თარიღი {got} დასაშვებ ფარგლებს გარეთაა ({lo} – {hi}).",
        "en": "Field “{field}”: the date {got} is outside the allowed range ({lo} – {hi}).",
    },
    "date.in_future": {
        "ka": "ველი „{field}“: თარიღი {got} მომავალშია.",
        "en": "Field “{field}”: the date {got} is in the future.",
    },
    "kind.unknown": {
        "ka": "უცნობი სახე: „{got}“. დასაშვებია: {allowed}.",
        "en": "Unknown kind “{got}”. Allowed: {allowed}.",
    },
    "doc_type.unknown": {
        "ka": "უცნობი დოკუმენტის ტიპი: „{got}“. დასაშვებია: {allowed}.",
        "en": "Unknown document type “{got}”. Allowed: {allowed}.",
    },
    "channel.unknown": {
        "ka": "უცნობი მიღების არხი: „{got}“. დასაშვებია: {allowed}.",
        "en": "Unknown delivery channel “{got}”. Allowed: {allowed}.",
    },
    "department.unknown": {
        "ka": "უცნობი სამსახური: „{got}“.",
        "en": "Unknown department “{got}”.",
    },
    "correspondent.unknown": {
        "ka": "კორესპონდენტი (#{got}) ვერ მოიძებნა — შესაძლოა, წაშლილია.",
        "en": "Correspondent #{got} was not found — it may have been deleted.",
    },
    "document.unknown": {
        "ka": "დოკუმენტი (#{got}) ვერ მოიძებნა.",
        "en": "Document #{got} was not found.",
    },
    "sheets.invalid": {
        "ka": "ფურცლების რაოდენობა უნდა იყოს 0-დან 10000-მდე (შეყვანილია: {got}).",
        "en": "The number of sheets must be between 0 and 10000 (entered: {got}).",
    },
    "number.template_missing": {
        "ka": "სახისთვის „{kind}“ ნომრის შაბლონი არ არის განსაზღვრული. მიმართეთ ადმინისტრატორს.",
        "en": "No numbering template is defined for “{kind}”. Ask the administrator.",
    },
    "number.template_invalid": {
        "ka": "ნომრის შაბლონი „{pattern}“ არასწორია: {reason}",
        "en": "The numbering template “{pattern}” is invalid: {reason}",
    },
    "import.too_big_unpacked": {
        "ka": "ფაილი „{name}“ გახსნისას {mib} მბ-ზე მეტს იკავებს — ჟურნალისთვის დაუჯერებლად "
        "ბევრს. შეამოწმეთ ფაილი ან დაყავით ნაწილებად.",
        "en": "The file “{name}” unpacks to over {mib} MB — too much for a journal. Check the "
        "file or split it.",
    },
    "import.cell_too_long": {
        "ka": "სტრიქონ {row}-ში უჯრა 32 767 სიმბოლოზე გრძელია (Excel-ის ზღვარი): ფაილი "
        "დაზიანებულია ან ჟურნალი არ არის.",
        "en": "A cell in row {row} is longer than 32 767 characters (Excel's limit): the file "
        "is damaged or not a journal.",
    },
    "backup.exists": {
        "ka": "ფაილი „{path}“ უკვე არსებობს. აირჩიეთ სხვა სახელი ან საქაღალდე (ბრძანების "
        "სტრიქონში: --force მის ჩასანაცვლებლად).",
        "en": "The file “{path}” already exists. Choose another name or folder (on the "
        "command line: --force to replace it).",
    },
    "report.out_not_folder": {
        "ka": "„{path}“ საქაღალდე არ არის: ანგარიშები საქაღალდეში იწერება.",
        "en": "“{path}” is not a folder: reports are written into a folder.",
    },
    "attachment.not_a_file": {
        "ka": "„{name}“ ჩვეულებრივი ფაილი არ არის (მოწყობილობა, არხი…): მისი მიმაგრება შეუძლებელია.",
        "en": "“{name}” is not an ordinary file (a device, a pipe…): it cannot be attached.",
    },
    "attachment.bidi_name": {
        "ka": "ფაილის სახელი შეიცავს ტექსტის მიმართულების მართვის სიმბოლოს, რომელიც გაფართოებას "
        "მალავს (მაგ. „invoice[U+202E]fdp.exe“). გადაარქვით ფაილს სახელი.",
        "en": "The file name holds a text-direction control that disguises its extension "
        "(e.g. “invoice[U+202E]fdp.exe”). Rename the file.",
    },
    "access.not_handling": {
        "ka": "დოკუმენტს {number} თქვენ არ განიხილავთ: ამის გაკეთება შეუძლია მის სამსახურის "
        "უფროსს, შემსრულებელს, დამრეგისტრირებელს ან ადმინისტრატორს.",
        "en": "You do not handle document {number}: its department's head, its executors, "
        "the clerk who registered it or the administrator can do this.",
    },
    "close.reason_needed": {
        "ka": "დოკუმენტს {number} პასუხი არ აქვს: დასრულებისას შენიშვნაში მიუთითეთ მიზეზი.",
        "en": "Document {number} has no answer: give the reason in the note to close it.",
    },
    "db.busy": {
        "ka": "მონაცემთა ბაზა დაკავებულია. სცადეთ ხელახლა რამდენიმე წამში.",
        "en": "The database is busy. Try again in a few seconds.",
    },
    "db.unreachable": {
        "ka": "მონაცემთა ბაზასთან კავშირი ვერ დამყარდა: {detail}",
        "en": "Could not connect to the database: {detail}",
    },
    "db.schema_old": {
        "ka": "მონაცემთა ბაზის სქემა ძველია ({current}); საჭიროა განახლება ({head}).",
        "en": "The database schema is older ({current}) than the program ({head}); upgrade it.",
    },
    "stale.changed_by": {
        "ka": "ჩანაწერი შეცვალა {who}-მ {when}. თქვენი ტექსტი შენახულია ფორმაში — გადახედეთ და შეინახეთ ხელახლა.",
        "en": "The record was changed by {who} at {when}. Your text is kept in the form — review and save again.",
    },
    "permission.denied": {
        "ka": "თქვენს როლს ({role}) არ აქვს ამ მოქმედების უფლება: {action}.",
        "en": "Your role ({role}) may not do this: {action}.",
    },
}

FIELD_NAMES: dict[str, dict[str, str]] = {
    "subject": {"ka": "შინაარსი / თემა", "en": "Subject"},
    "summary": {"ka": "მოკლე შინაარსი", "en": "Summary"},
    "from_name": {"ka": "კორესპონდენტი", "en": "Correspondent"},
    "personal_id": {"ka": "პირადი ნომერი", "en": "Personal number"},
    "org_code": {"ka": "საიდენტიფიკაციო კოდი", "en": "Identification code"},
    "reg_date": {"ka": "რეგისტრაციის თარიღი", "en": "Registration date"},
    "sender_date": {"ka": "გამგზავნის თარიღი", "en": "Sender's date"},
    "sender_number": {"ka": "გამგზავნის ნომერი", "en": "Sender's number"},
    "kind": {"ka": "სახე", "en": "Kind"},
    "doc_type": {"ka": "დოკუმენტის ტიპი", "en": "Document type"},
    "channel": {"ka": "მიღების არხი", "en": "Delivery channel"},
    "department": {"ka": "სამსახური", "en": "Department"},
    "sheets": {"ka": "ფურცლები", "en": "Sheets"},
    "address": {"ka": "მისამართი", "en": "Address"},
    "phone": {"ka": "ტელეფონი", "en": "Phone"},
    "email": {"ka": "ელ. ფოსტა", "en": "E-mail"},
    "correspondent": {"ka": "კორესპონდენტი", "en": "Correspondent"},
}

_language = "ka"


def set_language(lang: str) -> None:
    global _language
    _language = lang if lang in ("ka", "en") else "ka"


def current_language() -> str:
    return _language


def field_label(field: str, lang: str | None = None) -> str:
    names = FIELD_NAMES.get(field)
    if names is None:
        return field
    return names[lang or _language]


def render(key: str, params: dict[str, object], lang: str | None = None) -> str:
    lang = lang or _language
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["ka"]
    filled = dict(params)
    if "field" in filled and isinstance(filled["field"], str):
        filled["field"] = field_label(filled["field"], lang)
    try:
        return text.format(**filled)
    except (KeyError, IndexError, ValueError):
        return text


# Connections, drivers, schema versions and backups (the administrator's remedies).
CATALOGUE.update(
    {
        "connection.kind_unknown": {
            "ka": "უცნობი კავშირის ტიპი: „{got}“.",
            "en": "Unknown connection type “{got}”.",
        },
        "odbc.manager_missing": {
            "ka": "ODBC დრაივერების მენეჯერი არ არის დაყენებული. დააყენეთ unixODBC (Debian: "
            "apt-get install libodbc2) ან Windows-ზე — Microsoft ODBC Driver 18 for SQL Server.",
            "en": "The ODBC driver manager is not installed. Install unixODBC (Debian: "
            "apt-get install libodbc2) or, on Windows, Microsoft ODBC Driver 18 for SQL Server.",
        },
        "odbc.driver_missing": {
            "ka": "არჩეული ODBC დრაივერი ამ კომპიუტერზე არ არის. აირჩიეთ დაყენებული დრაივერი "
            "სიიდან ან დააყენეთ Microsoft ODBC Driver 18 for SQL Server. ({detail})",
            "en": "The chosen ODBC driver is not installed here. Pick an installed driver "
            "or install Microsoft ODBC Driver 18 for SQL Server. ({detail})",
        },
        "db.server_not_found": {
            "ka": "სერვერი ვერ მოიძებნა ან არ პასუხობს. შეამოწმეთ სერვერის სახელი "
            "(სერვერი\\ინსტანცია ან ჰოსტი,პორტი), ქსელი და რომ სერვერი ჩართულია. ({detail})",
            "en": "The server was not found or does not answer. Check the server name "
            "(server\\instance or host,port), the network, and that the server is running. ({detail})",
        },
        "db.login_failed": {
            "ka": "შესვლა ვერ მოხერხდა: მომხმარებლის სახელი ან პაროლი არასწორია, ან ამ "
            "მომხმარებელს ბაზაზე წვდომა არ აქვს. მიმართეთ ბაზის ადმინისტრატორს.",
            "en": "Login failed: wrong user name or password, or this login has no access "
            "to the database. Ask the database administrator.",
        },
        "db.certificate": {
            "ka": "სერვერის სერტიფიკატი უარყოფილია (ODBC Driver 18 კავშირს შიფრავს "
            "ნაგულისხმევად). დააყენეთ სანდო სერტიფიკატი სერვერზე ან ჩართეთ "
            "„სერტიფიკატის ნდობა“ (TrustServerCertificate).",
            "en": "The server's certificate was rejected (ODBC Driver 18 encrypts by default). "
            "Install a trusted certificate on the server or tick “Trust server certificate”.",
        },
        "db.missing": {
            "ka": "მონაცემთა ბაზა სერვერზე არ არსებობს ან მიუწვდომელია. შეამოწმეთ ბაზის "
            "სახელი; ცარიელი ბაზა უნდა შექმნას ბაზის ადმინისტრატორმა.",
            "en": "The database does not exist on the server or is not accessible. Check its "
            "name; the database administrator must create an empty one.",
        },
        "db.rcsi_off": {
            "ka": "გაფრთხილება: ბაზაში READ_COMMITTED_SNAPSHOT გამორთულია — სიების ჩვენება "
            "დაელოდება სხვების შენახვას. ბაზის ადმინისტრატორმა შეასრულოს: "
            "ALTER DATABASE [{database}] SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;",
            "en": "Warning: READ_COMMITTED_SNAPSHOT is off in this database, so lists wait for "
            "other clerks' saves. The DBA runs: "
            "ALTER DATABASE [{database}] SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;",
        },
        "db.schema_new": {
            "ka": "მონაცემთა ბაზა პროგრამის უფრო ახალი ვერსიითაა განახლებული ({current}). "
            "განაახლეთ პროგრამა ამ კომპიუტერზე.",
            "en": "The database was upgraded by a newer version of the program ({current}). "
            "Update the program on this workstation.",
        },
        "backup.not_embedded": {
            "ka": "სარეზერვო ასლს პროგრამა მხოლოდ ჩაშენებული ბაზისთვის ქმნის; სერვერის "
            "ბაზას ბაზის ადმინისტრატორი აკოპირებს.",
            "en": "The program backs up only the embedded database; the DBA backs up a server.",
        },
        "backup.same_file": {
            "ka": "სარეზერვო ასლი არ შეიძლება ჩაიწეროს თავად ბაზის ფაილზე.",
            "en": "The backup cannot overwrite the database file itself.",
        },
        "backup.corrupt": {
            "ka": "სარეზერვო ასლის შემოწმება ვერ გაიარა; ასლი არ შეინახა. სცადეთ ხელახლა.",
            "en": "The backup failed its integrity check and was not kept. Try again.",
        },
    }
)


# Registration rules: templates, deadline rules, calendar, extensions, stop-the-clock,
# correspondents directory and document links.
CATALOGUE.update(
    {
        "number.template_collides": {
            "ka": "ველი „{field}“: შაბლონი „{pattern}“ გამოიმუშავებს ნომერს „{number}“, "
            "რომელიც უკვე არსებობს ან სხვა შაბლონიც გასცემს — ნომერი განმეორდებოდა. "
            "შეცვალეთ შაბლონი (მაგ. დაამატეთ {{dept}} ან სხვა ასო).",
            "en": "Field “{field}”: the template “{pattern}” would produce the number "
            "“{number}”, which already exists or another template also issues — numbers "
            "would repeat. Change the template (e.g. add {{dept}} or another letter).",
        },
        "template.unknown": {
            "ka": "ნომრის შაბლონი (#{got}) ვერ მოიძებნა.",
            "en": "Numbering template #{got} was not found.",
        },
        "template.general_required": {
            "ka": "სახის ზოგადი შაბლონის წაშლა შეუძლებელია — შეცვალეთ იგი.",
            "en": "The general template of a kind cannot be deleted — edit it instead.",
        },
        "field.not_integer": {
            "ka": "ველი „{field}“ უნდა იყოს მთელი რიცხვი (შეყვანილია: {got}).",
            "en": "The field “{field}” must be a whole number (entered: {got}).",
        },
        "field.negative": {
            "ka": "ველი „{field}“ არ შეიძლება იყოს უარყოფითი (შეყვანილია: {got}).",
            "en": "The field “{field}” cannot be negative (entered: {got}).",
        },
        "field.too_large": {
            "ka": "ველი „{field}“: მნიშვნელობა {got} ძალიან დიდია (მაქსიმუმ {max}).",
            "en": "Field “{field}”: the value {got} is too large (at most {max}).",
        },
        "field.unknown_choice": {
            "ka": "ველი „{field}“: უცნობი მნიშვნელობა „{got}“. დასაშვებია: {allowed}.",
            "en": "Field “{field}”: unknown value “{got}”. Allowed: {allowed}.",
        },
        "holiday.exists": {
            "ka": "{day} უკვე დასვენების დღეა ({name}).",
            "en": "{day} is already a day off ({name}).",
        },
        "holiday.not_off": {
            "ka": "{day} კალენდარში დასვენების დღედ არ არის მონიშნული.",
            "en": "{day} is not marked as a day off in the calendar.",
        },
        "document.not_open": {
            "ka": "დოკუმენტი {number} არ არის შესრულების პროცესში (სტატუსი: {status}).",
            "en": "Document {number} is not open (status: {status}).",
        },
        "deadline.none": {
            "ka": "დოკუმენტს {number} შესრულების ვადა არ აქვს.",
            "en": "Document {number} has no due date.",
        },
        "extension.not_allowed": {
            "ka": "დოკუმენტის ტიპისთვის „{doc_type}“ ვადის გაგრძელება დაშვებული არ არის.",
            "en": "Due dates of the type “{doc_type}” may not be extended.",
        },
        "extension.not_later": {
            "ka": "ველი „{field}“: ახალი ვადა ({got}) უნდა იყოს მიმდინარე ვადაზე ({due}) გვიან.",
            "en": "Field “{field}”: the new due date ({got}) must be after the current one ({due}).",
        },
        "extension.too_long": {
            "ka": "ველი „{field}“: ვადა შეიძლება გაგრძელდეს მაქსიმუმ {max} დღით კანონით "
            "დადგენილი ვადიდან ({statutory}), ანუ არაუგვიანეს {limit} (შეყვანილია: {got}).",
            "en": "Field “{field}”: the due date may be extended by at most {max} days from the "
            "statutory one ({statutory}), i.e. to {limit} at the latest (entered: {got}).",
        },
        "clock.not_stopped": {
            "ka": "დოკუმენტის {number} ვადა შეჩერებული არ არის.",
            "en": "The deadline of document {number} is not stopped.",
        },
        "date.before_registration": {
            "ka": "ველი „{field}“: თარიღი {got} რეგისტრაციის თარიღზე ({lo}) ადრეა.",
            "en": "Field “{field}”: the date {got} is before the registration date ({lo}).",
        },
        "date.before_stop": {
            "ka": "ველი „{field}“: თარიღი {got} ვადის შეჩერების თარიღზე ({lo}) ადრეა.",
            "en": "Field “{field}”: the date {got} is before the day the clock was stopped ({lo}).",
        },
        "correspondent.duplicate_id": {
            "ka": "ველი „{field}“: {got} უკვე აქვს კორესპონდენტს „{name}“ (#{other}). "
            "გამოიყენეთ არსებული ჩანაწერი.",
            "en": "Field “{field}”: {got} already belongs to the correspondent “{name}” "
            "(#{other}). Use the existing record.",
        },
        "merge.nothing": {
            "ka": "აირჩიეთ მინიმუმ ერთი სხვა კორესპონდენტი გასაერთიანებლად.",
            "en": "Choose at least one other correspondent to merge.",
        },
        "merge.keep_in_list": {
            "ka": "დასატოვებელი კორესპონდენტი (#{got}) გასაერთიანებელთა სიაშიც არის.",
            "en": "The correspondent to keep (#{got}) is also in the list to merge.",
        },
        "link.self": {
            "ka": "დოკუმენტს საკუთარ თავთან ვერ დააკავშირებთ.",
            "en": "A document cannot be linked to itself.",
        },
        "link.exists": {
            "ka": "დოკუმენტები {a} და {b} უკვე დაკავშირებულია ({link}).",
            "en": "Documents {a} and {b} are already linked ({link}).",
        },
        "link.unknown": {
            "ka": "კავშირი (#{got}) ვერ მოიძებნა.",
            "en": "Link #{got} was not found.",
        },
    }
)

FIELD_NAMES.update(
    {
        "pattern": {"ka": "ნომრის შაბლონი", "en": "Numbering template"},
        "template": {"ka": "ნომრის შაბლონი", "en": "Numbering template"},
        "deadline_count": {"ka": "ვადის ხანგრძლივობა", "en": "Deadline count"},
        "deadline_unit": {"ka": "ვადის ერთეული", "en": "Deadline unit"},
        "nonworking_shift": {
            "ka": "ვადის გადატანა დასვენების დღიდან",
            "en": "Shift off non-working days",
        },
        "legal_ref": {"ka": "სამართლებრივი საფუძველი", "en": "Legal reference"},
        "max_extension_days": {
            "ka": "გაგრძელების მაქსიმუმი (დღე)",
            "en": "Maximum extension (days)",
        },
        "day": {"ka": "თარიღი", "en": "Date"},
        "holiday_name": {"ka": "დასვენების დღის დასახელება", "en": "Name of the day off"},
        "new_date": {"ka": "ახალი ვადა", "en": "New due date"},
        "reason": {"ka": "მიზეზი", "en": "Reason"},
        "on_date": {"ka": "თარიღი", "en": "Date"},
        "note": {"ka": "შენიშვნა", "en": "Note"},
        "name": {"ka": "დასახელება / სახელი, გვარი", "en": "Name"},
        "link_type": {"ka": "კავშირის ტიპი", "en": "Link type"},
        "merge_ids": {"ka": "გასაერთიანებელი კორესპონდენტები", "en": "Correspondents to merge"},
        "keep_id": {"ka": "დასატოვებელი კორესპონდენტი", "en": "Correspondent to keep"},
        "document": {"ka": "დოკუმენტი", "en": "Document"},
        "link": {"ka": "კავშირი", "en": "Link"},
    }
)


# GUI administration and card actions (ui/admin/).
CATALOGUE.update(
    {
        "document.number_unknown": {
            "ka": "დოკუმენტი ნომრით „{got}“ ვერ მოიძებნა.",
            "en": "No document is registered under the number “{got}”.",
        },
    }
)
FIELD_NAMES.update(
    {
        "number": {"ka": "რეგისტრაციის ნომერი", "en": "Registration number"},
    }
)


# Registry filters, saved filters and search (app/registry.py, app/search.py).
CATALOGUE.update(
    {
        "filter.too_many": {
            "ka": "შენახული ფილტრების რაოდენობა ამოწურულია (მაქსიმუმ {max}). წაშალეთ ზედმეტი.",
            "en": "Too many saved filters (at most {max}). Delete one first.",
        },
        "filter.unknown": {
            "ka": "შენახული ფილტრი „{got}“ ვერ მოიძებნა.",
            "en": "No saved filter is called “{got}”.",
        },
        "filter.bad_sort": {
            "ka": "უცნობი დალაგება: „{got}“. დასაშვებია: {allowed}.",
            "en": "Unknown sort order “{got}”. Allowed: {allowed}.",
        },
        "status.unknown": {
            "ka": "უცნობი სტატუსი: „{got}“. დასაშვებია: {allowed}.",
            "en": "Unknown status “{got}”. Allowed: {allowed}.",
        },
    }
)
FIELD_NAMES.update(
    {
        "filter_name": {"ka": "ფილტრის დასახელება", "en": "Filter name"},
        "sort": {"ka": "დალაგება", "en": "Sort order"},
        "status": {"ka": "სტატუსი", "en": "Status"},
    }
)


# Reports (app/reporting.py).
CATALOGUE.update(
    {
        "period.invalid": {
            "ka": "პერიოდი „{got}“ არასწორია: მიუთითეთ თვე (2026-10) ან წელი (2026).",
            "en": "The period “{got}” is not valid: give a month (2026-10) or a year (2026).",
        },
        "period.required": {
            "ka": "მიუთითეთ პერიოდი: თვე (2026-10) ან წელი (2026).",
            "en": "Give a period: a month (2026-10) or a year (2026).",
        },
        "period.year_required": {
            "ka": "ეს ანგარიში მთელი წლისთვის დგება: მიუთითეთ წელი (მაგ. 2026), არა „{got}“.",
            "en": "This report covers a whole year: give a year (e.g. 2026), not “{got}”.",
        },
        "report.unknown": {
            "ka": "უცნობი ანგარიში: „{got}“. დასაშვებია: {allowed}.",
            "en": "Unknown report “{got}”. Allowed: {allowed}.",
        },
        "report.format_unknown": {
            "ka": "ამ ანგარიშს ფორმატი „{got}“ არ აქვს. დასაშვებია: {allowed}.",
            "en": "This report has no “{got}” format. Allowed: {allowed}.",
        },
    }
)
FIELD_NAMES.update(
    {
        "period": {"ka": "პერიოდი", "en": "Period"},
        "report": {"ka": "ანგარიში", "en": "Report"},
        "format": {"ka": "ფორმატი", "en": "Format"},
        "as_of": {"ka": "მდგომარეობის თარიღი", "en": "As-of date"},
    }
)


# Issue 8: connection loss, workstation profiles, legacy journal import.
CATALOGUE.update(
    {
        "db.connection_lost": {
            "ka": "კავშირი მონაცემთა ბაზასთან გაწყდა; ცვლილება არ შენახულა. შეყვანილი "
            "მონაცემები ფორმაში რჩება — შეამოწმეთ ქსელი და სცადეთ ხელახლა. ({detail})",
            "en": "The connection to the database was lost; nothing was saved. What you "
            "entered is kept in the form — check the network and try again. ({detail})",
        },
        "db.commit_lost": {
            "ka": "კავშირი მონაცემთა ბაზასთან გაწყდა შენახვის მომენტში. შეამოწმეთ რეესტრში, "
            "შეინახა თუ არა, სანამ ხელახლა შეინახავთ. ({detail})",
            "en": "The connection to the database was lost while saving. Check the registry "
            "for the record before saving it again. ({detail})",
        },
        "profile.timeout": {
            "ka": "კავშირის ლოდინის დრო უნდა იყოს 1-დან 300 წამამდე (შეყვანილია: {got}).",
            "en": "The connection timeout must be 1 to 300 seconds (entered: {got}).",
        },
        "profile.unreadable": {
            "ka": "კავშირის პარამეტრების ფაილი „{path}“ დაზიანებულია ({detail}). წაშალეთ ან "
            "გაასწორეთ იგი და ხელახლა დააყენეთ კავშირი.",
            "en": "The connection settings file “{path}” is damaged ({detail}). Delete or "
            "repair it and set the connection up again.",
        },
        "profile.exists": {
            "ka": "კავშირი სახელით „{got}“ უკვე არსებობს; აირჩიეთ სხვა სახელი.",
            "en": "A connection named “{got}” already exists; choose another name.",
        },
        "profile.unknown": {
            "ka": "კავშირი სახელით „{got}“ ვერ მოიძებნა.",
            "en": "There is no connection named “{got}”.",
        },
        "profile.password_needed": {
            "ka": "კავშირისთვის „{name}“ საჭიროა პაროლი (ამ კომპიუტერზე პაროლი არ ინახება).",
            "en": "The connection “{name}” needs a password (it is not stored on this computer).",
        },
        "import.bad_file": {
            "ka": "ფაილი „{name}“ ვერ წავიკითხე როგორც Excel-ის სამუშაო წიგნი (.xlsx): {detail}. "
            "ძველი .xls ფაილი Excel-ში შეინახეთ .xlsx ფორმატში.",
            "en": "The file “{name}” could not be read as an Excel workbook (.xlsx): {detail}. "
            "Save an old .xls file as .xlsx in Excel.",
        },
        "import.no_sheet": {
            "ka": "ფურცელი „{got}“ ფაილში არ არის. არის: {allowed}.",
            "en": "The file has no sheet “{got}”. It has: {allowed}.",
        },
        "import.no_header": {
            "ka": "სვეტების სათაურები ვერ ამოვიცანი (მაგ. „რეგ. №“, „თარიღი“, „შინაარსი“). "
            "მიუთითეთ სვეტები ხელით.",
            "en": "The column headers were not recognised (e.g. “რეგ. №”, “თარიღი”, "
            "“შინაარსი”). Choose the columns by hand.",
        },
        "import.bad_mapping": {
            "ka": "სვეტების შესაბამისობა არასწორია: {detail}",
            "en": "The column mapping is not valid: {detail}",
        },
        "import.mapping_missing": {
            "ka": "მიუთითეთ სვეტი „{column}“ — მის გარეშე იმპორტი შეუძლებელია.",
            "en": "Choose the column “{column}” — the import cannot run without it.",
        },
        "import.mapping_twice": {
            "ka": "ერთი და იგივე სვეტი ორ ველზეა მითითებული.",
            "en": "The same column is chosen for two fields.",
        },
        "import.bad_status": {
            "ka": "უცნობი სტატუსი „{got}“. დასაშვებია: {allowed}.",
            "en": "Unknown status “{got}”. Allowed: {allowed}.",
        },
        "import.bad_chunk": {
            "ka": "ნაწილის ზომა უნდა იყოს 1-დან 50000-მდე (შეყვანილია: {got}).",
            "en": "The chunk size must be 1 to 50000 (entered: {got}).",
        },
        "import.required": {
            "ka": "ცარიელია — ეს ველი სავალდებულოა.",
            "en": "Empty — this field is required.",
        },
        "import.bad_date": {
            "ka": "„{got}“ არ არის თარიღი (დდ.თთ.წწწწ, წწწწ-თთ-დდ ან Excel-ის თარიღი).",
            "en": "“{got}” is not a date (DD.MM.YYYY, YYYY-MM-DD or an Excel date).",
        },
        "import.date_range": {
            "ka": "თარიღი {got} დასაშვებ ფარგლებს გარეთაა ({lo} – {hi}).",
            "en": "The date {got} is outside the allowed range ({lo} – {hi}).",
        },
        "import.bad_number": {
            "ka": "ნომერში „{got}“ რიგითი ნომერი (ციფრები) ვერ ვიპოვე.",
            "en": "No sequence number (digits) found in the number “{got}”.",
        },
        "import.bad_int": {
            "ka": "„{got}“ არ არის მთელი რიცხვი (0-დან 10000-მდე).",
            "en": "“{got}” is not a whole number (0 to 10000).",
        },
        "import.too_long": {
            "ka": "ტექსტი ძალიან გრძელია (მაქსიმუმ {max} სიმბოლო).",
            "en": "The text is too long (at most {max} characters).",
        },
        "import.unknown_value": {
            "ka": "უცნობი მნიშვნელობა „{got}“. დასაშვებია: {allowed}.",
            "en": "Unknown value “{got}”. Allowed: {allowed}.",
        },
        "import.duplicate_in_file": {
            "ka": "ნომერი „{number}“ ამავე წელს ფაილში უკვე გვხვდება {other}-ე სტრიქონში "
            "(„{other_number}“).",
            "en": "The number “{number}” already occurs in the same year on row {other} "
            "(“{other_number}”).",
        },
        "import.conflict": {
            "ka": "{year} წლის ეს რიგითი ნომერი ბაზაში უკვე აქვს სხვა დოკუმენტს („{existing}“); "
            "„{number}“ არ შემოვიტანე.",
            "en": "This sequence number of {year} already belongs to another document "
            "(“{existing}”); “{number}” was not imported.",
        },
        "import.summary": {
            "ka": "წაკითხულია {read} სტრიქონი: შემოტანილია {imported}, უკვე იყო {unchanged}, "
            "შეცდომით {rejected}; {seconds} წმ ({rate} სტრიქონი/წმ).",
            "en": "{read} rows read: {imported} imported, {unchanged} already there, "
            "{rejected} with errors; {seconds} s ({rate} rows/s).",
        },
        "import.summary_dry": {
            "ka": "შემოწმება (არაფერი ჩაწერილა): {read} სტრიქონი — შემოვა {imported}, უკვე "
            "არის {unchanged}, შეცდომით {rejected}; {seconds} წმ ({rate} სტრიქონი/წმ).",
            "en": "Dry run (nothing written): {read} rows — {imported} would be imported, "
            "{unchanged} already there, {rejected} with errors; {seconds} s ({rate} rows/s).",
        },
    }
)
FIELD_NAMES.update(
    {
        "profile_name": {"ka": "კავშირის სახელი", "en": "Connection name"},
        "server": {"ka": "სერვერი", "en": "Server"},
        "timeout": {"ka": "ლოდინის დრო (წმ)", "en": "Timeout (s)"},
        "password": {"ka": "პაროლი", "en": "Password"},
        "mapping": {"ka": "სვეტების შესაბამისობა", "en": "Column mapping"},
        "file": {"ka": "ფაილი", "en": "File"},
        "sheet": {"ka": "ფურცელი", "en": "Sheet"},
        "chunk_size": {"ka": "ნაწილის ზომა", "en": "Chunk size"},
    }
)


# Users, passwords, departments and the audit chain (app.users, kantselaria-cli audit verify).
CATALOGUE.update(
    {
        "login.failed": {
            "ka": "მომხმარებლის სახელი ან პაროლი არასწორია.",
            "en": "The user name or the password is not correct.",
        },
        "password.too_short": {
            "ka": "პაროლი უნდა შედგებოდეს მინიმუმ {min} სიმბოლოსგან.",
            "en": "The password must be at least {min} characters long.",
        },
        "password.same_as_login": {
            "ka": "პაროლი არ უნდა ემთხვეოდეს მომხმარებლის სახელს.",
            "en": "The password must not be the same as the user name.",
        },
        "user.password_mismatch": {
            "ka": "პაროლები ერთმანეთს არ ემთხვევა.",
            "en": "The two passwords are not the same.",
        },
        "user.login_invalid": {
            "ka": "მომხმარებლის სახელში დასაშვებია მხოლოდ ასოები, ციფრები და სიმბოლოები . _ - @ "
            "(ჰარის გარეშე).",
            "en": "A user name may contain only letters, digits and . _ - @ (no spaces).",
        },
        "user.login_taken": {
            "ka": "მომხმარებელი „{got}“ უკვე არსებობს.",
            "en": "The user name “{got}” is already taken.",
        },
        "user.unknown": {
            "ka": "მომხმარებელი (#{got}) ვერ მოიძებნა.",
            "en": "User #{got} was not found.",
        },
        "user.unknown_login": {
            "ka": "მომხმარებელი „{got}“ ვერ მოიძებნა.",
            "en": "No user “{got}”.",
        },
        "user.last_admin": {
            "ka": "ეს ერთადერთი აქტიური ადმინისტრატორია — მისი გათიშვა ან როლის შეცვლა "
            "შეუძლებელია. ჯერ სხვა ადმინისტრატორი დანიშნეთ.",
            "en": "This is the only active administrator — it cannot be disabled or given "
            "another role. Make someone else an administrator first.",
        },
        "user.department_required": {
            "ka": "როლისთვის „{role}“ სამსახურის მითითება სავალდებულოა.",
            "en": "The role “{role}” needs a department.",
        },
        "user.first_admin_exists": {
            "ka": "ადმინისტრატორი უკვე შექმნილია; შედით სისტემაში მისი სახელით.",
            "en": "The administrator already exists; log in with that account.",
        },
        "role.unknown": {
            "ka": "უცნობი როლი: „{got}“. დასაშვებია: {allowed}.",
            "en": "Unknown role “{got}”. Allowed: {allowed}.",
        },
        "department.code_invalid": {
            "ka": "სამსახურის კოდში დასაშვებია მხოლოდ ასოები, ციფრები და ტირე (ჰარის გარეშე).",
            "en": "A department code may contain only letters, digits and hyphens (no spaces).",
        },
        "department.code_taken": {
            "ka": "სამსახური კოდით „{got}“ უკვე არსებობს.",
            "en": "A department with the code “{got}” already exists.",
        },
        "department.inactive": {
            "ka": "სამსახური „{got}“ აღარ არის აქტიური.",
            "en": "The department “{got}” is no longer active.",
        },
        "department.has_users": {
            "ka": "სამსახურში ჯერ კიდევ {count} აქტიური თანამშრომელია; ჯერ გადაიყვანეთ ისინი "
            "სხვა სამსახურში ან გათიშეთ.",
            "en": "{count} active staff still work in this department; move or disable them first.",
        },
        "audit.broken_row": {
            "ka": "აუდიტის ჟურნალი დაზიანებულია: ჩანაწერი #{row} ხელით შეცვლილია "
            "(მანამდე {checked} ჩანაწერი ხელუხლებელია).",
            "en": "The audit log is broken: row #{row} was changed by hand "
            "({checked} rows before it are intact).",
        },
        "audit.missing_tail": {
            "ka": "აუდიტის ჟურნალი დაზიანებულია: ბოლო ჩანაწერები (#{row}-მდე) წაშლილია "
            "(შემოწმდა {checked} ჩანაწერი).",
            "en": "The audit log is broken: its last rows (up to #{row}) were deleted "
            "({checked} rows checked).",
        },
        "audit.broken_link": {
            "ka": "აუდიტის ჟურნალი დაზიანებულია ჩანაწერ #{row}-თან: წინა ჩანაწერი წაშლილია "
            "ან შეცვლილი (მანამდე {checked} ჩანაწერი ხელუხლებელია).",
            "en": "The audit log is broken at row #{row}: the row before it was deleted or "
            "changed ({checked} rows before it are intact).",
        },
    }
)
FIELD_NAMES.update(
    {
        "login": {"ka": "მომხმარებელი", "en": "User name"},
        "full_name": {"ka": "სახელი და გვარი", "en": "Full name"},
        "role": {"ka": "როლი", "en": "Role"},
        "code": {"ka": "კოდი", "en": "Code"},
        "name_en": {"ka": "დასახელება ინგლისურად", "en": "Name in English"},
        "active": {"ka": "აქტიური", "en": "Active"},
        "repeat": {"ka": "პაროლი კიდევ ერთხელ", "en": "Repeat the password"},
    }
)


# Attachments, .eml messages and e-mail sending (app.attachments, app.eml, app.mail).
CATALOGUE.update(
    {
        "attachment.too_large": {
            "ka": "ფაილი „{name}“ ძალიან დიდია: {size} მბ. დასაშვებია არაუმეტეს {limit} მბ "
            "(ზღვარს ადმინისტრატორი ცვლის პარამეტრებში).",
            "en": "The file “{name}” is too large: {size} MB. The limit is {limit} MB "
            "(the administrator sets it in the settings).",
        },
        "attachment.unreadable": {
            "ka": "ფაილი „{name}“ ვერ წავიკითხე: {detail}.",
            "en": "Cannot read the file “{name}”: {detail}.",
        },
        "attachment.is_folder": {
            "ka": "„{name}“ საქაღალდეა; დაამატეთ მასში არსებული ფაილები.",
            "en": "“{name}” is a folder; add the files inside it.",
        },
        "attachment.unknown": {
            "ka": "დანართი (#{got}) ვერ მოიძებნა — შესაძლოა, წაშლილია.",
            "en": "Attachment #{got} was not found — it may have been deleted.",
        },
        "attachment.corrupt": {
            "ka": "დანართი „{name}“ დაზიანებულია: შიგთავსი აღარ ემთხვევა დამატებისას "
            "დათვლილ SHA-256-ს. მიმართეთ ადმინისტრატორს.",
            "en": "The attachment “{name}” is damaged: its content no longer matches the "
            "SHA-256 recorded when it was added. Tell the administrator.",
        },
        "attachment.write_failed": {
            "ka": "ფაილი „{name}“ ვერ შევინახე საქაღალდეში {folder}: {detail}.",
            "en": "Cannot save “{name}” in the folder {folder}: {detail}.",
        },
        "attachment.remove_denied": {
            "ka": "დანართს „{name}“ წაშლა შეუძლია მხოლოდ მის დამმატებელს ან ადმინისტრატორს.",
            "en": "Only the person who added “{name}” or an administrator may remove it.",
        },
        "document.confidential": {
            "ka": "დოკუმენტი {number} კონფიდენციალურია; მისი ნახვა შეუძლიათ მხოლოდ "
            "ადმინისტრატორს, დამრეგისტრირებელს და შემსრულებლებს.",
            "en": "Document {number} is confidential; only administrators, the clerk who "
            "registered it and its executors may see it.",
        },
        "eml.invalid": {
            "ka": "ფაილი არ არის ელ. წერილი (.eml).",
            "en": "The file is not an e-mail message (.eml).",
        },
        "mail.not_configured": {
            "ka": "ელ. ფოსტის სერვერი (SMTP) არ არის მითითებული. მიმართეთ ადმინისტრატორს.",
            "en": "No mail server (SMTP) is set up. Ask the administrator.",
        },
        "mail.bad_port": {
            "ka": "SMTP პორტი არასწორია: {got} (უნდა იყოს 1-დან 65535-მდე).",
            "en": "The SMTP port is not valid: {got} (1 to 65535).",
        },
        "mail.no_sender": {
            "ka": "გამგზავნის ელ. ფოსტის მისამართი (smtp.from ან დაწესებულების ელ. ფოსტა) "
            "არ არის მითითებული ან არასწორია. მიმართეთ ადმინისტრატორს.",
            "en": "The sender address (smtp.from or the office e-mail) is missing or not "
            "valid. Ask the administrator.",
        },
        "mail.password_required": {
            "ka": "შეიყვანეთ ფოსტის სერვერის პაროლი მომხმარებლისთვის „{user}“.",
            "en": "Enter the mail server password of the user “{user}”.",
        },
        "mail.unreachable": {
            "ka": "ფოსტის სერვერს {host}:{port} ვერ დავუკავშირდი ({detail}). წერილი არ "
            "გაგზავნილა; შეამოწმეთ ქსელი ან მიმართეთ ადმინისტრატორს.",
            "en": "Cannot reach the mail server {host}:{port} ({detail}). Nothing was sent; "
            "check the network or ask the administrator.",
        },
        "mail.auth_failed": {
            "ka": "ფოსტის სერვერმა {host} არ მიიღო მომხმარებლის „{user}“ პაროლი. "
            "წერილი არ გაგზავნილა.",
            "en": "The mail server {host} did not accept the password of “{user}”. "
            "Nothing was sent.",
        },
        "mail.recipient_refused": {
            "ka": "ფოსტის სერვერმა არ მიიღო მისამართი: {got}. წერილი არ გაგზავნილა.",
            "en": "The mail server refused the address: {got}. Nothing was sent.",
        },
        "mail.refused": {
            "ka": "ფოსტის სერვერმა {host} წერილი არ მიიღო ({detail}). წერილი არ გაგზავნილა.",
            "en": "The mail server {host} did not accept the message ({detail}). Nothing was sent.",
        },
    }
)
FIELD_NAMES.update(
    {
        "file_name": {"ka": "ფაილის სახელი", "en": "File name"},
        "attachment": {"ka": "დანართი", "en": "Attachment"},
        "to": {"ka": "მიმღები", "en": "To"},
        "body": {"ka": "ტექსტი", "en": "Text"},
        "smtp_host": {"ka": "SMTP სერვერი", "en": "SMTP server"},
        "smtp_port": {"ka": "SMTP პორტი", "en": "SMTP port"},
        "smtp_user": {"ka": "SMTP მომხმარებელი", "en": "SMTP user"},
        "smtp_from": {"ka": "გამგზავნის მისამართი", "en": "Sender address"},
    }
)


# The office's letterhead and limits (app.office).
CATALOGUE.update(
    {
        "office.logo_format": {
            "ka": "გერბი ან ლოგო უნდა იყოს PNG ან JPEG ფაილი (არჩეულია „{got}“).",
            "en": "The coat of arms or logo must be a PNG or JPEG file (chosen: “{got}”).",
        },
        "office.logo_missing": {
            "ka": "ლოგოს ფაილი ვერ მოიძებნა: {got}",
            "en": "The logo file was not found: {got}",
        },
        "office.attachment_limit": {
            "ka": "დანართის ზღვარი უნდა იყოს 1-დან {max} მბ-მდე.",
            "en": "The attachment limit must be between 1 and {max} MB.",
        },
    }
)
FIELD_NAMES.update(
    {
        "office_name": {"ka": "დაწესებულების სახელი", "en": "Office name"},
        "logo_path": {"ka": "გერბი / ლოგო", "en": "Coat of arms / logo"},
        "signer_title": {"ka": "ხელმომწერის თანამდებობა", "en": "Signer's title"},
        "signer_name": {"ka": "ხელმომწერი", "en": "Signer"},
        "attachments_max_mb": {"ka": "დანართის ზღვარი", "en": "Attachment limit"},
    }
)


# Routing: resolution, execution, answer (app.workflow, app.routing).
CATALOGUE.update(
    {
        "status.transition": {
            "ka": "სტატუსიდან „{from_}“ „{to}“-ზე გადასვლა დაუშვებელია.",
            "en": "A document cannot go from “{from_}” to “{to}”.",
        },
        "routing.other_department": {
            "ka": "ეს დოკუმენტი სხვა სამსახურისაა: მასზე რეზოლუციას მისი უფროსი დებს.",
            "en": "This document belongs to another department; its head routes it.",
        },
        "routing.not_an_executor": {
            "ka": "{name} ვერ იქნება შემსრულებელი: მისი როლი შესრულებას არ ითვალისწინებს.",
            "en": "{name} cannot execute documents in their role.",
        },
        "routing.executor_required": {
            "ka": "აირჩიეთ შემსრულებელი.",
            "en": "Choose the executor.",
        },
        "routing.main_is_co": {
            "ka": "მთავარი შემსრულებელი თანაშემსრულებლებშიც არ უნდა იყოს მონიშნული.",
            "en": "The main executor cannot also be a co-executor.",
        },
        "routing.already_assigned": {
            "ka": "დოკუმენტს უკვე აქვს რეზოლუცია (სტატუსი: {status}). შემსრულებლის შესაცვლელად "
            "გამოიყენეთ „შემსრულებლის შეცვლა“.",
            "en": "The document already has a resolution (status: {status}). To change the "
            "executor use “Change executor”.",
        },
        "routing.not_assigned": {
            "ka": "ამ სტატუსში ({status}) ეს მოქმედება შეუძლებელია.",
            "en": "Not possible in this status ({status}).",
        },
        "routing.due_before_registration": {
            "ka": "ვადა ვერ იქნება რეგისტრაციის თარიღზე ({date}) ადრე.",
            "en": "The due date cannot be before the registration date ({date}).",
        },
        "routing.due_after_statutory": {
            "ka": "ვადა აღემატება კანონით დადგენილს ({date}): მიუთითეთ საფუძველი.",
            "en": "The due date is after the statutory one ({date}): give the reason.",
        },
        "routing.same_executor": {
            "ka": "{name} უკვე ამ დოკუმენტის შემსრულებელია.",
            "en": "{name} already executes this document.",
        },
        "routing.not_your_task": {
            "ka": "ეს დოკუმენტი თქვენზე არ არის გადაწერილი.",
            "en": "This document is not assigned to you.",
        },
        "routing.not_in_queue": {
            "ka": "დოკუმენტი {number} რიგში აღარ არის: ის უკვე ვიღაცამ აიღო ან განაწილდა.",
            "en": "Document {number} is no longer in the queue: someone took it or it was assigned.",
        },
        "routing.ground_required": {
            "ka": "უარის შემთხვევაში მიუთითეთ სამართლებრივი საფუძველი.",
            "en": "A refusal needs its legal ground.",
        },
        "routing.forward_to_required": {
            "ka": "მიუთითეთ, რომელ ორგანოს გადაეგზავნა.",
            "en": "Say which body it was forwarded to.",
        },
        "routing.answer_incoming_only": {
            "ka": "პასუხი მხოლოდ შემოსულ დოკუმენტზე გაიცემა.",
            "en": "Only an incoming document can be answered.",
        },
        "routing.letter_outgoing_only": {
            "ka": "წერილი იბეჭდება მხოლოდ გასული დოკუმენტისთვის.",
            "en": "A letter is printed only for an outgoing document.",
        },
    }
)
FIELD_NAMES.update(
    {
        "instruction": {"ka": "დავალება", "en": "Instruction"},
        "override_reason": {
            "ka": "ვადის გადაცილების საფუძველი",
            "en": "Reason for a later due date",
        },
        "co_executors": {"ka": "თანაშემსრულებლები", "en": "Co-executors"},
        "executor": {"ka": "შემსრულებელი", "en": "Executor"},
        "ground": {"ka": "უარის საფუძველი", "en": "Ground of refusal"},
        "forward_to": {"ka": "ადრესატი ორგანო", "en": "Forwarded to"},
        "addressee": {"ka": "ადრესატი", "en": "Addressee"},
        "outcome": {"ka": "შედეგი", "en": "Outcome"},
        "due_date": {"ka": "ვადა", "en": "Due date"},
    }
)


# Backup destinations the system refuses (tests/app/test_fuzz.py found them).
CATALOGUE.update(
    {
        "backup.cannot_write": {
            "ka": "სარეზერვო ასლი ვერ ჩაიწერა აქ: {path} ({detail}). აირჩიეთ სხვა საქაღალდე "
            "ან ფაილის სახელი.",
            "en": "The backup could not be written to {path} ({detail}). Choose another folder "
            "or file name.",
        },
    }
)


# An older schema on a server: only an administrator upgrades it (from the window, after
# logging in) or the DBA (kantselaria-cli db upgrade).
CATALOGUE.update(
    {
        "db.schema_old_admin": {
            "ka": "მონაცემთა ბაზის სქემა ძველია ({current}), პროგრამას კი {head} სჭირდება. "
            "სქემას განაახლებს ადმინისტრატორი: გახსენით ეს ბაზა და „განახლება“ დააჭირეთ "
            "ადმინისტრატორის სახელით, ან ბაზის ადმინისტრატორმა გაუშვას "
            "„kantselaria-cli db upgrade“.",
            "en": "The database schema is older ({current}) than the program needs ({head}). "
            "An administrator upgrades it: open this database and press “Upgrade” with an "
            "administrator's login, or the DBA runs “kantselaria-cli db upgrade”.",
        },
    }
)


# kantselaria-cli: the line an error is printed on, in the language of --lang.
CATALOGUE.update(
    {
        "cli.error": {
            "ka": "შეცდომა: {message}",
            "en": "Error: {message}",
        },
        "cli.no_such_user": {
            "ka": "ასეთი მომხმარებელი არ არის: {login}",
            "en": "No such user: {login}",
        },
    }
)


# A calendar change that moved an open document's due date: the History tab's sentence
# (app.calendar_sync.describe). Dates are DD.MM.YYYY; {cause} is one of the calendar.*.
CATALOGUE.update(
    {
        "due.moved": {
            "ka": "ვადა გადაიწია {old}-დან {new}-მდე: {cause}",
            "en": "due date moved from {old} to {new}: {cause}",
        },
        "due.statutory_moved": {
            "ka": "კანონით დადგენილი ვადა გადაიწია {old}-დან {new}-მდე, დოკუმენტის ვადა "
            "({due}) არ შეცვლილა: {cause}",
            "en": "statutory due date moved from {old} to {new}; the document's due date "
            "({due}) stays: {cause}",
        },
        "calendar.day_off_added": {
            "ka": "დაემატა უქმე დღე {day} — {name}{decree}",
            "en": "a day off was added on {day} — {name}{decree}",
        },
        "calendar.day_off_removed": {
            "ka": "{day} ({name}) აღარ არის უქმე დღე{decree}",
            "en": "{day} ({name}) is a working day again{decree}",
        },
        "calendar.days_seeded": {
            "ka": "კალენდარს დაემატა {years} წლის კანონით დადგენილი უქმე დღეები",
            "en": "the public holidays of {years} were added to the calendar",
        },
    }
)

FIELD_NAMES.update(
    {
        "decree_ref": {"ka": "მთავრობის განკარგულება", "en": "Government decree"},
    }
)


# The command line's login, the demo's limits, checkpoints of the audit chain, the clock
# (kantselaria-cli; app.audit, app.demo, app.clock).
CATALOGUE.update(
    {
        "cli.login_required": {
            "ka": "ამ ბრძანებას შესვლა სჭირდება: მიუთითეთ --user LOGIN (ან KANTSELARIA_USER) "
            "და პაროლი (აკრეფით, --password-stdin-ით ან --remember-ით დამახსოვრებული).",
            "en": "This command needs a login: give --user LOGIN (or KANTSELARIA_USER) and the "
            "password (typed, with --password-stdin, or remembered with --remember).",
        },
        "cli.password_required": {
            "ka": "„{login}“-ის პაროლი საჭიროა: აკრიფეთ ტერმინალში, მიაწოდეთ --password-stdin-ით "
            "ან დაიმახსოვრეთ --remember-ით.",
            "en": "The password of “{login}” is needed: type it in a terminal, give it with "
            "--password-stdin, or remember it with --remember.",
        },
        "cli.new_password_required": {
            "ka": "ახალი პაროლი საჭიროა: --new-password-stdin (სტანდარტული შეყვანის შემდეგი "
            "სტრიქონი) ან აკრეფა ტერმინალში.",
            "en": "The new password is needed: --new-password-stdin (the next line of "
            "standard input) or typed in a terminal.",
        },
        "cli.first_admin_needed": {
            "ka": "ამ ბაზაში ჯერ არცერთ ადმინისტრატორს არ აქვს პაროლი. დააყენეთ პროგრამის "
            "პირველ გაშვებისას ან: kantselaria-cli user passwd admin --new-password-stdin",
            "en": "No administrator of this database has a password yet. Set one at the "
            "program's first start, or: kantselaria-cli user passwd admin --new-password-stdin",
        },
        "cli.keyring_unavailable": {
            "ka": "ამ კომპიუტერზე პაროლების საცავი (keyring) არ არის — პაროლი არ დამახსოვრდა.",
            "en": "This computer has no keyring — the password was not remembered.",
        },
        "cli.server_demo_flag": {
            "ka": "სადემონსტრაციო მონაცემები სერვერის ბაზაში მხოლოდ --i-know-this-is-a-server "
            "პარამეტრით და ადმინისტრატორის შესვლით ემატება.",
            "en": "Demo data goes into a server database only with --i-know-this-is-a-server "
            "and an administrator's login.",
        },
        "demo.not_empty": {
            "ka": "ბაზაში უკვე არის დოკუმენტები: სადემონსტრაციო მონაცემები მხოლოდ ცარიელ ბაზაში "
            "(ან წინათ სადემონსტრაციოდ შევსებულში) ემატება.",
            "en": "The database already has documents: demo data goes only into an empty "
            "database (or one the demo filled before).",
        },
        "db.roles_embedded": {
            "ka": "ჩაშენებულ ბაზას როლები არ აქვს: როლები MS SQL-ისა და PostgreSQL-ისთვისაა.",
            "en": "An embedded file has no roles: roles are for MS SQL and PostgreSQL.",
        },
        "audit.checkpoint_unwritable": {
            "ka": "საკონტროლო წერტილი ვერ ჩაიწერა აქ: {path} ({detail}).",
            "en": "The checkpoint could not be written to {path} ({detail}).",
        },
        "audit.checkpoint_unreadable": {
            "ka": "ფაილი {path} არ არის აუდიტის ჟურნალის საკონტროლო წერტილი ან ვერ წაიკითხა.",
            "en": "The file {path} is not an audit checkpoint, or it could not be read.",
        },
        "audit.checkpoint_no_email": {
            "ka": "მომხმარებელს „{login}“ ელ. ფოსტის მისამართი არ აქვს — საკონტროლო წერტილი "
            "ვერ გაიგზავნა.",
            "en": "The user “{login}” has no e-mail address — the checkpoint was not sent.",
        },
        "audit.checkpoint_mismatch": {
            "ka": "აუდიტის ჟურნალი გადაწერილია: ჩანაწერი #{row} აღარ ემთხვევა საკონტროლო "
            "წერტილს ({at}) — ჯაჭვი თავიდან არის გამოთვლილი.",
            "en": "The audit log was rewritten: row #{row} no longer matches the checkpoint "
            "of {at} — the chain was recomputed.",
        },
        "audit.checkpoint_missing": {
            "ka": "აუდიტის ჟურნალი გადაწერილია: საკონტროლო წერტილის ({at}) ჩანაწერი #{row} "
            "აღარ არსებობს.",
            "en": "The audit log was rewritten: the checkpoint's row #{row} (of {at}) is gone.",
        },
        "audit.time_backwards": {
            "ka": "აუდიტის ჩანაწერ #{row}-ის დრო ({at}) წინაზე ({before}) ადრეა — რომელიღაც "
            "კომპიუტერის საათი არასწორი იყო ან ჩანაწერი უკანა თარიღითაა.",
            "en": "Audit row #{row} is stamped {at}, before the row ahead of it ({before}) — "
            "a computer's clock was wrong, or the row is backdated.",
        },
        "audit.time_future": {
            "ka": "აუდიტის ჩანაწერ #{row}-ის დრო ({at}) მომავალშია (ახლა {before}).",
            "en": "Audit row #{row} is stamped {at}, in the future (now {before}).",
        },
        "audit.time_summary": {
            "ka": "ჯაჭვი ხელუხლებელია ({checked} ჩანაწერი), მაგრამ {count} ჩანაწერის დრო "
            "რიგს არღვევს.",
            "en": "The chain is intact ({checked} rows), but {count} rows are out of time order.",
        },
        "clock.skew": {
            "ka": "ამ კომპიუტერის საათი ბაზის სერვერისას {minutes} წუთით {direction}; "
            "პროგრამა სერვერის დროს იყენებს, მაგრამ გაასწორეთ საათი.",
            "en": "This computer's clock is {minutes} minutes {direction} the database "
            "server's; the program uses the server's time, but set the clock right.",
        },
        "clock.ahead": {"ka": "წინ არის", "en": "ahead of"},
        "clock.behind": {"ka": "უკან არის", "en": "behind"},
    }
)
