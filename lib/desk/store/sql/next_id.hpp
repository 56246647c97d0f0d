// SQL for the id a new row of a table gets: one past the highest it ever had
// (schema/0008_ids.sql), so that a deleted row's id is never given again. It
// is NULL when the store keeps no mark for the table, and SQLite then picks.
// Used by the INSERTs of customers, tickets and articles, and for events.
#pragma once

#define DESK_NEXT_ID(table) "(SELECT last + 1 FROM id_high_water WHERE name = '" table "')"
