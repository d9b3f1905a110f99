-- Stops at the first error (sqlcmd and SSMS): the transaction is rolled back and
-- every later batch is only compiled, so a half-made schema is never stamped.
SET XACT_ABORT ON;

GO

BEGIN TRANSACTION;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
-- Running upgrade  -> 0001_v1

CREATE TABLE correspondents (
    id INTEGER NOT NULL IDENTITY, 
    kind NVARCHAR(20) NOT NULL, 
    name NVARCHAR(300) NOT NULL, 
    name_skeleton NVARCHAR(300) NOT NULL, 
    personal_id NVARCHAR(11) NULL, 
    org_code NVARCHAR(9) NULL, 
    address NVARCHAR(400) NOT NULL, 
    phone NVARCHAR(40) NOT NULL, 
    email NVARCHAR(200) NOT NULL, 
    created_at DATETIME2 NOT NULL, 
    updated_at DATETIME2 NOT NULL, 
    version INTEGER NOT NULL, 
    CONSTRAINT pk_correspondents PRIMARY KEY (id), 
    CONSTRAINT ck_correspondents_kind CHECK (kind IN ('person', 'organisation'))
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_correspondents_name_skeleton ON correspondents (name_skeleton);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_correspondents_org_code ON correspondents (org_code);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_correspondents_personal_id ON correspondents (personal_id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE TABLE departments (
    id INTEGER NOT NULL IDENTITY, 
    code NVARCHAR(20) NOT NULL, 
    name NVARCHAR(200) NOT NULL, 
    name_en NVARCHAR(200) NOT NULL, 
    active BIT NOT NULL, 
    CONSTRAINT pk_departments PRIMARY KEY (id), 
    CONSTRAINT uq_departments_code UNIQUE (code)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE TABLE document_types (
    id INTEGER NOT NULL IDENTITY, 
    code NVARCHAR(30) NOT NULL, 
    name NVARCHAR(200) NOT NULL, 
    name_en NVARCHAR(200) NOT NULL, 
    deadline_count INTEGER NOT NULL, 
    deadline_unit NVARCHAR(20) NOT NULL, 
    nonworking_shift NVARCHAR(20) NOT NULL, 
    legal_ref NVARCHAR(200) NOT NULL, 
    max_extension_days INTEGER NOT NULL, 
    active BIT NOT NULL, 
    CONSTRAINT pk_document_types PRIMARY KEY (id), 
    CONSTRAINT ck_document_types_deadline_unit CHECK (deadline_unit IN ('calendar_days', 'working_days', 'months', 'none')), 
    CONSTRAINT ck_document_types_nonworking_shift CHECK (nonworking_shift IN ('next', 'previous', 'none')), 
    CONSTRAINT ck_document_types_deadline_count CHECK (deadline_count >= 0), 
    CONSTRAINT ck_document_types_max_extension_days CHECK (max_extension_days >= 0), 
    CONSTRAINT uq_document_types_code UNIQUE (code)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE TABLE holidays (
    id INTEGER NOT NULL IDENTITY, 
    day DATE NOT NULL, 
    name NVARCHAR(200) NOT NULL, 
    day_off BIT NOT NULL, 
    source NVARCHAR(20) NOT NULL, 
    CONSTRAINT pk_holidays PRIMARY KEY (id), 
    CONSTRAINT uq_holidays_day UNIQUE (day)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE TABLE number_counters (
    id INTEGER NOT NULL IDENTITY, 
    scope NVARCHAR(60) NOT NULL, 
    year INTEGER NOT NULL, 
    last_value INTEGER NOT NULL, 
    CONSTRAINT pk_number_counters PRIMARY KEY (id), 
    CONSTRAINT uq_number_counters_scope_year UNIQUE (scope, year)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE TABLE settings (
    id INTEGER NOT NULL IDENTITY, 
    name NVARCHAR(100) NOT NULL, 
    content NVARCHAR(max) NOT NULL, 
    CONSTRAINT pk_settings PRIMARY KEY (id), 
    CONSTRAINT uq_settings_name UNIQUE (name)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE TABLE number_templates (
    id INTEGER NOT NULL IDENTITY, 
    kind NVARCHAR(20) NOT NULL, 
    department_id INTEGER NULL, 
    pattern NVARCHAR(100) NOT NULL, 
    counter_scope NVARCHAR(60) NOT NULL, 
    version INTEGER NOT NULL, 
    CONSTRAINT pk_number_templates PRIMARY KEY (id), 
    CONSTRAINT ck_number_templates_kind CHECK (kind IN ('incoming', 'outgoing', 'internal')), 
    CONSTRAINT fk_number_templates_department_id_departments FOREIGN KEY(department_id) REFERENCES departments (id), 
    CONSTRAINT uq_number_templates_kind_department_id UNIQUE (kind, department_id)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE TABLE users (
    id INTEGER NOT NULL IDENTITY, 
    login NVARCHAR(60) NOT NULL, 
    full_name NVARCHAR(200) NOT NULL, 
    role NVARCHAR(20) NOT NULL, 
    department_id INTEGER NULL, 
    password_hash NVARCHAR(200) NOT NULL, 
    email NVARCHAR(200) NOT NULL, 
    active BIT NOT NULL, 
    created_at DATETIME2 NOT NULL, 
    CONSTRAINT pk_users PRIMARY KEY (id), 
    CONSTRAINT ck_users_role CHECK (role IN ('admin', 'registrar', 'head', 'executor', 'viewer')), 
    CONSTRAINT fk_users_department_id_departments FOREIGN KEY(department_id) REFERENCES departments (id), 
    CONSTRAINT uq_users_login UNIQUE (login)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE TABLE audit_log (
    id INTEGER NOT NULL IDENTITY, 
    at DATETIME2 NOT NULL, 
    user_id INTEGER NULL, 
    workstation NVARCHAR(100) NOT NULL, 
    action NVARCHAR(40) NOT NULL, 
    entity NVARCHAR(40) NOT NULL, 
    entity_id INTEGER NULL, 
    field NVARCHAR(60) NOT NULL, 
    old_value NVARCHAR(max) NOT NULL, 
    new_value NVARCHAR(max) NOT NULL, 
    prev_hash NVARCHAR(64) NOT NULL, 
    row_hash NVARCHAR(64) NOT NULL, 
    CONSTRAINT pk_audit_log PRIMARY KEY (id), 
    CONSTRAINT fk_audit_log_user_id_users FOREIGN KEY(user_id) REFERENCES users (id)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_audit_log_entity_entity_id ON audit_log (entity, entity_id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE TABLE documents (
    id INTEGER NOT NULL IDENTITY, 
    kind NVARCHAR(20) NOT NULL, 
    reg_number NVARCHAR(60) NOT NULL, 
    seq INTEGER NOT NULL, 
    seq_year INTEGER NOT NULL, 
    counter_scope NVARCHAR(60) NOT NULL, 
    reg_date DATE NOT NULL, 
    sender_number NVARCHAR(60) NOT NULL, 
    sender_date DATE NULL, 
    correspondent_id INTEGER NULL, 
    doc_type_id INTEGER NOT NULL, 
    channel NVARCHAR(20) NOT NULL, 
    subject NVARCHAR(500) NOT NULL, 
    summary NVARCHAR(max) NOT NULL, 
    sheets INTEGER NOT NULL, 
    confidential BIT NOT NULL, 
    status NVARCHAR(30) NOT NULL, 
    due_date DATE NULL, 
    statutory_due_date DATE NULL, 
    department_id INTEGER NULL, 
    executor_id INTEGER NULL, 
    under_control BIT NOT NULL, 
    closed_date DATE NULL, 
    created_by INTEGER NULL, 
    created_at DATETIME2 NOT NULL, 
    updated_by INTEGER NULL, 
    updated_at DATETIME2 NOT NULL, 
    version INTEGER NOT NULL, 
    CONSTRAINT pk_documents PRIMARY KEY (id), 
    CONSTRAINT ck_documents_channel CHECK (channel IN ('post', 'in_person', 'email', 'portal', 'fax', 'courier', 'internal')), 
    CONSTRAINT ck_documents_kind CHECK (kind IN ('incoming', 'outgoing', 'internal')), 
    CONSTRAINT ck_documents_status CHECK (status IN ('registered', 'assigned', 'in_progress', 'awaiting_clarification', 'answered', 'forwarded', 'closed', 'cancelled')), 
    CONSTRAINT ck_documents_sheets CHECK (sheets >= 0), 
    CONSTRAINT fk_documents_correspondent_id_correspondents FOREIGN KEY(correspondent_id) REFERENCES correspondents (id), 
    CONSTRAINT fk_documents_created_by_users FOREIGN KEY(created_by) REFERENCES users (id), 
    CONSTRAINT fk_documents_department_id_departments FOREIGN KEY(department_id) REFERENCES departments (id), 
    CONSTRAINT fk_documents_doc_type_id_document_types FOREIGN KEY(doc_type_id) REFERENCES document_types (id), 
    CONSTRAINT fk_documents_executor_id_users FOREIGN KEY(executor_id) REFERENCES users (id), 
    CONSTRAINT fk_documents_updated_by_users FOREIGN KEY(updated_by) REFERENCES users (id), 
    CONSTRAINT uq_documents_counter_scope_seq_year_seq UNIQUE (counter_scope, seq_year, seq)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_correspondent_id ON documents (correspondent_id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_due_date ON documents (due_date);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_executor_id ON documents (executor_id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_kind_department_id_reg_date ON documents (kind, department_id, reg_date);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_kind_reg_date_id ON documents (kind, reg_date, id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_kind_status_due_date ON documents (kind, status, due_date);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_reg_number ON documents (reg_number);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE TABLE attachments (
    id INTEGER NOT NULL IDENTITY, 
    document_id INTEGER NOT NULL, 
    file_name NVARCHAR(260) NOT NULL, 
    mime_type NVARCHAR(100) NOT NULL, 
    size_bytes INTEGER NOT NULL, 
    sha256 NVARCHAR(64) NOT NULL, 
    content VARBINARY(max) NOT NULL, 
    created_by INTEGER NULL, 
    created_at DATETIME2 NOT NULL, 
    CONSTRAINT pk_attachments PRIMARY KEY (id), 
    CONSTRAINT fk_attachments_created_by_users FOREIGN KEY(created_by) REFERENCES users (id), 
    CONSTRAINT fk_attachments_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_attachments_document_id ON attachments (document_id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
INSERT INTO alembic_version (version_num) OUTPUT inserted.version_num VALUES ('0001_v1');

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
-- Running upgrade 0001_v1 -> 0002_rules

CREATE TABLE clock_stops (
    id INTEGER NOT NULL IDENTITY, 
    document_id INTEGER NOT NULL, 
    stopped_on DATE NOT NULL, 
    previous_status NVARCHAR(30) NOT NULL, 
    count_unit NVARCHAR(20) NOT NULL, 
    remaining_days INTEGER NOT NULL, 
    statutory_remaining_days INTEGER NULL, 
    due_date_at_stop DATE NOT NULL, 
    note NVARCHAR(max) NOT NULL, 
    stopped_by INTEGER NULL, 
    stopped_at DATETIME2 NOT NULL, 
    resumed_on DATE NULL, 
    resumed_due_date DATE NULL, 
    resumed_by INTEGER NULL, 
    resumed_at DATETIME2 NULL, 
    CONSTRAINT pk_clock_stops PRIMARY KEY (id), 
    CONSTRAINT ck_clock_stops_count_unit CHECK (count_unit IN ('calendar_days', 'working_days')), 
    CONSTRAINT fk_clock_stops_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id), 
    CONSTRAINT fk_clock_stops_resumed_by_users FOREIGN KEY(resumed_by) REFERENCES users (id), 
    CONSTRAINT fk_clock_stops_stopped_by_users FOREIGN KEY(stopped_by) REFERENCES users (id)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_clock_stops_document_id ON clock_stops (document_id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE TABLE deadline_extensions (
    id INTEGER NOT NULL IDENTITY, 
    document_id INTEGER NOT NULL, 
    old_due_date DATE NOT NULL, 
    new_due_date DATE NOT NULL, 
    reason NVARCHAR(max) NOT NULL, 
    created_by INTEGER NULL, 
    created_at DATETIME2 NOT NULL, 
    CONSTRAINT pk_deadline_extensions PRIMARY KEY (id), 
    CONSTRAINT fk_deadline_extensions_created_by_users FOREIGN KEY(created_by) REFERENCES users (id), 
    CONSTRAINT fk_deadline_extensions_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_deadline_extensions_document_id ON deadline_extensions (document_id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE TABLE document_links (
    id INTEGER NOT NULL IDENTITY, 
    from_id INTEGER NOT NULL, 
    to_id INTEGER NOT NULL, 
    link_type NVARCHAR(20) NOT NULL, 
    created_by INTEGER NULL, 
    created_at DATETIME2 NOT NULL, 
    CONSTRAINT pk_document_links PRIMARY KEY (id), 
    CONSTRAINT ck_document_links_link_type CHECK (link_type IN ('reply_to', 'repeat_of', 'related', 'forwarded_from')), 
    CONSTRAINT ck_document_links_not_self CHECK (from_id <> to_id), 
    CONSTRAINT fk_document_links_created_by_users FOREIGN KEY(created_by) REFERENCES users (id), 
    CONSTRAINT fk_document_links_from_id_documents FOREIGN KEY(from_id) REFERENCES documents (id), 
    CONSTRAINT fk_document_links_to_id_documents FOREIGN KEY(to_id) REFERENCES documents (id), 
    CONSTRAINT uq_document_links_from_id_to_id_link_type UNIQUE (from_id, to_id, link_type)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_document_links_to_id ON document_links (to_id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
UPDATE alembic_version SET version_num='0002_rules' WHERE alembic_version.version_num = '0001_v1';

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
-- Running upgrade 0002_rules -> 0003_search

CREATE TABLE correspondent_words (
    word NVARCHAR(40) NOT NULL, 
    correspondent_id INTEGER NOT NULL, 
    CONSTRAINT pk_correspondent_words PRIMARY KEY (word, correspondent_id), 
    CONSTRAINT fk_correspondent_words_correspondent_id_correspondents FOREIGN KEY(correspondent_id) REFERENCES correspondents (id)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_correspondent_words_correspondent_id ON correspondent_words (correspondent_id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE TABLE document_words (
    word NVARCHAR(40) NOT NULL, 
    document_id INTEGER NOT NULL, 
    CONSTRAINT pk_document_words PRIMARY KEY (word, document_id), 
    CONSTRAINT fk_document_words_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_document_words_document_id ON document_words (document_id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_kind_channel_reg_date ON documents (kind, channel, reg_date);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_kind_department_id_status_due_date ON documents (kind, department_id, status, due_date);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_kind_doc_type_id_reg_date ON documents (kind, doc_type_id, reg_date);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_kind_due_date_id ON documents (kind, due_date, id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_kind_executor_id_reg_date ON documents (kind, executor_id, reg_date);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_kind_seq_year_seq ON documents (kind, seq_year, seq);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_kind_under_control_status_due_date ON documents (kind, under_control, status, due_date);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_seq_seq_year ON documents (seq, seq_year);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_documents_reg_date_id ON documents (reg_date, id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
UPDATE alembic_version SET version_num='0003_search' WHERE alembic_version.version_num = '0002_rules';

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
-- Running upgrade 0003_search -> 0004_routing

CREATE TABLE assignments (
    id INTEGER NOT NULL IDENTITY, 
    document_id INTEGER NOT NULL, 
    user_id INTEGER NOT NULL, 
    role NVARCHAR(10) NOT NULL, 
    instruction NVARCHAR(max) NOT NULL, 
    due_date DATE NULL, 
    assigned_by INTEGER NULL, 
    assigned_at DATETIME2 NOT NULL, 
    state NVARCHAR(15) NOT NULL, 
    done_at DATETIME2 NULL, 
    note NVARCHAR(500) NOT NULL, 
    CONSTRAINT pk_assignments PRIMARY KEY (id), 
    CONSTRAINT ck_assignments_role CHECK (role IN ('main', 'co')), 
    CONSTRAINT ck_assignments_state CHECK (state IN ('open', 'in_progress', 'done', 'withdrawn')), 
    CONSTRAINT fk_assignments_assigned_by_users FOREIGN KEY(assigned_by) REFERENCES users (id), 
    CONSTRAINT fk_assignments_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id), 
    CONSTRAINT fk_assignments_user_id_users FOREIGN KEY(user_id) REFERENCES users (id)
);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_assignments_document_id ON assignments (document_id);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
CREATE INDEX ix_assignments_user_id_state ON assignments (user_id, state);

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
ALTER TABLE documents ADD outcome NVARCHAR(30) NULL;

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
ALTER TABLE documents ADD outcome_ground NVARCHAR(500) NOT NULL CONSTRAINT df_documents_outcome_ground DEFAULT '';

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
ALTER TABLE documents ADD due_override_reason NVARCHAR(500) NOT NULL CONSTRAINT df_documents_due_override_reason DEFAULT '';

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
ALTER TABLE documents ADD CONSTRAINT ck_documents_outcome CHECK (outcome IS NULL OR outcome IN ('granted', 'partly_granted', 'refused', 'forwarded', 'clarification_requested', 'left_without_consideration'));

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
UPDATE alembic_version SET version_num='0004_routing' WHERE alembic_version.version_num = '0003_search';

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
-- Running upgrade 0004_routing -> 0005_decree_days

ALTER TABLE holidays ADD decree_ref NVARCHAR(200) NOT NULL CONSTRAINT df_holidays_decree_ref DEFAULT '';

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
UPDATE alembic_version SET version_num='0005_decree_days' WHERE alembic_version.version_num = '0004_routing';

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
-- Running upgrade 0005_decree_days -> 0006_audit_append_only

EXEC (N'CREATE TRIGGER audit_log_append_only ON audit_log
INSTEAD OF UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    THROW 51000, N''audit_log is append-only: rows are never changed or deleted'', 1;
END');

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
EXEC (N'CREATE TRIGGER number_counters_audit_tail ON number_counters
AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted AS d LEFT JOIN inserted AS i ON i.id = d.id
               WHERE d.scope = N''__audit_tail__'' AND (i.id IS NULL OR i.scope <> d.scope
                   OR i.year <> d.year OR i.last_value < d.last_value))
        THROW 51001, N''the audit tail counter only grows: it is never lowered or deleted'', 1;
END');

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
UPDATE alembic_version SET version_num='0006_audit_append_only' WHERE alembic_version.version_num = '0005_decree_days';

GO

IF @@TRANCOUNT = 0 SET NOEXEC ON;
COMMIT;

GO

SET NOEXEC OFF;

GO

