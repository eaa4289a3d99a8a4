-- Initiatives that staff entered on /beheer/kaart or imported from CSV have a point staff placed
-- themselves (nobody's home address): their public point may stay exact (docs/ideas.md).
UPDATE "initiatives" SET "allow_exact_location" = true WHERE "answers"->>'source' = 'beheer';
