-- Every request moves its session's last access and expiry time. With expiry_time indexed, each of
-- those updates wrote a new entry in every index of the table; without it the update can stay on
-- its page (a HOT update) and touches no index. The minutely clean-up that deletes expired
-- sessions reads the whole table instead, which holds one row per signed-in person.
drop index spring_session_ix2;
alter table spring_session set (fillfactor = 50);
