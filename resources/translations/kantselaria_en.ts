<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="ka_GE">
  <context>
    <name>AnswerDialog</name>
    <message>
      <location filename="../../ui/routing.py" />
      <source>&amp;ადრესატი</source>
      <translation>&amp;Addressee</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>&amp;გადაგზავნილია</source>
      <translation>&amp;Forwarded to</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>&amp;თემა</source>
      <translation>&amp;Subject</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>&amp;შედეგი</source>
      <translation>&amp;Outcome</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>აღდგენილია შეუნახავი პასუხის მონახაზი.</source>
      <translation>An unsaved draft of the answer was restored.</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>მაგ.: სზაკ-ის 28-ე მუხლი (პერსონალური მონაცემები)</source>
      <translation>e.g. GAC Art. 28 (personal data)</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>პასუხი — %1</source>
      <translation>Answer — %1</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>პასუხი: %1</source>
      <translation>Re: %1</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>პასუხის &amp;ტექსტი</source>
      <translation>Answer &amp;text</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>პასუხის რეგისტრაცია</source>
      <translation>Register the answer</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>უარის &amp;საფუძველი</source>
      <translation>&amp;Ground of refusal</translation>
    </message>
  </context>
  <context>
    <name>AttachmentsPanel</name>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>&amp;გახსნა</source>
      <translation>&amp;Open</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>&amp;დამატება…</source>
      <translation>&amp;Add…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>&amp;წაშლა</source>
      <translation>&amp;Delete</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>SHA-256</source>
      <translation>SHA-256</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>ასლის &amp;შენახვა…</source>
      <translation>&amp;Save a copy…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>დამატებულია</source>
      <translation>Added</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>დანართის წაშლა</source>
      <translation>Delete attachment</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>ვინ</source>
      <translation>Who</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>ზომა</source>
      <translation>Size</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>სად შევინახო?</source>
      <translation>Save where?</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>ფაილები შეგიძლიათ აქ გადმოათრიოთ.</source>
      <translation>You can drop files here.</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>ფაილების დამატება</source>
      <translation>Add files</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>ფაილების შენახვა…</source>
      <translation>Storing the files…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>ფაილი</source>
      <translation>File</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>წაიშალოს „%1“? ეს ისტორიაში ჩაიწერება.</source>
      <translation>Delete “%1”? This is written to the history.</translation>
    </message>
  </context>
  <context>
    <name>BackupReminder</name>
    <message>
      <location filename="../../ui/backup.py" />
      <source>ამ ბაზის სარეზერვო ასლი ჯერ არ შექმნილა. ასლი დაიცავს რეესტრს დისკის დაზიანების ან ფაილის შემთხვევით წაშლისგან.</source>
      <translation>This database has never been backed up. A backup protects the registry from a damaged disk or a file deleted by mistake.</translation>
    </message>
    <message>
      <location filename="../../ui/backup.py" />
      <source>ასლის შექ&amp;მნა ახლავე…</source>
      <translation>Back up &amp;now…</translation>
    </message>
    <message>
      <location filename="../../ui/backup.py" />
      <source>ბაზის ასლი (*.sqlite3);;ყველა ფაილი (*)</source>
      <translation>Database copy (*.sqlite3);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../ui/backup.py" />
      <source>ბაზის ბოლო სარეზერვო ასლი შეიქმნა %1 — ერთ კვირაზე მეტი ხნის წინ.</source>
      <translation>The last backup of the database was made on %1 — more than a week ago.</translation>
    </message>
    <message>
      <location filename="../../ui/backup.py" />
      <source>სარეზერვო ასლის შენახვა</source>
      <translation>Save the backup</translation>
    </message>
    <message>
      <location filename="../../ui/backup.py" />
      <source>სარეზერვო ასლის შექმნა…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <location filename="../../ui/backup.py" />
      <source>შეხსენების დახურვა</source>
      <translation>Close the reminder</translation>
    </message>
    <message>
      <location filename="../../ui/backup.py" />
      <source>✔ სარეზერვო ასლი შეინახა: %1</source>
      <translation>✔ Backup saved: %1</translation>
    </message>
  </context>
  <context>
    <name>CalendarDialog</name>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>%1 (%2) ახლა სამუშაო დღეა.</source>
      <translation>%1 (%2) is now a working day.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>%1 (%2) სამუშაო დღე გახდეს? ღია დოკუმენტების ვადები ხელახლა დაითვლება.</source>
      <translation>Make %1 (%2) a working day? Due dates of open documents will be recalculated.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>&amp;წელი</source>
      <translation>&amp;Year</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>განკარგულება</source>
      <translation>Decree</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>და&amp;სახელება</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>დადგენილება</source>
      <translation>Decree</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>დადგენილებით გამოცხადებული დასვენების დღე</source>
      <translation>Day off declared by decree</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>დასახელება</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>დასვენების &amp;დღეები</source>
      <translation>&amp;Days off</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>დასვენების დღე დაემატა: %1 — %2.</source>
      <translation>Day off added: %1 — %2.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>დასვენების დღეების კალენდარი</source>
      <translation>Calendar of days off</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>დასვენების დღის გაუქმება</source>
      <translation>Cancel a day off</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>დასვენების დღის და&amp;მატება</source>
      <translation>&amp;Add a day off</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>დახურვა</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>თა&amp;რიღი</source>
      <translation>Da&amp;te</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>თარიღი</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>კანონი</source>
      <translation>Law</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>კანონით დადგენილი უქმე დღეები კალენდარს თავისით ემატება. მთავრობის განკარგულებით გამოცხადებული დამატებითი დასვენების დღეები კი აქ დაამატეთ, განკარგულების ნომრით — ღია დოკუმენტების ვადები თავისით გადაითვლება.</source>
      <translation>The public holidays set by law are added to the calendar by themselves. Extra days off the Government declares by decree are not: add them here with the decree's number — due dates of open documents are recalculated by themselves.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>მაგ. ახალი წლის დამატებითი დასვენების დღე</source>
      <translation>e.g. Additional New Year day off</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>მაგ. მთავრობის განკარგულება №…, დდ.თთ.წწწწ</source>
      <translation>e.g. Government Decree No. …, DD.MM.YYYY</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>მთავრობის გან&amp;კარგულება</source>
      <translation>&amp;Government decree</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>მონიშნული დღე სამუშაო &amp;გახდეს</source>
      <translation>&amp;Make the selected day a working day</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>ღია დოკუმენტების ვადები არ შეცვლილა.</source>
      <translation>No due dates of open documents changed.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>წყარო</source>
      <translation>Source</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>ხელახლა დაითვალა ღია დოკუმენტების ვადები: %1.</source>
      <translation>Due dates of open documents recalculated: %1.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/calendar.py" />
      <source>… და კიდევ %1</source>
      <translation>… and %1 more</translation>
    </message>
  </context>
  <context>
    <name>CardDialog</name>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source> (კონფიდენციალური)</source>
      <translation> (confidential)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>&amp;დეტალები</source>
      <translation>&amp;Details</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>&amp;ისტორია</source>
      <translation>&amp;History</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>&amp;რეზოლუცია…</source>
      <translation>&amp;Resolution…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ანუ&amp;ლირება…</source>
      <translation>Ca&amp;ncel registration…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ბარათის &amp;ბეჭდვა (Ctrl+P)</source>
      <translation>&amp;Print the card (Ctrl+P)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ბარათის მომზადება…</source>
      <translation>Preparing the card…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>გამგზავნის თარიღი</source>
      <translation>Sender’s date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>გამგზავნის ნომერი</source>
      <translation>Sender’s number</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>დაარეგისტრირა</source>
      <translation>Registered by</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>დანარ&amp;თები</source>
      <translation>A&amp;ttachments</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>დახურვა</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>დოკუმენტი %1</source>
      <translation>Document %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ელ&amp;ფოსტით გაგზავნა…</source>
      <translation>Send by e-&amp;mail…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ვადა</source>
      <translation>Due date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ვადის &amp;გაგრძელება…</source>
      <translation>&amp;Extend the due date…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ვადის &amp;შეჩერება…</source>
      <translation>&amp;Stop the clock…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ვადის გაანგარიშება</source>
      <translation>How the due date was set</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ვადის გან&amp;ახლება…</source>
      <translation>&amp;Resume the clock…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>თარიღი</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>კონტროლზეა</source>
      <translation>Under control</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>კონტროლი</source>
      <translation>Control</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>კორესპონდენტი</source>
      <translation>Correspondent</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>მიღების არხი</source>
      <translation>Channel</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>მოკლე შინაარსი</source>
      <translation>Summary</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ნომერი</source>
      <translation>Number</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>პასუ&amp;ხი…</source>
      <translation>Ans&amp;wer…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>რეზოლუცია</source>
      <translation>Resolution</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>სამსახური</source>
      <translation>Department</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>საქმის და&amp;სრულება…</source>
      <translation>C&amp;lose the case…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>სახე</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>სტატუსი</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ტიპი</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ფურცლები</source>
      <translation>Sheets</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>შედეგი</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>შემსრულებელი</source>
      <translation>Executor</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>შემსრულებლის შე&amp;ცვლა…</source>
      <translation>Change e&amp;xecutor…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>შესრულების და&amp;წყება</source>
      <translation>Start &amp;work</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>შინაარსი</source>
      <translation>Subject</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>წერილის &amp;PDF</source>
      <translation>Letter &amp;PDF</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>წერილის მომზადება…</source>
      <translation>Preparing the letter…</translation>
    </message>
  </context>
  <context>
    <name>ConnectionDialog</name>
    <message>
      <location filename="../../ui/connection.py" />
      <source> წმ</source>
      <translation> s</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;არჩევა…</source>
      <translation>&amp;Browse…</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;ბაზა</source>
      <translation>D&amp;atabase</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;გამოყენება</source>
      <translation>&amp;Open</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;კავშირები</source>
      <translation>&amp;Connections</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;მომხმარებელი</source>
      <translation>&amp;User name</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;პორტი</source>
      <translation>&amp;Port</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;სახელი</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;ტიპი</source>
      <translation>&amp;Type</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;ფაილი</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;შემოწმება</source>
      <translation>Chec&amp;k</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;წაშლა</source>
      <translation>&amp;Delete</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>(აქტიური)</source>
      <translation>(active)</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>Microsoft SQL Server</source>
      <translation>Microsoft SQL Server</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ODBC დრა&amp;ივერი</source>
      <translation>ODBC dr&amp;iver</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>PostgreSQL</source>
      <translation>PostgreSQL</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>SQL Server-ის ავტორიზაცია (მომხმარებელი და პაროლი)</source>
      <translation>SQL Server authentication (user name and password)</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>SQLite ბაზა (*.sqlite3 *.sqlite *.db);;ყველა ფაილი (*)</source>
      <translation>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>Windows-ის ავტორიზაცია (ინტეგრირებული)</source>
      <translation>Windows authentication (integrated)</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ა&amp;ხალი</source>
      <translation>Ne&amp;w</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ავტორი&amp;ზაცია</source>
      <translation>Aut&amp;hentication</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ამ კომპიუტერზე SQL Server-ის ODBC დრაივერი არ არის. დააყენეთ Microsoft ODBC Driver 18 for SQL Server.</source>
      <translation>This computer has no ODBC driver for SQL Server. Install Microsoft ODBC Driver 18 for SQL Server.</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ამ კომპიუტერზე პაროლების საცავი (keyring) არ არის: პაროლი არ შეინახება და პროგრამა მას ყოველ გახსნაზე გკითხავთ.</source>
      <translation>This computer has no password store (keyring): the password will not be saved and the program will ask for it every time it opens.</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>აქტიურ კავშირს ვერ წაშლით — ჯერ სხვა გამოიყენეთ.</source>
      <translation>The active connection cannot be deleted — open another one first.</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ახალი კავშირი</source>
      <translation>New connection</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ახალი კავშირი (შეუნახავი)</source>
      <translation>New connection (not saved)</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ახლა გახსნილია: </source>
      <translation>Open now: </translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ბაზა არ არის გახსნილი.</source>
      <translation>No database is open.</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ბაზა ცარიელია — პროგრამის ცხრილები ჯერ არ შექმნილა.</source>
      <translation>The database is empty — the program’s tables have not been created yet.</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ბაზის სქემა აქტუალურია ({rev}).</source>
      <translation>The database schema is up to date ({rev}).</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ბაზის სქემის განახლება…</source>
      <translation>Upgrading the database schema…</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ბაზის ფაილი</source>
      <translation>Database file</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>დახურვა</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ეს მოძველებული დრაივერია: ქართული ტექსტი და კავშირის დაშიფვრა მასში ბოლომდე არ მუშაობს. დააყენეთ და აირჩიეთ Microsoft ODBC Driver 18 for SQL Server.</source>
      <translation>This is a legacy driver: Georgian text and connection encryption do not fully work with it. Install and choose Microsoft ODBC Driver 18 for SQL Server.</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ის ახლა აქტიური კავშირია.</source>
      <translation>It is now the active connection.</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>კავშირი „{name}“ შენახულია.</source>
      <translation>Connection “{name}” saved.</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>კავშირის &amp;დაშიფვრა (Encrypt)</source>
      <translation>&amp;Encrypt the connection (Encrypt)</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>კავშირის პარამეტრები</source>
      <translation>Connection settings</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>კავშირის შემოწმება…</source>
      <translation>Checking the connection…</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>კავშირის წაშლა</source>
      <translation>Delete connection</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ლოდინის დრ&amp;ო</source>
      <translation>Ti&amp;meout</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>მიმდინარეობს შემოწმება…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>მონაცემთა ბაზასთან კავშირი</source>
      <translation>Database connection</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ნაგულისხმევი (dbo / public)</source>
      <translation>default (dbo / public)</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>პარო&amp;ლი</source>
      <translation>Passwo&amp;rd</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>პაროლი არ შეინახა (პაროლების საცავი არ არის) — პროგრამა მას ყოველ გახსნაზე გკითხავთ.</source>
      <translation>The password was not saved (no password store) — the program will ask for it every time it opens.</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>პაროლი შეინახება ოპერაციული სისტემის პაროლების საცავში (keyring) — არასოდეს ფაილში ან ჟურნალში.</source>
      <translation>The password is kept in the operating system’s password store (keyring) — never in a file or a log.</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>პაროლი შენახულია პაროლების საცავში.</source>
      <translation>The password is saved in the password store.</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>სერ&amp;ვერი</source>
      <translation>Ser&amp;ver</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>სერვერი\ინსტანცია ან ჰოსტი,პორტი — მაგ. DB01\SQLEXPRESS</source>
      <translation>server\instance or host,port — e.g. DB01\SQLEXPRESS</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>სერვერის სე&amp;რტიფიკატის ნდობა (TrustServerCertificate)</source>
      <translation>Trust the server certificate (TrustServerCertificate)</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>სქ&amp;ემა</source>
      <translation>Sche&amp;ma</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>სქემის შე&amp;ქმნა / განახლება</source>
      <translation>Create / up&amp;grade the schema</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>შე&amp;ნახვა</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>შეინახავს კავშირს, გახდის მას აქტიურად და გახსნის მის ბაზას</source>
      <translation>Saves the connection, makes it the active one and opens its database</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>შემოწმება გაუქმდა.</source>
      <translation>Check cancelled.</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>შენახულია — დატოვეთ ცარიელი, რომ არ შეიცვალოს</source>
      <translation>saved — leave empty to keep it</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ჩაშენებული ბაზა (ფაილი ამ კომპიუტერზე)</source>
      <translation>Embedded database (a file on this computer)</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ძველი დრაივერი — არ გამოიყენოთ</source>
      <translation>Legacy driver — do not use</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>წავშალო კავშირი „{name}“? ბაზა თავად არ წაიშლება.</source>
      <translation>Delete the connection “{name}”? The database itself will not be deleted.</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ჰოსტი, მაგ. db.meria.local</source>
      <translation>host, e.g. db.meria.local</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>✔ ბაზის სქემა შექმნილია / განახლებულია ({rev}).</source>
      <translation>✔ The database schema is created / upgraded ({rev}).</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>✔ კავშირი დამყარდა ({seconds} წმ).</source>
      <translation>✔ Connected ({seconds} s).</translation>
    </message>
  </context>
  <context>
    <name>CorrespondentsDialog</name>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>#%1 · დოკუმენტები: %2</source>
      <translation>#%1 · documents: %2</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>%1–%2 / %3</source>
      <translation>%1–%2 of %3</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>&amp;მისამართი</source>
      <translation>&amp;Address</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>&amp;პირადი ნომერი</source>
      <translation>&amp;Personal number</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>&amp;ცნობარი</source>
      <translation>&amp;Directory</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>&amp;ძებნა</source>
      <translation>Sea&amp;rch</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>&amp;ჯგუფები (მონიშნეთ დასატოვებელი ჩანაწერი; მოხსენით ნიშანი მათ, ვინც სხვა პირია):</source>
      <translation>&amp;Groups (select the record to keep; untick those who are a different person):</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>11 ციფრი</source>
      <translation>11 digits</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>9 ციფრი</source>
      <translation>9 digits</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>ა&amp;ხალი</source>
      <translation>Ne&amp;w</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>აერთიანებს მხოლოდ ადმინისტრატორი.</source>
      <translation>Only the administrator can merge records.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>ამ ჩანაწერის დუ&amp;ბლიკატები</source>
      <translation>Dupli&amp;cates of this record</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>ახალი კორესპონდენტი</source>
      <translation>New correspondent</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>გაერთიანდა: დარჩა #%1 %2; წაიშალა %3 ჩანაწერი; გადავიდა %4 დოკუმენტი.</source>
      <translation>Merged: kept #%1 %2; %3 record(s) deleted; %4 document(s) moved.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>და&amp;სახელება</source>
      <translation>&amp;Name</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>დარჩება: #%1 %2.
შეუერთდება და წაიშლება (ფრჩხილებში — დოკუმენტები):
%3

მათი დოკუმენტები გადავა დარჩენილ ჩანაწერზე. გავაგრძელოთ?</source>
      <translation>Kept: #%1 %2.
Merged into it and deleted (documents in brackets):
%3

Their documents will move to the record kept. Continue?</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>დასახელება</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>დასახელება / სახელი, გვარი</source>
      <translation>Organisation name / full name</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>დახურვა</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>დოკუმენტები</source>
      <translation>Documents</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>ელ. ფ&amp;ოსტა</source>
      <translation>&amp;E-mail</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>ვერაფერი მოიძებნა</source>
      <translation>Nothing found</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>იგივე პირადი ნომერი</source>
      <translation>Same personal number</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>იგივე საიდენტიფიკაციო კოდი</source>
      <translation>Same identification code</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>კორესპონდენტები</source>
      <translation>Correspondents</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>კორესპონდენტების გაერთიანება</source>
      <translation>Merge correspondents</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>კორესპონდენტის მონაცემები</source>
      <translation>Correspondent details</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>მთელი ცნობარი: %1 ჯგუფი.</source>
      <translation>Whole directory: %1 group(s).</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>მთელი ცნობარის &amp;შემოწმება</source>
      <translation>Check the &amp;whole directory</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>მისამართი</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>მონიშნული დარჩეს, დანარჩენი შე&amp;უერთდეს</source>
      <translation>Keep the selected one, &amp;merge the rest into it</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>მსგავსი დასახელება</source>
      <translation>Similar name</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>ორგანიზაცია</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>პირადი ნომერი</source>
      <translation>Personal number</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>ს&amp;ახე</source>
      <translation>T&amp;ype</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>საიდ. კოდი</source>
      <translation>ID code</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>საიდენტ. &amp;კოდი</source>
      <translation>Identification c&amp;ode</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>სახე</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>სახელი, პირადი ნომერი ან საიდენტიფიკაციო კოდი</source>
      <translation>Name, personal number or identification code</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>ტელე&amp;ფონი</source>
      <translation>P&amp;hone</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>ტელეფონი</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>ფიზიკური პირი</source>
      <translation>Individual</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>შე&amp;ნახვა</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>შემდე&amp;გი ▶</source>
      <translation>Ne&amp;xt ▶</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>შენახულია: %1</source>
      <translation>Saved: %1</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>შესაძლო დუბ&amp;ლიკატები</source>
      <translation>Possible dup&amp;licates</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>ჩანაწერის #%1 შესაძლო დუბლიკატები: %2 ჯგუფი.</source>
      <translation>Possible duplicates of record #%1: %2 group(s).</translation>
    </message>
    <message>
      <location filename="../../ui/admin/correspondents.py" />
      <source>◀ &amp;წინა</source>
      <translation>◀ Pre&amp;vious</translation>
    </message>
  </context>
  <context>
    <name>DashboardView</name>
    <message>
      <location filename="../../ui/dashboard.py" />
      <source>3 სამუშაო
დღეში</source>
      <translation>Due in 3
working days</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" />
      <source>ვადა დღეს</source>
      <translation>Due today</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" />
      <source>ვადა-
გადაცილებული</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" />
      <source>რიცხვზე დაწკაპუნება ან Enter ხსნის შესაბამის სიას.</source>
      <translation>Click a number or press Enter to open the matching list.</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" />
      <source>სულ</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" />
      <source>შემოსული
ამ თვეში</source>
      <translation>Received
this month</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" />
      <source>შემოსული
ამ კვირაში</source>
      <translation>Received
this week</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" />
      <source>შემოსული კორესპონდენცია — %1</source>
      <translation>Incoming correspondence — %1</translation>
    </message>
  </context>
  <context>
    <name>DeadlineRulesDialog</name>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>&amp;გაგრძელების მაქსიმუმი (დღე)</source>
      <translation>Maximum e&amp;xtension (days)</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>&amp;ერთეული</source>
      <translation>&amp;Unit</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>&amp;შენახვა</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>არ გადაიტანება</source>
      <translation>Not moved</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>გაგრძელება (დღე)</source>
      <translation>Extension (days)</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>დასვენების დღეზე</source>
      <translation>On a day off</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>დახურვა</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>დოკუმენტის &amp;ტიპები</source>
      <translation>Document &amp;types</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>დოკუმენტის ტიპი</source>
      <translation>Document type</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>დღე</source>
      <translation>days</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>ერთეული</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>ვადა არ აქვს (რეზოლუციით)</source>
      <translation>No deadline (set by resolution)</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>ვადების წესები</source>
      <translation>Deadline rules</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>თვე</source>
      <translation>months</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>თუ ბოლო დღე &amp;დასვენებისაა</source>
      <translation>If the last day is a &amp;day off</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>კალენდარული დღე</source>
      <translation>calendar days</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>მაგ. სზაკ, მუხ. 40</source>
      <translation>e.g. GAC, Art. 40</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>მომდევნო სამუშაო დღეზე</source>
      <translation>To the next working day</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>სამართლებრივი &amp;საფუძველი</source>
      <translation>Legal &amp;basis</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>სამუშაო დღე</source>
      <translation>working days</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>საფუძველი</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>შენახულია: %1. ახალი წესი ახალ რეგისტრაციებზე ვრცელდება.</source>
      <translation>Saved: %1. The new rule applies to new registrations.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>წინა სამუშაო დღეზე</source>
      <translation>To the previous working day</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>ხანგრძლი&amp;ვობა</source>
      <translation>&amp;Length</translation>
    </message>
    <message>
      <location filename="../../ui/admin/deadlines.py" />
      <source>ხანგრძლივობა</source>
      <translation>Length</translation>
    </message>
  </context>
  <context>
    <name>DepartmentsDialog</name>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>&amp;დასახელება</source>
      <translation>Na&amp;me</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>&amp;კოდი</source>
      <translation>&amp;Code</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>არა</source>
      <translation>No</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>აქ&amp;ტიური</source>
      <translation>&amp;Active</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>აქტიური</source>
      <translation>Active</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>დასახელება</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>დასახელება &amp;ინგლისურად</source>
      <translation>Name in &amp;English</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>დასახელება ინგლისურად</source>
      <translation>Name in English</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>დიახ</source>
      <translation>Yes</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>თანამშრომლები</source>
      <translation>Staff</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>კოდი</source>
      <translation>Code</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>სამსახურები</source>
      <translation>Departments</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>შენახულია: %1</source>
      <translation>Saved: %1</translation>
    </message>
  </context>
  <context>
    <name>DocumentActions</name>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>გაუქმება</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>ExtendDialog</name>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>&amp;მიზეზი</source>
      <translation>&amp;Reason</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>ამ დოკუმენტის ვადა არ გაგრძელდება.</source>
      <translation>The due date of this document cannot be extended.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>არ აქვს</source>
      <translation>none</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>ახალი &amp;ვადა</source>
      <translation>New &amp;due date</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>დოკუმენტი %1 · ვადა: %2</source>
      <translation>Document %1 · due date: %2</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>ვადის &amp;გაგრძელება</source>
      <translation>&amp;Extend the due date</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>ვადის გაგრძელება</source>
      <translation>Extend the due date</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>კანონით ვადა %1; გაგრძელება შეიძლება მაქსიმუმ %2 დღით — არაუგვიანეს %3.</source>
      <translation>Statutory due date %1; it can be extended by at most %2 days — to %3 at the latest.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>წინა გაგრძელებები:</source>
      <translation>Earlier extensions:</translation>
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <location filename="../../ui/registry/filters.py" />
      <source> სამ. დღე</source>
      <translation> working days</translation>
    </message>
    <message>
      <location filename="../../ui/registry/filters.py" />
      <source>&amp;კონტროლზე</source>
      <translation>Under &amp;control</translation>
    </message>
    <message>
      <location filename="../../ui/registry/filters.py" />
      <source>ვადა &amp;ახლოვდება:</source>
      <translation>Due &amp;within:</translation>
    </message>
    <message>
      <location filename="../../ui/registry/filters.py" />
      <source>ვადაგადა&amp;ცილებული</source>
      <translation>&amp;Overdue</translation>
    </message>
    <message>
      <location filename="../../ui/registry/filters.py" />
      <source>ფილტრი:</source>
      <translation>Filter:</translation>
    </message>
    <message>
      <location filename="../../ui/registry/filters.py" />
      <source>ფილტრის &amp;შენახვა…</source>
      <translation>Sa&amp;ve filter…</translation>
    </message>
    <message>
      <location filename="../../ui/registry/filters.py" />
      <source>ღია</source>
      <translation>Open</translation>
    </message>
    <message>
      <location filename="../../ui/registry/filters.py" />
      <source>ყველა არხი</source>
      <translation>All channels</translation>
    </message>
    <message>
      <location filename="../../ui/registry/filters.py" />
      <source>ყველა სამსახური</source>
      <translation>All departments</translation>
    </message>
    <message>
      <location filename="../../ui/registry/filters.py" />
      <source>ყველა სტატუსი</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <location filename="../../ui/registry/filters.py" />
      <source>ყველა ტიპი</source>
      <translation>All types</translation>
    </message>
    <message>
      <location filename="../../ui/registry/filters.py" />
      <source>შენახული ფილტრები…</source>
      <translation>Saved filters…</translation>
    </message>
  </context>
  <context>
    <name>FirstAdminDialog</name>
    <message>
      <location filename="../../ui/login.py" />
      <source>&amp;მომხმარებელი:</source>
      <translation>&amp;User name:</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>&amp;პაროლი:</source>
      <translation>&amp;Password:</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>ადმინისტრატორი</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>გაუქმება</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>ეს ბაზა ახალია. შექმენით ადმინისტრატორის ანგარიში: ის დაამატებს თანამშრომლებს, სამსახურებს და მათ როლებს.</source>
      <translation>This database is new. Create the administrator account: the administrator adds the staff, the departments and their roles.</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>კანცელარია — პირველი გაშვება</source>
      <translation>Kantselaria — first start</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>პაროლი &amp;კიდევ ერთხელ:</source>
      <translation>Password &amp;again:</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>სახელი და &amp;გვარი:</source>
      <translation>Full &amp;name:</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>შექმნა</source>
      <translation>Create</translation>
    </message>
  </context>
  <context>
    <name>HistoryPanel</name>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>გახდა</source>
      <translation>New value</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>დრო</source>
      <translation>Time</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>ველი</source>
      <translation>Field</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>ვინ</source>
      <translation>Who</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>იყო</source>
      <translation>Old value</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/history.py" />
      <source>მოქმედება</source>
      <translation>Action</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="../../ui/importing.py" />
      <source> (ფაილში დაახლოებით {total})</source>
      <translation> (about {total} in the file)</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>&amp;არჩევა…</source>
      <translation>&amp;Browse…</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>&amp;გადახედვა</source>
      <translation>Pre&amp;view</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>&amp;გადახედვა: პირველი {shown} სტრიქონი</source>
      <translation>Pre&amp;view: first {shown} rows</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>&amp;იმპორტი</source>
      <translation>&amp;Import</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>&amp;მონაცემები იწყება</source>
      <translation>&amp;Data start at row</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>&amp;ფაილი</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>&amp;შემოწმება (ჩაწერის გარეშე)</source>
      <translation>&amp;Check (without writing)</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>-შეცდომები.xlsx</source>
      <translation>-errors.xlsx</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>0 — ფაილს სათაურების სტრიქონი არ აქვს</source>
      <translation>0 — the file has no header row</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>; შეცდომით: {bad}</source>
      <translation>; with errors: {bad}</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>Excel-ის სამუშაო წიგნი (*.xlsx *.xlsm);;ყველა ფაილი (*)</source>
      <translation>Excel workbook (*.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>Excel-ის სამუშაო წიგნი (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>აირჩიეთ .xlsx ფაილი</source>
      <translation>Choose an .xlsx file</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>დახურვა</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>ველი</source>
      <translation>Field</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>იმპორტი გაუქმდა. უკვე ჩაწერილი ნაწილები დარჩა; ფაილის ხელახალი იმპორტი დაამატებს დანარჩენს (ორჯერ არაფერი შემოვა).</source>
      <translation>Import cancelled. The parts already written stay; importing the file again adds the rest (nothing is imported twice).</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>მაგალითი</source>
      <translation>Example</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>მიზეზი</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>მნიშვნელობა</source>
      <translation>Value</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>ნაგულისხმევი &amp;ტიპი</source>
      <translation>Default t&amp;ype</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>პარამეტრები</source>
      <translation>Options</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>ჟურნალის &amp;სახე</source>
      <translation>&amp;Journal</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>ჟურნალის იმპორტი მხოლოდ ადმინისტრატორს შეუძლია.</source>
      <translation>Only the administrator can import a journal.</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>ჟურნალის იმპორტი…</source>
      <translation>Importing the journal…</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>ჟურნალის ფაილი</source>
      <translation>Journal file</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>ჟურნალის შემოწმება…</source>
      <translation>Checking the journal…</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>სათაურების სტ&amp;რიქონი</source>
      <translation>Header &amp;row</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>სათაური ფაილში</source>
      <translation>Header in the file</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>სვეტები სათაურების მიხედვით ამოვიცანი — გადაამოწმეთ და საჭიროებისამებრ შეცვალეთ.</source>
      <translation>Columns were recognised by their headers — check them and change where needed.</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>სვეტების შესაბამისობა (* — სავალდებულო)</source>
      <translation>Column mapping (* — required)</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>სვეტი</source>
      <translation>Column</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>სტრ.</source>
      <translation>Row</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>სტრიქონებისთვის, რომლებსაც ტიპის სვეტი არ აქვთ</source>
      <translation>for rows without a type column</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>სტრიქონი</source>
      <translation>Row</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>ფაილის წაკითხვა…</source>
      <translation>Reading the file…</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>ფურ&amp;ცელი</source>
      <translation>S&amp;heet</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>შემოწმება გაუქმდა — არაფერი ჩაწერილა.</source>
      <translation>Check cancelled — nothing was written.</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>შეცდომები</source>
      <translation>Errors</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>შეცდომები: {count} (სტრიქონი, სვეტი, მიზეზი — ქვემოთ). გაასწორეთ ფაილი და შემოიტანეთ ხელახლა: უკვე შემოტანილი სტრიქონები არ გაორმაგდება.</source>
      <translation>Errors: {count} (row, column, reason — below). Correct the file and import it again: rows already imported will not be duplicated.</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>შეცდომების ანგარიში შენახულია: {path}</source>
      <translation>Error report saved: {path}</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>შეცდომების ანგარიშის შე&amp;ნახვა…</source>
      <translation>&amp;Save the error report…</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>შეცდომების ანგარიშის შენახვა</source>
      <translation>Save the error report</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>ძველი ჟურნალის იმპორტი (Excel)</source>
      <translation>Import an old journal (Excel)</translation>
    </message>
    <message>
      <location filename="../../ui/importing.py" />
      <source>— არ შემოვიტანო —</source>
      <translation>— do not import —</translation>
    </message>
  </context>
  <context>
    <name>LinksPanel</name>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>&amp;ეს დოკუმენტი</source>
      <translation>Th&amp;is document</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>&amp;ნომერი</source>
      <translation>Nu&amp;mber</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>და&amp;კავშირება</source>
      <translation>Lin&amp;k</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>დაკავშირებული დოკუმენ&amp;ტები</source>
      <translation>Linked doc&amp;uments</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>თარიღი</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>კავშირი</source>
      <translation>Link</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>კავშირის &amp;წაშლა</source>
      <translation>Remo&amp;ve link</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>კავშირის წაშლა</source>
      <translation>Delete connection</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>ნომერი</source>
      <translation>Number</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>რეგისტრაციის ნომერი, მაგ. შ-12/2026</source>
      <translation>Registration number, e.g. შ-12/2026</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>სტატუსი</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>შინაარსი</source>
      <translation>Subject</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>წაიშალოს კავშირი „%1“ დოკუმენტთან %2?</source>
      <translation>Remove the link “%1” to document %2?</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <location filename="../../ui/login.py" />
      <source>&amp;მომხმარებელი:</source>
      <translation>&amp;User name:</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>&amp;პაროლი:</source>
      <translation>&amp;Password:</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>გაუქმება</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>კანცელარია — შესვლა</source>
      <translation>Kantselaria — log in</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>სადემონსტრაციო ბაზა: მომხმარებლები %1, პაროლი „demo“.</source>
      <translation>Demo database: users %1, password “demo”.</translation>
    </message>
    <message>
      <location filename="../../ui/login.py" />
      <source>შესვლა</source>
      <translation>Log in</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" />
      <source> (ნაჩვენებია პირველი)</source>
      <translation> (first ones shown)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>%1 ვადაგადაცილებული</source>
      <translation>%1 overdue</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>&amp;ადმინისტრირება</source>
      <translation>&amp;Administration</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>&amp;ბლანკი და ელფოსტა…</source>
      <translation>&amp;Letterhead and e-mail…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>&amp;გახსნა</source>
      <translation>&amp;Open</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>&amp;დოკუმენტი</source>
      <translation>&amp;Document</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>&amp;ვადების წესები…</source>
      <translation>&amp;Deadline rules…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>&amp;თანამშრომლები…</source>
      <translation>&amp;Staff…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>&amp;კორესპონდენტები…</source>
      <translation>&amp;Correspondents…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>&amp;რეგისტრაცია</source>
      <translation>&amp;Register</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>&amp;ცნობარები</source>
      <translation>Di&amp;rectories</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>ა&amp;ნგარიშები</source>
      <translation>Re&amp;ports</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>ანგარიშის &amp;შექმნა…</source>
      <translation>&amp;Create a report…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>ახალი დოკუმენტის რეგისტრაცია (Ctrl+N)</source>
      <translation>Register a new document (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>გა&amp;ნახლება</source>
      <translation>Re&amp;fresh</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>გა&amp;სვლა</source>
      <translation>E&amp;xit</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>დარეგისტრირდა: %1</source>
      <translation>Registered: %1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>დასვენების დღეების &amp;კალენდარი…</source>
      <translation>Days-off &amp;calendar…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>დოკუმენტები: %1</source>
      <translation>Documents: %1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>ინსტრუმენტები</source>
      <translation>Tools</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <location filename="../../ui/main.py" />
      <source>კანცელარია</source>
      <translation>Kantselaria</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>მიმოხილვა</source>
      <translation>Overview</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>მომხმარებელი: %1 (%2)</source>
      <translation>User: %1 (%2)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>მომხმარებლის &amp;შეცვლა…</source>
      <translation>Switch &amp;user…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>მონაცემთა ბაზა: %1</source>
      <translation>Database: %1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>მონაცემთა ბაზასთან &amp;კავშირი…</source>
      <translation>Database &amp;connection…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>მონიშნული დოკუმენტის ბარათი (Enter)</source>
      <translation>Card of the selected document (Enter)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>ნაპოვნია: %1</source>
      <translation>Found: %1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>ნომრის &amp;შაბლონები…</source>
      <translation>Number &amp;templates…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>პარამეტრები (&amp;ენა)…</source>
      <translation>Se&amp;ttings (language)…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>სამსა&amp;ხურები…</source>
      <translation>De&amp;partments…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>ფილტრის სახელი:</source>
      <translation>Filter name:</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>ფილტრის შენახვა</source>
      <translation>Save filter</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>ჩემი დავალებები</source>
      <translation>My tasks</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>ძებნა: ნომერი, კორესპონდენტი, შინაარსი (Ctrl+F)</source>
      <translation>Search: number, correspondent, subject (Ctrl+F)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" />
      <source>ძველი ჟურნალის &amp;იმპორტი (Excel)…</source>
      <translation>&amp;Import an old journal (Excel)…</translation>
    </message>
  </context>
  <context>
    <name>OfficeDialog</name>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source> მბ</source>
      <translation> MB</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>SMTP სერვერი</source>
      <translation>SMTP server</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>არჩევა…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>ბლანკი</source>
      <translation>Letterhead</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>ბლანკი და ელფოსტა</source>
      <translation>Letterhead and e-mail</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>გამგზავნის მისამართი</source>
      <translation>Sender address</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>გერბი / ლოგო</source>
      <translation>Coat of arms / logo</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>გერბი / ლოგო (PNG, JPEG)</source>
      <translation>Coat of arms / logo (PNG, JPEG)</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>დანართის ზღვარი</source>
      <translation>Attachment limit</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>დაშიფრული კავშირი (STARTTLS)</source>
      <translation>Encrypted connection (STARTTLS)</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>დაწესებულება</source>
      <translation>Office</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>დახურვა</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>ელფოსტა</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>ელფოსტის სერვერი</source>
      <translation>Mail server</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>მისამართი</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>მომხმარებელი</source>
      <translation>User name</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>პორტი</source>
      <translation>Port</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>ტელეფონი</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>შენახვა</source>
      <translation>Save</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>შენახულია.</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>ხელმომწერი</source>
      <translation>Signer</translation>
    </message>
    <message>
      <location filename="../../ui/admin/office.py" />
      <source>ხელმომწერის თანამდებობა</source>
      <translation>Signer's title</translation>
    </message>
  </context>
  <context>
    <name>Opener</name>
    <message>
      <location filename="../../ui/main.py" />
      <source>მონაცემთა ბაზის გახსნა…</source>
      <translation>Opening the database…</translation>
    </message>
  </context>
  <context>
    <name>PasswordDialog</name>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;დამახსოვრება ამ კომპიუტერის პაროლების საცავში</source>
      <translation>&amp;Remember in this computer’s password store</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;პაროლი</source>
      <translation>&amp;Password</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;შესვლა</source>
      <translation>&amp;Log in</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>გაუქმება</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>პაროლი</source>
      <translation>Password</translation>
    </message>
  </context>
  <context>
    <name>ReasonDialog</name>
    <message>
      <location filename="../../ui/routing.py" />
      <source>&amp;მიზეზი</source>
      <translation>&amp;Reason</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>&amp;შენიშვნა</source>
      <translation>&amp;Note</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>ანულირება</source>
      <translation>Cancel registration</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>დასრულება</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>დასრულებული დოკუმენტი აღარ ჩანს ღია დავალებებში.</source>
      <translation>A closed document no longer appears among open tasks.</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>ნომერი არ გამოიყენება ხელახლა: ანულირებული დოკუმენტი ჟურნალში რჩება.</source>
      <translation>The number is never reused: a cancelled document stays in the journal.</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>რეგისტრაციის ანულირება — %1</source>
      <translation>Cancel registration — %1</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>საქმის დასრულება — %1</source>
      <translation>Close the case — %1</translation>
    </message>
  </context>
  <context>
    <name>RegisteredNotice</name>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ბარათის &amp;ბეჭდვა (Ctrl+P)</source>
      <translation>&amp;Print the card (Ctrl+P)</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>ბარათის მომზადება…</source>
      <translation>Preparing the card…</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>დახურვა</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>დოკუმენტი დარეგისტრირდა</source>
      <translation>Document registered</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>რეგისტრაციის თარიღი: %1</source>
      <translation>Registration date: %1</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>სარეგისტრაციო ნომერი:</source>
      <translation>Registration number:</translation>
    </message>
    <message>
      <location filename="../../ui/dialogs/card.py" />
      <source>შესრულების ვადა: %1</source>
      <translation>Due date: %1</translation>
    </message>
  </context>
  <context>
    <name>RegistrationDialog</name>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>&amp;კორესპონდენტი</source>
      <translation>&amp;Correspondent</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>&amp;მისამართი</source>
      <translation>&amp;Address</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>&amp;პირადი ნომერი</source>
      <translation>&amp;Personal number</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>&amp;სახე</source>
      <translation>&amp;Kind</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>&amp;შინაარსი</source>
      <translation>Su&amp;bject</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>11 ციფრი</source>
      <translation>11 digits</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>9 ციფრი</source>
      <translation>9 digits</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>ამ კორესპონდენტს უკვე აქვს იგივე ტიპის ღია ან ბოლო 30 დღის დოკუმენტი: %1</source>
      <translation>This correspondent already has an open or recent (last 30 days) document of the same type: %1</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>აღდგენილია შეუნახავი მონახაზი — შეამოწმეთ და დაარეგისტრირეთ.</source>
      <translation>An unsaved draft was restored — check it and register.</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>გამგზავნის &amp;ნომერი</source>
      <translation>Sender’s n&amp;umber</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>გამგზავნის თარი&amp;ღი</source>
      <translation>&amp;Sender’s date</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>გაუქმება</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>დაკავშირდეს, როგორც &amp;განმეორებითი წერილი</source>
      <translation>Link as a re&amp;peated letter</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>დდ.თთ.წწწწ</source>
      <translation>dd.mm.yyyy</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>დოკუმენტის &amp;ტიპი</source>
      <translation>Document t&amp;ype</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>დოკუმენტის რეგისტრაცია</source>
      <translation>Register a document</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>ელ. ფ&amp;ოსტა</source>
      <translation>&amp;E-mail</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>ელფოსტით მიღებული წერილი? ჩააგდეთ .eml ფაილი ფორმაზე.</source>
      <translation>Received by e-mail? Drop the .eml file on the form.</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>ელფოსტის ფაილი (.eml)…</source>
      <translation>E-mail file (.eml)…</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>ელფოსტის წერილი</source>
      <translation>E-mail message</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>ელფოსტის წერილი (*.eml)</source>
      <translation>E-mail message (*.eml)</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>კონფიდენ&amp;ციალური</source>
      <translation>Con&amp;fidential</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>მიღების &amp;არხი</source>
      <translation>Channe&amp;l</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>მოკლე შინაარსი</source>
      <translation>Summary</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>მონახაზის &amp;გასუფთავება</source>
      <translation>C&amp;lear the draft</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>რეგისტრაცია</source>
      <translation>Register</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>რეგისტრაციის &amp;თარიღი</source>
      <translation>Registration &amp;date</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>რეგისტრაციისას დოკუმენტს დაერთვება ფაილები (%1): </source>
      <translation>Files attached on registration (%1): </translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>საიდენტ. კო&amp;დი</source>
      <translation>Identification c&amp;ode</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>სამსა&amp;ხური</source>
      <translation>Depart&amp;ment</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>სახელი და გვარი ან ორგანიზაცია</source>
      <translation>Full name or organisation</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>ტელე&amp;ფონი</source>
      <translation>P&amp;hone</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>ფაილების მოხსნა</source>
      <translation>Remove the files</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>ფურც&amp;ლები</source>
      <translation>Shee&amp;ts</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>შენახვა ვერ მოხერხდა; შეყვანილი მონაცემები ფორმაში დარჩა.</source>
      <translation>Could not save; what you entered is still in the form.</translation>
    </message>
    <message>
      <location filename="../../ui/forms/registration.py" />
      <source>— არ არის მითითებული —</source>
      <translation>— not specified —</translation>
    </message>
  </context>
  <context>
    <name>RegistryModel</name>
    <message>
      <location filename="../../ui/registry/model.py" />
      <source> (კონფ.)</source>
      <translation> (conf.)</translation>
    </message>
    <message>
      <location filename="../../ui/registry/model.py" />
      <source>ვადა</source>
      <translation>Due date</translation>
    </message>
    <message>
      <location filename="../../ui/registry/model.py" />
      <source>თარიღი</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../ui/registry/model.py" />
      <source>კორესპონდენტი</source>
      <translation>Correspondent</translation>
    </message>
    <message>
      <location filename="../../ui/registry/model.py" />
      <source>სამსახური</source>
      <translation>Department</translation>
    </message>
    <message>
      <location filename="../../ui/registry/model.py" />
      <source>სახე</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../ui/registry/model.py" />
      <source>სტატუსი</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/registry/model.py" />
      <source>შემსრულებელი</source>
      <translation>Executor</translation>
    </message>
    <message>
      <location filename="../../ui/registry/model.py" />
      <source>შინაარსი</source>
      <translation>Subject</translation>
    </message>
  </context>
  <context>
    <name>ReportsDialog</name>
    <message>
      <location filename="../../ui/reports.py" />
      <source>&amp;ანგარიში</source>
      <translation>&amp;Report</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>&amp;პერიოდი</source>
      <translation>&amp;Period</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>&amp;სამსახური</source>
      <translation>&amp;Department</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>&amp;შექმნა</source>
      <translation>&amp;Create</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>ა&amp;რჩევა…</source>
      <translation>&amp;Browse…</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>აირჩიეთ ერთი ფორმატი მაინც.</source>
      <translation>Choose at least one format.</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>ანგარიშები</source>
      <translation>Reports</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>ანგარიშის მომზადება…</source>
      <translation>Preparing the report…</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>გაუქმდა — ფაილი არ შეიქმნა.</source>
      <translation>Cancelled — no file was created.</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>დახურვა</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>ჟურნალის სა&amp;ხე</source>
      <translation>&amp;Journal</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>საქაღალდე</source>
      <translation>Folder</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>ფორმატი</source>
      <translation>Format</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>ყველა სამსახური</source>
      <translation>All departments</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>შეიქმნა:</source>
      <translation>Created:</translation>
    </message>
    <message>
      <location filename="../../ui/reports.py" />
      <source>წწწწ-თთ (თვე) ან წწწწ (წელი)</source>
      <translation>yyyy-mm (month) or yyyy (year)</translation>
    </message>
  </context>
  <context>
    <name>ResolutionDialog</name>
    <message>
      <location filename="../../ui/routing.py" />
      <source>&amp;დავალება</source>
      <translation>&amp;Instruction</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>&amp;თანაშემსრულებლები</source>
      <translation>&amp;Co-executors</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>&amp;კონტროლზე აყვანა</source>
      <translation>Put under con&amp;trol</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>&amp;მიზეზი</source>
      <translation>&amp;Reason</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>ახალი &amp;შემსრულებელი</source>
      <translation>New &amp;executor</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>ვადის გადაცილების &amp;საფუძველი</source>
      <translation>&amp;Reason for a later due date</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>კანონით დადგენილი ვადა: %1</source>
      <translation>Statutory due date: %1</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>მთავარი &amp;შემსრულებელი</source>
      <translation>Main &amp;executor</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>რატომ აღემატება კანონით დადგენილ ვადას</source>
      <translation>why it is later than the statutory due date</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>რეზოლუცია — %1</source>
      <translation>Resolution — %1</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>რეზოლუციის დადება</source>
      <translation>Put the resolution</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>შემსრულებლის შეცვლა — %1</source>
      <translation>Change executor — %1</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>შესრულების &amp;ვადა</source>
      <translation>&amp;Due date</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>შეცვლა</source>
      <translation>Change</translation>
    </message>
  </context>
  <context>
    <name>ResumeClockDialog</name>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>ამ დოკუმენტის ვადა შეჩერებული არ არის.</source>
      <translation>The clock of this document is not stopped.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>დაზუსტება შემოვიდა (&amp;თარიღი)</source>
      <translation>Clarification received on (&amp;date)</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>დოკუმენტი %1 · ვადა შეჩერდა %2 (%3)
დარჩენილი იყო: %4 %5. %6</source>
      <translation>Document %1 · clock stopped on %2 (%3)
Remaining: %4 %5. %6</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>ვადის &amp;განახლება</source>
      <translation>&amp;Resume the clock</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>ვადის განახლება</source>
      <translation>Resume the clock</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>კალენდარული დღე</source>
      <translation>calendar days</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>სამუშაო დღე</source>
      <translation>working days</translation>
    </message>
  </context>
  <context>
    <name>SchemaUpgradeDialog</name>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;განახლება</source>
      <translation>&amp;Upgrade</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>&amp;პაროლი:</source>
      <translation>&amp;Password:</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ადმინისტრატორის &amp;მომხმარებელი:</source>
      <translation>Administrator's &amp;login:</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ამ ბაზის სქემა ({current}) პროგრამის ვერსიაზე ({head}) ძველია და პროგრამა მასთან ვერ იმუშავებს, სანამ სქემა არ განახლდება. სქემას ანახლებს ადმინისტრატორი: შეიყვანეთ ადმინისტრატორის მომხმარებელი და პაროლი. განახლებამდე დარწმუნდით, რომ ბაზის სარეზერვო ასლი არსებობს. ბაზის ადმინისტრატორს ამის გაკეთება სერვერიდანაც შეუძლია: kantselaria-cli db upgrade</source>
      <translation>This database's schema ({current}) is older than the program's ({head}); the program cannot work with it until the schema is upgraded. An administrator upgrades it: enter an administrator's login and password. Make sure a backup of the database exists before upgrading. The DBA can also do this on the server: kantselaria-cli db upgrade</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>ბაზის სქემის განახლება…</source>
      <translation>Upgrading the database schema…</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>გაუქმება</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/connection.py" />
      <source>მონაცემთა ბაზის სქემა ძველია</source>
      <translation>The database schema is out of date</translation>
    </message>
  </context>
  <context>
    <name>SendDialog</name>
    <message>
      <location filename="../../ui/mail.py" />
      <source>&amp;ვის</source>
      <translation>&amp;To</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" />
      <source>&amp;ტექსტი</source>
      <translation>Te&amp;xt</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" />
      <source>SMTP &amp;პაროლი</source>
      <translation>SMTP pass&amp;word</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" />
      <source>გაგზავნა</source>
      <translation>Send</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" />
      <source>გაუქმება</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" />
      <source>გიგზავნით პასუხს თქვენს მიმართვაზე (თან ერთვის).

პატივისცემით,
%1</source>
      <translation>Please find attached the answer to your request.

Yours sincerely,
%1</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" />
      <source>ელფოსტით გაგზავნა — %1</source>
      <translation>Send by e-mail — %1</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" />
      <source>თუ სერვერი პაროლს ითხოვს</source>
      <translation>if the server asks for one</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" />
      <source>იგზავნება…</source>
      <translation>Sending…</translation>
    </message>
    <message>
      <location filename="../../ui/mail.py" />
      <source>წერილის &amp;PDF დაერთოს</source>
      <translation>Attach the letter as &amp;PDF</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../ui/settings.py" />
      <source>&amp;გამოყენება</source>
      <translation>&amp;Apply</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" />
      <source>&amp;შენახვა</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" />
      <source>ახალი ენა მაშინვე ვრცელდება შეტყობინებებზე და ახლად გახსნილ ფანჯრებზე; უკვე გახსნილი ფანჯარა ახალ ენაზე გადავა, როცა მას ხელახლა გახსნით.</source>
      <translation>The new language applies at once to messages and to windows opened from now on; a window already open switches when you open it again.</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" />
      <source>გაუქმება</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" />
      <source>ინტერფეისის &amp;ენა</source>
      <translation>Interface &amp;language</translation>
    </message>
    <message>
      <location filename="../../ui/settings.py" />
      <source>პარამეტრები</source>
      <translation>Settings</translation>
    </message>
  </context>
  <context>
    <name>Startup</name>
    <message>
      <location filename="../../ui/main.py" />
      <source>აირჩიეთ სხვა კავშირი ან შეასწორეთ ეს და დააჭირეთ „გამოყენება“. „დახურვა“ პროგრამას დახურავს.</source>
      <translation>Choose another connection, or correct this one, and press “Open”. “Close” quits the program.</translation>
    </message>
    <message>
      <location filename="../../ui/main.py" />
      <source>კანცელარია</source>
      <translation>Kantselaria</translation>
    </message>
  </context>
  <context>
    <name>StopClockDialog</name>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>არ აქვს</source>
      <translation>none</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>დოკუმენტი %1 · %2 · ვადა: %3
დარჩენილი დღეები შეინახება; როცა დაზუსტება შემოვა, ვადა გაგრძელდება განახლების დღიდან.</source>
      <translation>Document %1 · %2 · due date: %3
The remaining days are kept; when the clarification arrives, the clock runs on from the day it is resumed.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>ვადის &amp;შეჩერება</source>
      <translation>&amp;Stop the clock</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>ვადის შეჩერება</source>
      <translation>Stop the clock</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>მაგ. მოქალაქეს ეთხოვა დოკუმენტის ასლი</source>
      <translation>e.g. the citizen was asked for a copy of a document</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>შე&amp;ნიშვნა</source>
      <translation>&amp;Note</translation>
    </message>
    <message>
      <location filename="../../ui/admin/document_actions.py" />
      <source>შეჩერების &amp;თარიღი</source>
      <translation>Stopped on (&amp;date)</translation>
    </message>
  </context>
  <context>
    <name>TaskRunner</name>
    <message>
      <location filename="../../ui/tasks.py" />
      <source>გაუქმება</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/tasks.py" />
      <source>მიმდინარეობს…</source>
      <translation>In progress…</translation>
    </message>
  </context>
  <context>
    <name>TasksView</name>
    <message>
      <location filename="../../ui/inbox.py" />
      <source>&amp;აღება შესასრულებლად</source>
      <translation>&amp;Take to execute</translation>
    </message>
    <message>
      <location filename="../../ui/inbox.py" />
      <source>ვადა</source>
      <translation>Due</translation>
    </message>
    <message>
      <location filename="../../ui/inbox.py" />
      <source>თარიღი</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../ui/inbox.py" />
      <source>კორესპონდენტი</source>
      <translation>Correspondent</translation>
    </message>
    <message>
      <location filename="../../ui/inbox.py" />
      <source>ნომერი</source>
      <translation>Number</translation>
    </message>
    <message>
      <location filename="../../ui/inbox.py" />
      <source>სამსახურის რიგი — ჯერ არავის აუღია</source>
      <translation>Department queue — nobody has taken these yet</translation>
    </message>
    <message>
      <location filename="../../ui/inbox.py" />
      <source>სტატუსი</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/inbox.py" />
      <source>სულ: %1 · ვადაგადაცილებული: %2 · ვადა იწურება: %3</source>
      <translation>Total: %1 · overdue: %2 · due soon: %3</translation>
    </message>
    <message>
      <location filename="../../ui/inbox.py" />
      <source>შემსრულებელი</source>
      <translation>Executor</translation>
    </message>
    <message>
      <location filename="../../ui/inbox.py" />
      <source>შინაარსი</source>
      <translation>Subject</translation>
    </message>
    <message>
      <location filename="../../ui/inbox.py" />
      <source>ჩემი დავალებები</source>
      <translation>My tasks</translation>
    </message>
    <message>
      <location filename="../../ui/inbox.py" />
      <source>წითელი — ვადაგადაცილებული; ყვითელი — ვადა 3 სამუშაო დღეში იწურება.</source>
      <translation>Red — overdue; amber — due within 3 working days.</translation>
    </message>
  </context>
  <context>
    <name>TemplatesDialog</name>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>&amp;შენახვა</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>ახალი შაბლონი: ნუმერაცია 1-დან დაიწყება.</source>
      <translation>New template: numbering will start from 1.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>დახურვა</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>ნიმუში</source>
      <translation>Example</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>ნომრის შაბლონები</source>
      <translation>Number templates</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>ნუმერაცია &amp;თავიდან დაიწყოს (შემდეგი ნომერი — 1)</source>
      <translation>&amp;Restart numbering (next number — 1)</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>ნუმერაცია გაგრძელდება; შემდეგი ნომერი ახლა: %1</source>
      <translation>Numbering continues; the next number now: %1</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>ს&amp;ახე</source>
      <translation>&amp;Kind</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>სამსა&amp;ხური</source>
      <translation>Depart&amp;ment</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>სამსახური</source>
      <translation>Department</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>სამსახურის შაბლონის &amp;წაშლა</source>
      <translation>&amp;Delete the department template</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>სახე</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>ყველა</source>
      <translation>all</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>შაბ&amp;ლონი</source>
      <translation>&amp;Pattern</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>შაბლონების &amp;სია</source>
      <translation>Templates &amp;list</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>შაბლონებს მხოლოდ ადმინისტრატორი ცვლის.</source>
      <translation>Only the administrator can change templates.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>შაბლონი</source>
      <translation>Pattern</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>შაბლონი შენახულია: %1. შემდეგი ნომერი: %2</source>
      <translation>Template saved: %1. Next number: %2</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>შაბლონი წაიშალა.</source>
      <translation>Template deleted.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>შაბლონის წაშლა</source>
      <translation>Delete template</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>შემდეგი ნომერი</source>
      <translation>Next number</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>შენახვის შემდეგ ნუმერაცია 1-დან დაიწყება.</source>
      <translation>After saving, numbering will start from 1.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>ჩანაცვლებები: {seq} — რიგითი ნომერი (სავალდებულო); {seq:05d} — ნულებით შევსებული (00001); {yyyy} — წელი (2026); {yy} — წელი ორი ციფრით (26); {dept} — სამსახურის კოდი; {kind} — სახის ასო (შ, გ, შდ).</source>
      <translation>Placeholders: {seq} — sequence number (required); {seq:05d} — zero-padded (00001); {yyyy} — year (2026); {yy} — two-digit year (26); {dept} — department code; {kind} — kind letter (შ, გ, შდ).</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>წაიშალოს სამსახურის %1 შაბლონი „%2“? მისი დოკუმენტები ზოგად შაბლონს გამოიყენებს.</source>
      <translation>Delete the template “%2” of department %1? Its documents will use the general template.</translation>
    </message>
    <message>
      <location filename="../../ui/admin/templates.py" />
      <source>— ყველა სამსახური (ზოგადი) —</source>
      <translation>— all departments (general) —</translation>
    </message>
  </context>
  <context>
    <name>UsersDialog</name>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>&amp;ელფოსტა</source>
      <translation>&amp;E-mail</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>&amp;პაროლი</source>
      <translation>&amp;Password</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>&amp;როლი</source>
      <translation>&amp;Role</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>, პაროლის გარეშე</source>
      <translation>, no password</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>აქ&amp;ტიური (შეუძლია შესვლა)</source>
      <translation>&amp;Active (may log in)</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>აქტიური</source>
      <translation>Active</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>გათიშული</source>
      <translation>Disabled</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>თანამშრომლები</source>
      <translation>Staff</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>მდგომარეობა</source>
      <translation>State</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>მინიმუმ 8 სიმბოლო</source>
      <translation>at least 8 characters</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>მომ&amp;ხმარებელი</source>
      <translation>&amp;User name</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>მომხმარებელი</source>
      <translation>User name</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>როლი</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>სამ&amp;სახური</source>
      <translation>&amp;Department</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>სამსახური</source>
      <translation>Department</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>სახელი და &amp;გვარი</source>
      <translation>Full na&amp;me</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>სახელი, გვარი</source>
      <translation>Full name</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>შენახულია: %1 (%2)</source>
      <translation>Saved: %1 (%2)</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>ცარიელი — პაროლი არ იცვლება</source>
      <translation>empty — the password stays</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>— არცერთი —</source>
      <translation>— none —</translation>
    </message>
  </context>
  <context>
    <name>_AdminList</name>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>&amp;ახალი</source>
      <translation>&amp;New</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>&amp;შენახვა</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../ui/admin/users.py" />
      <source>დახურვა</source>
      <translation>Close</translation>
    </message>
  </context>
  <context>
    <name>_DocumentAction</name>
    <message>
      <location filename="../../ui/routing.py" />
      <source>გაუქმება</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/routing.py" />
      <source>დოკუმენტი ხელახლა ჩაიტვირთა (ახლა: %1). თქვენი ტექსტი შენარჩუნებულია — შეამოწმეთ და დააჭირეთ „კარგი“-ს ხელახლა.</source>
      <translation>The document was reloaded (now: %1). Your text is kept — check it and press OK again.</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <location filename="../../ui/errors.py" />
      <source>ანგარიშის კოპირება</source>
      <translation>Copy the report</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" />
      <source>ბოდიშს გიხდით — პროგრამაში მოხდა შეცდომა. თქვენი მონაცემები არ დაკარგულა: დაუსრულებელი ოპერაცია არ შენახულა. გთხოვთ, დააკოპიროთ ანგარიში და გაუგზავნოთ ადმინისტრატორს.</source>
      <translation>We are sorry — the program ran into an error. Your data is not lost: the unfinished operation was not saved. Please copy the report and send it to the administrator.</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" />
      <source>პროგრამის შეცდომა</source>
      <translation>Program error</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" />
      <source>ფაილის შეცდომა</source>
      <translation>File error</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" />
      <source>შეცდომა</source>
      <translation>Error</translation>
    </message>
  </context>
  <context>
    <name>main</name>
    <message>
      <location filename="../../ui/main.py" />
      <source>კანცელარია</source>
      <translation>Kantselaria</translation>
    </message>
  </context>
</TS>
