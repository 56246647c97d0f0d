// Option builders and input helpers that several commands share, so that
// --format, --at, ids on stdin and long text behave the same everywhere.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "desk/format/rows.hpp"
#include "desk/work/validate.hpp"

#include "context.hpp"

namespace desk::cmd {

using format::Format;
// What a listing offers: its rows as a table or for a program.
inline const std::vector<Format> kRowFormats = {Format::table, Format::json, Format::jsonl,
                                                Format::csv, Format::tsv};
// --format, limited to `allowed`; the first is the default.
CLI::Option* add_format(CLI::App& sub, Format& value,
                        const std::vector<Format>& allowed = kRowFormats);

// An option that may be absent: `given` tells whether it was on the command line.
struct Text {
  std::string value;
  CLI::Option* option = nullptr;
  bool given() const { return option != nullptr && option->count() > 0; }
  std::optional<std::string> get() const {
    return given() ? std::optional<std::string>(value) : std::nullopt;
  }
};

Text& add_text(CLI::App& sub, Text& t, const std::string& name, const std::string& help);

// An integer option: a whole decimal number from `min` to `max`, read by
// util::parse_int, the one reader of integers in text (no sign, no 0x, no
// exponent, leading zeros decimal, nothing out of range). Anything else is
// a usage error naming the option. CLI11's own conversion is never used for
// integers: it reads "0x10" as 16 and "010" as 8.
inline constexpr std::int64_t kMaxLimit = 1'000'000'000;  // -n N: at most this many rows
CLI::Option* add_int_option(CLI::App& sub, const std::string& name, const std::string& help,
                            std::int64_t min, std::int64_t max,
                            std::function<void(std::int64_t)> assign);
template <typename T>
CLI::Option* add_int(CLI::App& sub, const std::string& name, T& value, const std::string& help,
                     std::int64_t min, std::int64_t max) {
  return add_int_option(sub, name, help, min, max,
                        [&value](std::int64_t v) { value = static_cast<T>(v); });
}

// --at TIME: when the event really happened.
void add_at(CLI::App& sub, Text& at);
std::optional<Instant> event_at(const Env& env, const Text& at);

// Ticket ids from arguments; "-" reads more from standard input, one per
// line (blank lines and #comments skipped). A bad id on stdin is bad data
// (65) naming its line. `parse` reads other ids (an article's), `what`
// names them in that message.
using IdParser = std::function<std::int64_t(std::string_view)>;
std::vector<std::int64_t> collect_ids(Env& env, const std::vector<std::string>& args,
                                      const IdParser& parse = work::parse_ticket_id,
                                      std::string_view what = "a ticket id");

// Long text: -m when given, else standard input when it is not a terminal,
// else $VISUAL/$EDITOR on a file holding `instructions` as # comments.
// Markdown keeps its '#' headings: the instructions are an HTML comment
// at the end of the file instead, removed from what is returned.
std::string long_text(Env& env, const Text& m, const std::string& instructions,
                      bool markdown = false);

// All of `in`, refused (DataError, 65) unless it is UTF-8; `what` names it
// in the message ("standard input").
std::string read_text(std::istream& in, std::string_view what);
// The same, refused (65) as soon as more than `limit` bytes have come, so a
// huge input is never held whole; `key` names the limit in [limits].
std::string read_text(std::istream& in, std::string_view what, std::int64_t limit,
                      std::string_view key);

// $VISUAL/$EDITOR on a temporary file `name_hint`-XXXXXX`suffix` holding
// `text`; returns what was saved, unchanged. UsageError when the editor
// fails, DataError when what it saved is not UTF-8.
std::string edit_in_editor(const std::string& text, const std::string& name_hint,
                           const std::string& suffix);

// Writes `content` to stdout when `path` is empty or "-", else to `path`
// through desk::OutputFile: a regular file is replaced atomically, a device
// or pipe written straight, anything else refused (core/output_file.hpp).
void write_output(Env& env, const std::string& path, const std::string& content);

// Splits "a,b" and repeated options into one list.
std::vector<std::string> flatten(const std::vector<std::string>& values);

}  // namespace desk::cmd
