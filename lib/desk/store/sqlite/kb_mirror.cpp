#include "desk/store/sqlite/kb_mirror.hpp"

#include "desk/store/sql/copy.hpp"
#include "desk/store/sqlite/sqlite_store.hpp"

namespace desk::store::sqlite {

KbMirror::KbMirror(sql::SqlStore& from) : copy_(open_in_memory()) {
  // Links name tickets, which stay behind: references are not checked.
  copy_->guarded([&] { copy_->sql().exec("PRAGMA foreign_keys = OFF"); });
  copy_->begin_write();
  from.begin_snapshot();
  try {
    for (const char* table : {"kb_articles", "kb_article_tags", "kb_links"})
      sql::copy_table(from, *copy_, table);
  } catch (...) {
    from.end_snapshot();
    copy_->rollback();
    throw;
  }
  from.end_snapshot();
  copy_->commit();
}

KbMirror::~KbMirror() = default;

KbStore& KbMirror::kb() {
  return copy_->kb();
}

}  // namespace desk::store::sqlite
