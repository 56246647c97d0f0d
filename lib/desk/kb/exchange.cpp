#include "desk/kb/exchange.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/core/output_file.hpp"
#include "desk/store/kb_store.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/validate.hpp"

namespace desk::kb {

namespace fs = std::filesystem;

namespace {

// Runs `check`, naming where in the document a DataError came from.
template <typename F>
void at(const Document& d, const std::string& key, F&& check) {
  try {
    check();
  } catch (const DataError& e) {
    throw DataError(fmt::format("{}: {}", d.where(key), e.what()), e.hint());
  }
}

std::string required(const Document& d, const std::optional<std::string>& v, const char* key) {
  if (!v || util::trim(*v).empty())
    throw DataError(fmt::format("{}: the front matter has no {}", d.name, util::quoted(key)),
                    "every article needs uid, title and kind; the uid is any text unique to the "
                    "article that stays the same when it changes");
  return *v;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  if (!in && !in.eof())
    throw Error(Exit::io, fmt::format("cannot read {}", util::quoted(p.string())));
  return s.str();
}

// The *.md files directly in `dir`, by name.
std::vector<fs::path> markdown_files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".md") out.push_back(entry.path());
  if (ec)
    throw Error(Exit::io, fmt::format("cannot read the directory {}", util::quoted(dir.string())));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Article article_from_document(const Document& d, const Session& s) {
  Article a;
  a.uid = std::string(util::trim(required(d, d.uid, "uid")));
  at(d, "uid", [&] {
    if (a.uid.find_first_of("\n\t") != std::string::npos || a.uid.size() > 200)
      throw DataError(fmt::format("invalid uid {}", util::quoted(util::single_line(a.uid))),
                      "a uid is one line of at most 200 characters");
  });
  a.title = required(d, d.title, "title");
  const std::string kind = required(d, d.kind, "kind");
  a.id = d.id.value_or(0);
  a.body = d.body;
  a.symptom = d.symptom.value_or("");
  a.cause = d.cause.value_or("");
  a.workaround = d.workaround.value_or("");
  const std::string fix_status = d.fix_status.value_or("");
  a.category = d.category.value_or("");
  a.service = d.service.value_or("");
  a.tags = d.tags.value_or(std::vector<std::string>{});
  a.author = d.author.value_or(s.actor);
  a.version = d.version.value_or(1);
  a.created_at = d.created_at.value_or(s.now);
  a.updated_at = d.updated_at.value_or(a.created_at);
  a.published_at = d.published_at;
  a.retired_at = d.retired_at;

  at(d, "title", [&] { a.title = work::checked_title(a.title); });
  at(d, "tags", [&] { a.tags = clean_tags(a.tags); });
  at(d, "kind", [&] { a.kind = work::require_word<model::ArticleKind>("article kind", kind); });
  at(d, "state", [&] {
    a.state = work::require_word<model::ArticleState>("article state", d.state.value_or("draft"));
  });
  at(d, "author", [&] {
    if (util::trim(a.author).empty() || a.author.find_first_of(" \t\r\n,:") != std::string::npos)
      throw DataError(fmt::format("invalid author {}", util::quoted(util::single_line(a.author))),
                      "an author is a name without spaces, as desk's --as takes");
  });
  // A known error's fix status is the word itself (none when empty: "open").
  if (a.known_error())
    at(d, "fix_status", [&] {
      if (!fix_status.empty())
        a.fix_status = work::require_word<model::FixStatus>("fix status", fix_status);
    });
  at(d, "category", [&] {
    if (!a.category.empty())
      work::require_one_of("category", a.category, s.config.tickets.categories);
  });
  normalize_article(a);
  std::string where = "title";
  if (!a.known_error())
    for (const char* key : {"fix_status", "symptom", "cause", "workaround"})
      if (d.lines.count(key)) where = key;
  at(d, where, [&] {
    if (!a.known_error()) a.fix_status = typed_fix_status(a.kind, fix_status);
    check_article(a, s.config);
  });
  return a;
}

EditRequest edit_from_document(const Document& d) {
  EditRequest r;
  if (!d.kind)
    throw DataError(
        fmt::format("{}: the front matter has no 'kind'", d.name),
        fmt::format("kind is one of {}", util::join(util::names<model::ArticleKind>(), ", ")));
  r.title = d.title.value_or("");
  r.kind = work::require_word<model::ArticleKind>("article kind", *d.kind);
  r.body = d.body;
  r.symptom = d.symptom.value_or("");
  r.cause = d.cause.value_or("");
  r.workaround = d.workaround.value_or("");
  r.fix_status = d.fix_status.value_or("");
  r.category = d.category.value_or("");
  r.service = d.service.value_or("");
  r.tags = d.tags.value_or(std::vector<std::string>{});
  return r;
}

Exported export_articles(Session& s, const fs::path& dir, const ArticleFilter& f) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw Error(Exit::io, fmt::format("cannot create the directory {}", util::quoted(dir.string())),
                ec ? ec.message() : "a file of that name is in the way");
  // What is there already, by uid, so a renamed article replaces its old file.
  std::map<std::string, std::string> present;
  Zone zone = s.config.zone();
  for (const auto& p : markdown_files(dir)) {
    try {
      Document d = parse_document(read_file(p), p.filename().string(), zone);
      if (d.uid) present[*d.uid] = p.filename().string();
    } catch (const DataError&) {
      // Not one of ours, or broken: leave it alone.
    }
  }
  Exported out;
  s.store.kb().each_article(f, [&](const Article& a) {
    std::string name = document_file_name(a);
    write_file(dir / name, write_document(a));
    auto old = present.find(a.uid);
    if (old != present.end() && old->second != name) {
      fs::remove(dir / old->second, ec);
      out.removed.push_back(old->second);
    }
    out.written.emplace_back(a, name);
    return true;
  });
  return out;
}

std::vector<Imported> import_articles(Session& s, const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw DataError(fmt::format("no directory {}", util::quoted(dir.string())),
                    "give the directory 'desk kb export' wrote, or one of articles like it");
  // Read and check every file before writing anything.
  Zone zone = s.config.zone();
  struct Incoming {
    std::string file;
    Document doc;
    Article article;
  };
  std::vector<Incoming> incoming;
  std::map<std::string, std::string> files_by_uid;
  for (const auto& p : markdown_files(dir)) {
    // Not read at all when it is larger than an article may be.
    if (auto bytes = fs::file_size(p, ec); !ec)
      work::require_size(util::quoted(p.string()), bytes, s.config.limits.article, "article");
    Document d = parse_document(read_file(p), p.string(), zone);
    Article a = article_from_document(d, s);
    auto [it, fresh] = files_by_uid.emplace(a.uid, p.string());
    if (!fresh)
      throw DataError(
          fmt::format("{}: uid {} is also in {}", d.where("uid"), util::quoted(a.uid), it->second),
          "each article needs its own uid");
    incoming.push_back({p.filename().string(), std::move(d), std::move(a)});
  }

  store::KbStore& kb = s.store.kb();
  std::vector<Imported> out;
  for (auto& [file, d, a] : incoming) {
    Imported result{file, ImportOutcome::skipped, {}, a};
    auto existing = kb.find_article_by_uid(a.uid);
    if (!existing) {
      if (a.id != 0 && kb.find_article(a.id)) a.id = 0;
      a.id = kb.insert_article(a);
      result.action = ImportOutcome::created;
    } else {
      // What a hand-written file leaves out stays as it is.
      if (!d.created_at) a.created_at = existing->created_at;
      if (!d.author) a.author = existing->author;
      if (!d.state) a.state = existing->state;
      if (!d.published_at) a.published_at = existing->published_at;
      if (!d.retired_at) a.retired_at = existing->retired_at;
      result.changed = article_differences(*existing, a);
      if (result.changed.empty()) {
        result.article = *existing;
        out.push_back(std::move(result));
        continue;
      }
      a.id = existing->id;
      a.version = existing->version + 1;
      a.updated_at = d.updated_at.value_or(s.now);
      a.use_count = existing->use_count;
      kb.update_article(a);
      result.action = ImportOutcome::updated;
    }
    ArticleVersion v;
    v.number = a.version;
    v.at = s.now;
    v.actor = s.actor;
    v.action = model::ArticleAction::imported;
    v.changed = result.changed;
    v.note = file;
    v.article = a;
    keep_version(s, v);
    result.article = a;
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace desk::kb
