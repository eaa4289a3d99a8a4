-- Custom data migration: fill monitor_stoplicht_current for the existing agreements.
-- The same statement as refreshCurrentStoplicht in app/domain/monitor/stoplicht.server.ts; keep this file
-- when migrations are regenerated (it must run after the table is created).
insert into monitor_stoplicht_current (agreement_id, year, tertiaal, stoplicht, explanation, update_id)
select a.id, y.y, t.t, coalesce(u.stoplicht, 'nog_niet_beoordeeld'), u.explanation, u.id
from monitor_agreements a
cross join lateral generate_series(a.first_year, a.last_year) as y(y)
cross join generate_series(1, 3) as t(t)
left join lateral (
  select u.id, u.stoplicht, u.explanation from monitor_updates u
  where u.agreement_key = a.key and u.status = 'bevestigd' and (u.year, u.tertiaal) <= (y.y, t.t)
  order by u.year desc, u.tertiaal desc, u.id desc limit 1
) u on true
on conflict (year, tertiaal, agreement_id) do nothing;
