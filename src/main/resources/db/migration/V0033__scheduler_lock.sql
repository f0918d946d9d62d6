-- Which node runs a nightly job (ShedLock): a row per job, taken by the first node to set
-- lock_until in the future; the others skip that run. Times are the database's, in UTC without a
-- time zone, as ShedLock writes them with usingDbTime(), so the nodes' clocks do not matter. The
-- application role gets select, insert, update and delete like every table (LeastPrivilege).
create table shedlock (
    name        varchar(64) primary key,
    lock_until  timestamp not null,
    locked_at   timestamp not null,
    locked_by   varchar(255) not null
);
