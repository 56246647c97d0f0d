// `kb export` and `kb import`: the knowledge base as a directory of
// documents (kb/document.hpp), so a team can keep it in git and review it.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "desk/kb/actions.hpp"
#include "desk/kb/article.hpp"
#include "desk/kb/document.hpp"

namespace desk::kb {

struct Exported {
  std::vector<std::pair<Article, std::string>> written;  // each article and its file name
  std::vector<std::string> removed;  // files of exported articles under their old names
};

// Writes one file per article `f` selects into `dir` (created when
// missing), each atomically. A file in `dir` holding an exported article's
// uid under another name (its title changed) is removed, so `dir` never
// holds one article twice. Throws Error(io) when it cannot write.
Exported export_articles(Session& s, const std::filesystem::path& dir, const ArticleFilter& f);

// What import did with a file's article (util/words.hpp).
enum class ImportOutcome { created, updated, skipped };
constexpr std::array<std::string_view, 3> words_of(ImportOutcome) {
  return {"created", "updated", "skipped"};
}

struct Imported {
  std::string file;  // the name within the directory
  ImportOutcome action = ImportOutcome::skipped;
  std::vector<std::string> changed;  // updated: the fields that changed
  Article article;
};

// Reads every *.md file in `dir` (not below it), in name order, and makes
// the store's knowledge base agree with them, matching articles on their
// uid: an unknown uid is created (under the file's id when that id is
// free), a known one updated when anything differs, else skipped. Every
// file is read and checked before anything is written, so a bad file
// (DataError naming the file and line) leaves the store as it was; the
// caller's WriteTransaction makes the writes all-or-nothing.
std::vector<Imported> import_articles(Session& s, const std::filesystem::path& dir);

// The article a document describes, checked against the configuration; the
// store-given parts (id, version) as the document says or defaults. Throws
// DataError naming "file:line".
Article article_from_document(const Document& d, const Session& s);

// `kb edit` from a document holding editable_keys(): every editable field
// as the document has it (a key left out clears its field).
EditRequest edit_from_document(const Document& d);

}  // namespace desk::kb
