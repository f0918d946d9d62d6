-- Files uploaded for import, kept between the preview and the person's confirmation. In the
-- database rather than the session: a session is read on every request (and up to 25 MB there
-- would be read with it), and any node can confirm an import another node previewed. Only a file
-- that can be imported is kept, one of each kind per person, for two hours at most.
create table pending_upload (
    key             text primary key check (key ~ '^[0-9a-f]{32}$'),
    partnership_id  bigint not null references partnership (id),
    uploaded_by     text not null,
    kind            text not null,
    uploaded_at     timestamptz not null default now(),
    content         bytea not null
);
create index pending_upload_by_age on pending_upload (uploaded_at);
create index pending_upload_by_uploader on pending_upload (uploaded_by, kind);
