-- desk store, version 5: each ticket keeps the timeline marks service levels
-- read (see lib/desk/model/timeline.hpp), so measuring a million tickets
-- reads one table once. Existing tickets are filled in by replaying their
-- events (lib/desk/store/sqlite/migrate_steps.cpp), not by SQL, so there is one
-- encoder only.
ALTER TABLE tickets ADD COLUMN timeline TEXT NOT NULL DEFAULT '';
