#include "options.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "desk/core/error.hpp"
#include "desk/core/output_file.hpp"
#include "desk/core/text.hpp"
#include "desk/util/strings.hpp"
#include "desk/work/validate.hpp"

namespace desk::cmd {

CLI::Option* add_format(CLI::App& sub, Format& value, const std::vector<Format>& allowed) {
  value = allowed.front();
  std::vector<std::string> names;
  for (Format f : allowed) names.emplace_back(util::name(f));
  return sub
      .add_option_function<std::string>(
          "--format", [&value](const std::string& name) { value = *util::parse<Format>(name); },
          "Output format: " + util::join(names, ", "))
      ->check(CLI::IsMember(names))
      ->option_text("FORMAT");
}

Text& add_text(CLI::App& sub, Text& t, const std::string& name, const std::string& help) {
  t.option = sub.add_option(name, t.value, help);
  return t;
}

namespace {

// What is wrong with `text` as the value of an integer option ("" when nothing).
std::string int_problem(std::string_view text, std::int64_t min, std::int64_t max) {
  auto n = util::parse_int(text);
  if (n && *n >= min && *n <= max) return {};
  return fmt::format("must be a whole number from {} to {}, not '{}'", min, max,
                     util::truncate_to_width(util::single_line(text), 40));
}

}  // namespace

CLI::Option* add_int_option(CLI::App& sub, const std::string& name, const std::string& help,
                            std::int64_t min, std::int64_t max,
                            std::function<void(std::int64_t)> assign) {
  CLI::Option* opt = sub.add_option_function<std::string>(
      name,
      [assign = std::move(assign)](const std::string& text) {
        assign(*util::parse_int(text));  // checked below, before this runs
      },
      help);
  opt->check(
      CLI::Validator([min, max](std::string& text) { return int_problem(text, min, max); }, "N"));
  return opt->option_text("N");
}

void add_at(CLI::App& sub, Text& at) {
  add_text(sub, at, "--at", "When it really happened (default: now)");
  at.option->option_text("TIME");
}

std::optional<Instant> event_at(const Env& env, const Text& at) {
  if (!at.given()) return std::nullopt;
  return env.parse_time(at.value);
}

std::vector<std::int64_t> collect_ids(Env& env, const std::vector<std::string>& args,
                                      const IdParser& parse, std::string_view what) {
  std::vector<std::int64_t> ids;
  bool read_stdin = false;
  for (const auto& a : args) {
    if (a == "-")
      read_stdin = true;
    else
      ids.push_back(parse(a));
  }
  if (read_stdin) {
    (void)env;
    std::string line;
    std::size_t number = 0;
    while (std::getline(std::cin, line)) {
      ++number;
      std::string_view s = util::trim(line);
      // "#42" is an id; "# text" and "#text" are comments.
      if (s.empty() || (s.front() == '#' && (s.size() < 2 || s[1] < '0' || s[1] > '9'))) continue;
      // Accept the first field, so `desk list --format tsv | cut -f1` and
      // lines like "42<TAB>title" both work.
      s = s.substr(0, s.find_first_of(" \t,"));
      try {
        ids.push_back(parse(s));
      } catch (const UsageError&) {
        throw DataError(
            fmt::format("standard input line {}: {} is not {}", number, util::quoted(s), what));
      }
    }
  }
  return ids;
}

namespace {

std::string read_all(std::istream& in) {
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

// `in` to its end, holding at most `limit` + 1 bytes: a stream larger than
// the limit is refused once that much has come, not read whole first.
std::string read_at_most(std::istream& in, std::int64_t limit, std::string_view what,
                         std::string_view key) {
  std::string text;
  std::array<char, 64 * 1024> chunk{};
  while (in) {
    auto want = std::min<std::int64_t>(chunk.size(), limit + 1 - std::int64_t(text.size()));
    in.read(chunk.data(), want);
    text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    work::require_size(what, text.size(), limit, key);
  }
  return text;
}

std::string strip_trailing_newlines(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// Plain text in the editor: the instructions as '#' lines, dropped after.
std::string run_editor(const std::string& instructions) {
  std::string initial = "\n";
  for (const auto& line : util::split(instructions, '\n')) initial += "# " + line + "\n";
  initial += "# Lines starting with '#' are ignored; an empty text aborts.\n";
  std::istringstream saved(edit_in_editor(initial, "desk-edit", ".md"));
  std::string text;
  for (std::string line; std::getline(saved, line);)
    if (line.empty() || line.front() != '#') text += line + "\n";
  // As the file says: an empty text aborts (as an empty commit message does in git).
  if (util::trim(text).empty())
    throw DataError("the text is empty; nothing was recorded",
                    "write it in the editor, or give it with -m TEXT");
  return std::string(util::trim(text));
}

}  // namespace

std::string read_text(std::istream& in, std::string_view what) {
  std::string text = read_all(in);
  require_utf8(text, what);
  return text;
}

std::string read_text(std::istream& in, std::string_view what, std::int64_t limit,
                      std::string_view key) {
  std::string text = read_at_most(in, limit, what, key);
  require_utf8(text, what);
  return text;
}

std::string long_text(Env& env, const Text& m, const std::string& instructions, bool markdown) {
  if (m.given()) return m.value;
  const auto& limits = env.config().limits;
  if (!env.stdin_tty)
    return strip_trailing_newlines(
        markdown ? read_text(std::cin, "standard input", limits.article, "article")
                 : read_text(std::cin, "standard input", limits.text, "text"));
  if (!markdown) return run_editor(instructions);
  // The instructions go in an HTML comment, so '#' headings stay.
  std::string comment =
      "<!--\n" + instructions + "\nWrite Markdown above this comment; an empty text aborts.\n-->\n";
  std::string text = edit_in_editor("\n\n" + comment, "desk-edit", ".md");
  if (auto at = text.find(comment); at != std::string::npos) text.erase(at, comment.size());
  return std::string(util::trim(text));
}

std::string edit_in_editor(const std::string& text, const std::string& name_hint,
                           const std::string& suffix) {
  namespace fs = std::filesystem;
  std::string path = (fs::temp_directory_path() / (name_hint + "-XXXXXX" + suffix)).string();
  int fd = mkstemps(path.data(), static_cast<int>(suffix.size()));
  if (fd < 0) throw Error(Exit::io, "cannot create a temporary file for the editor");
  close(fd);
  {
    std::ofstream f(path, std::ios::binary);
    f << text;
  }
  const char* editor = std::getenv("VISUAL");
  if (editor == nullptr || *editor == '\0') editor = std::getenv("EDITOR");
  if (editor == nullptr || *editor == '\0') editor = "vi";
  int status = std::system(fmt::format("{} '{}'", editor, path).c_str());
  std::ifstream f(path, std::ios::binary);
  std::string saved = read_all(f);
  fs::remove(path);
  if (status != 0)
    throw UsageError(
        fmt::format("the editor {} failed; nothing was recorded", util::quoted(editor)));
  require_utf8(saved, "the text from the editor");
  return saved;
}

void write_output(Env& env, const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    env.out << content;
    return;
  }
  write_file(path, content);
}

std::vector<std::string> flatten(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values)
    for (auto& piece : util::split(v, ',')) out.push_back(std::move(piece));
  return out;
}

}  // namespace desk::cmd
