// An article as a file: a TOML front-matter block between "+++" lines, then
// the Markdown body. `kb export` writes them, `kb import` reads them, and
// `kb edit` hands the editable part to $EDITOR in the same shape:
//
//   +++
//   uid = "9b2f6c1e-3d4a-4f5b-8c7d-0e1f2a3b4c5d"
//   title = "Printer shows E-041 after a paper jam"
//   kind = "known-error"
//   tags = ["printer"]
//   symptom = """
//   The panel shows E-041."""
//   +++
//
//   Markdown body...
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "desk/core/time.hpp"
#include "desk/kb/article.hpp"

namespace desk::kb {

struct Document {
  std::string name;  // the file, for errors
  std::optional<std::string> uid, title, kind, state, category, service, author, fix_status,
      symptom, cause, workaround;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::int64_t> id;
  std::optional<int> version;
  std::optional<Instant> created_at, updated_at, published_at, retired_at;
  std::string body;
  std::map<std::string, int> lines;  // the line each key is on

  // "name:LINE" for a key's line, or "name" when it has none.
  std::string where(const std::string& key) const;
};

// Every key a document may have, in the order export writes them.
const std::vector<std::string>& document_keys();
// The keys `kb edit` reads: the article's content, not its state or history.
const std::vector<std::string>& editable_keys();

// Reads a document; a key outside `allowed` (default: every key) is an
// error. Local times and dates are read in `zone`. Throws DataError naming
// "name:LINE" and what is wrong.
Document parse_document(std::string_view text, const std::string& name, const Zone& zone,
                        const std::vector<std::string>* allowed = nullptr);

// The whole article (export). Empty fields are left out.
std::string write_document(const Article& a);
// What `kb edit` lets a person change, with a comment saying so.
std::string write_editable(const Article& a);
// "12-printer-shows-e-041.md": the id, then the title in lower case with
// everything but letters and digits as '-'.
std::string document_file_name(const Article& a);

// A TOML string for `text`: "basic" on one line, """multi-line""" when it
// has newlines. Exact: parsing it gives `text` back.
std::string toml_string(std::string_view text);

}  // namespace desk::kb
